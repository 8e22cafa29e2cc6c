import Foundation
import WorkingCalendar

/// How far a fact of the case stands (R20, R21).
public enum FactStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case established
    case disputed
    case notProven = "not_proven"
}

/// Whom a fact serves: the applicant, against the applicant (the body carries the burden of proof for a
/// burdening act, R23), or neither.
public enum FactBearing: String, Sendable, Hashable, Codable, CaseIterable {
    case favours
    case burdens
    case neutral
}

/// A fact of the case, or an argument of the applicant (which the act must answer, R40), with the case
/// documents that support it.
public struct CaseFact: Sendable, Hashable, Codable {
    public var number: Int
    /// The statement in the case's working language; `statementRu` / `statementKk` when typed in both.
    public var statement: String
    public var statementKk: String?
    public var statementRu: String?
    public var status: FactStatus
    public var bearing: FactBearing
    /// Numbers of the case documents it rests on.
    public var evidence: [Int]
    /// An argument the applicant put forward (recorded as such, not as the body's finding).
    public var applicantArgument: Bool
    public var recordedBy: UUID
    public var recordedOn: CivilDate
    public var revisedOn: CivilDate?

    public init(number: Int, statement: String, statementKk: String? = nil, statementRu: String? = nil, status: FactStatus,
                bearing: FactBearing, evidence: [Int], applicantArgument: Bool, recordedBy: UUID, recordedOn: CivilDate, revisedOn: CivilDate? = nil) {
        (self.number, self.statement, self.statementKk, self.statementRu, self.status) = (number, statement, statementKk, statementRu, status)
        (self.bearing, self.evidence, self.applicantArgument, self.recordedBy, self.recordedOn, self.revisedOn) =
            (bearing, evidence, applicantArgument, recordedBy, recordedOn, revisedOn)
    }

    /// The statement in `lang` when typed in it, else the working one.
    public func statement(_ lang: Language) -> String {
        (lang == .ru ? statementRu : (lang == .kk ? statementKk : nil)) ?? statement
    }
}

/// Where a request for assistance went: a body of this installation (it arrives there registered) or an
/// outside body by name.
public struct RequestAddressee: Sendable, Hashable, Codable {
    public var bodyID: UUID?
    public var name: String
    public var nameRu: String?
}

/// A request to another state body for assistance (R22; APPC 20(1)(8)): the question, the term for its
/// answer, reminders, and how it ended.
public struct AssistanceRequest: Sendable, Hashable, Codable {
    public enum Outcome: Sendable, Hashable, Codable {
        case awaiting
        /// Answered: the answer is the case document of this number.
        case answered(document: Int, on: CivilDate)
        /// No answer could be obtained: the executor recorded why, and the head is told (R22).
        case failed(reason: String, on: CivilDate)

        private enum Key: String, CodingKey { case status, document, on, reason }

        /// `{"status": "awaiting"}`, `{"status": "answered", "document": 5, "on": "2024-02-01"}`, `{"status": "failed", "reason": …, "on": …}`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            switch self {
            case .awaiting: try c.encode("awaiting", forKey: .status)
            case .answered(let d, let on):
                try c.encode("answered", forKey: .status)
                try c.encode(d, forKey: .document)
                try c.encode(on, forKey: .on)
            case .failed(let reason, let on):
                try c.encode("failed", forKey: .status)
                try c.encode(reason, forKey: .reason)
                try c.encode(on, forKey: .on)
            }
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            switch try c.decode(String.self, forKey: .status) {
            case "awaiting": self = .awaiting
            case "answered": self = .answered(document: try c.decode(Int.self, forKey: .document), on: try c.decode(CivilDate.self, forKey: .on))
            case "failed": self = .failed(reason: try c.decode(String.self, forKey: .reason), on: try c.decode(CivilDate.self, forKey: .on))
            case let other: throw DecodingError.dataCorruptedError(forKey: .status, in: c, debugDescription: "unknown outcome \(other)")
            }
        }
    }

    public var number: Int
    public var to: RequestAddressee
    public var question: String
    public var questionRu: String?
    public var sentOn: CivilDate
    public var due: CivilDate
    /// The term's rule and its basis as cited, with its status ([V]/[S]/[U]).
    public var termRuleID: String
    public var termBasis: String
    /// The request letter in the case (documents of these numbers, kk and ru).
    public var letters: [Int]
    /// Days a reminder was sent.
    public var chases: [CivilDate]
    public var outcome: Outcome
    /// The appeal it was registered as in the addressed body of this installation.
    public var registeredAs: UUID?
    public var requestedBy: UUID

    public var isAwaiting: Bool { if case .awaiting = outcome { true } else { false } }

    /// Past its term and still unanswered on `day`.
    public func isOverdue(on day: CivilDate) -> Bool { isAwaiting && day > due }
}

/// An appeal that is another body's request for assistance, registered here: where the answer goes back.
public struct AssistanceLink: Sendable, Hashable, Codable {
    public var appealID: UUID
    public var bodyID: UUID
    public var requestNumber: Int
    public var caseNumber: String
}

/// An expert involved where the body lacks the knowledge (R23): who, on what, by when, and the opinion.
public struct ExpertInvolvement: Sendable, Hashable, Codable {
    public var number: Int
    public var expert: String
    public var question: String
    public var due: CivilDate
    public var involvedOn: CivilDate
    /// The opinion as a case document, when received.
    public var opinion: Int?
}

/// A case handed over (R13): what was exported and the hashes that prove it later.
public struct CaseExport: Sendable, Hashable, Codable {
    public var number: Int
    public var language: Language
    public var exportedOn: CivilDate
    public var exportedBy: UUID
    public var exportedByName: String
    public var documents: Int
    public var sheets: Int
    public var manifestSHA256: String
    public var pdf: StoredFile
    public var zip: StoredFile
    /// The trail's head hash when exported (in the manifest too).
    public var trailHead: String
}
