import FluentKit

/// Each full read of an applicant's IIN/BIN (Law "On personal data"): which appeal, whose body, who, when.
struct CreateIdentificationReads: AsyncMigration {
    var name: String { "0012-create-identification-reads" }

    func prepare(on db: any Database) async throws {
        try await db.schema("identification_reads")
            .field("appeal_id", .uuid, .required)
            .field("body_id", .uuid, .required)
            .field("user_id", .uuid, .required)
            .field("read_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("identification_reads").delete()
    }
}
