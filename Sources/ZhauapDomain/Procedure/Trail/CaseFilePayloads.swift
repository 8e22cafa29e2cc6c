import Foundation
import WorkingCalendar

// The facts the case file's trail entries record (see `EventPayload`). Titles, statements and questions
// stay in the case; the trail keeps numbers, kinds and hashes (the state hash covers the rest).

public struct DocumentAdded: Sendable, Hashable, Codable {
    public var number: Int
    public var kind: CaseDocumentKind
    public var direction: DocumentDirection
    public var sheets: Int
    public var sha256: String?
    public var generated: String?

    public init(_ d: CaseDocument) {
        (number, kind, direction, sheets, sha256) = (d.number, d.kind, d.direction, d.sheets, d.file?.sha256)
        generated = d.generated.map { "\($0.rawValue):\(d.language?.rawValue ?? "kk")" }
    }
}

public struct DocumentWithdrawn: Sendable, Hashable, Codable {
    public var number: Int
}

public struct FactRecorded: Sendable, Hashable, Codable {
    public var number: Int
    public var status: FactStatus
    public var bearing: FactBearing
    public var evidence: [Int]
    public var applicantArgument: Bool

    public init(_ f: CaseFact) {
        (number, status, bearing, evidence, applicantArgument) = (f.number, f.status, f.bearing, f.evidence, f.applicantArgument)
    }
}

public struct AssistanceRequested: Sendable, Hashable, Codable {
    public var number: Int
    public var targetBodyId: UUID?
    public var due: CivilDate
    public var ruleId: String
}

public struct RequestChased: Sendable, Hashable, Codable {
    public var number: Int
    public var due: CivilDate
    public var overdue: Bool
}

public struct RequestAnswered: Sendable, Hashable, Codable {
    public var number: Int
    public var document: Int
    public var late: Bool
}

public struct RequestFailed: Sendable, Hashable, Codable {
    public var number: Int
    public var headNotified: Bool
}

public struct ExpertInvolved: Sendable, Hashable, Codable {
    public var number: Int
    public var due: CivilDate
}

public struct ExpertOpinionRecorded: Sendable, Hashable, Codable {
    public var number: Int
    public var document: Int
}

public struct CaseExported: Sendable, Hashable, Codable {
    public var number: Int
    public var language: Language
    public var documents: Int
    public var sheets: Int
    public var manifestSha256: String
    public var pdfSha256: String
    public var zipSha256: String
    public var trailHead: String
}
