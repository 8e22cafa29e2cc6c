import FluentKit
import Foundation

/// A calendar override file imported by an administrator, kept whole so that every app instance over the
/// same database compiles the same calendar. `@unchecked Sendable`: Fluent's property wrappers.
final class CalendarOverrideModel: Model, @unchecked Sendable {
    static let schema = "calendar_overrides"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "label") var label: String
    @Field(key: "content") var content: String
    @Field(key: "content_sha256") var contentSHA256: String
    @Field(key: "imported_at") var importedAt: Date
    @OptionalField(key: "imported_by") var importedBy: String?

    init() {}

    init(label: String, content: String, contentSHA256: String, importedAt: Date, importedBy: String?) {
        self.label = label
        self.content = content
        self.contentSHA256 = contentSHA256
        self.importedAt = importedAt
        self.importedBy = importedBy
    }
}
