import Foundation
import WorkingCalendar

// The facts each kind of trail entry records (see `EventPayload`).

public struct Registered: Sendable, Hashable, Codable {
    public var number: String
    public var channel: Channel
    public var registeredOn: CivilDate
    public var documents: [String]
    public var externalNumber: String?
    public var forwardedFrom: String?
    public var missing: [ChecklistItem]?
    public var identificationFlags: [IdentificationNumber.Problem]?
    /// What the product read in the text (R5, R8): the kind it suggested with its confidence, a crime or
    /// threat and who flagged it, a missing essence — so each human decision can be set against it.
    public var suggestedKind: AppealKind?
    public var confidence: Double?
    public var crimeFlag: CrimeFlag.Source?
    public var crimeCategories: [String]?
    public var noEssence: Bool?
    public var repeatOf: String?
    public var similarity: Double?
}

/// APPC 88: a head cleared the crime-or-threat flag (the reason is the entry's reason).
public struct CrimeFlagCleared: Sendable, Hashable, Codable {
    public var setBy: CrimeFlag.Source
    public var categories: [String]
}

public struct CompletenessRecorded: Sendable, Hashable, Codable {
    public var missing: [ChecklistItem]
    public var feeRequired: Bool
}

public struct ReturnedForCorrection: Sendable, Hashable, Codable {
    public var due: CivilDate
    public var workingDays: Int
    public var documents: [String]
}

public struct Terminated: Sendable, Hashable, Codable {
    public var ground: TerminationGround
    /// For an appeal ended uncorrected: the correction deadline that passed.
    public var correctionDue: CivilDate?

    public init(ground: TerminationGround, correctionDue: CivilDate? = nil) {
        self.ground = ground
        self.correctionDue = correctionDue
    }
}

public struct KindConfirmed: Sendable, Hashable, Codable {
    public var kind: AppealKind
    /// The competence area confirmed ("" when none).
    public var area: String
    /// The kind suggested at registration ("" when none).
    public var suggested: String
}

public struct CompetenceChecked: Sendable, Hashable, Codable {
    public var competence: Competence
    /// The competence area named ("" when none).
    public var area: String
    /// Answered after the 3-working-day forwarding term.
    public var late: Bool
}

public struct TermChanged: Sendable, Hashable, Codable {
    public var purpose: TermPurpose
    public var due: CivilDate
    public var rule: String
}

public struct TermRecomputed: Sendable, Hashable, Codable {
    public var purpose: TermPurpose
    public var from: CivilDate
    public var to: CivilDate
    /// The calendar version the term was counted on again.
    public var calendar: String

    public init(purpose: TermPurpose, from: CivilDate, to: CivilDate, calendar: String) {
        self.purpose = purpose
        self.from = from
        self.to = to
        self.calendar = calendar
    }
}

public struct Assigned: Sendable, Hashable, Codable {
    public var executor: UUID
}

public struct Forwarded: Sendable, Hashable, Codable {
    public var target: String
    /// `whole` or `part`.
    public var scope: String
    public var late: Bool
    public var documents: [String]
    public var targetBody: UUID?
    public var newAppeal: UUID?
}

public struct RecusalRequested: Sendable, Hashable, Codable {
    public var source: RecusalRequest.Source
}

public struct RecusalDecided: Sendable, Hashable, Codable {
    public var accepted: Bool
    public var executor: UUID?
}

public struct Extended: Sendable, Hashable, Codable {
    public var from: CivilDate
    public var to: CivilDate
    public var originalDue: CivilDate
}

public struct ExtensionRequested: Sendable, Hashable, Codable {
    public var until: CivilDate
}

public struct ExtensionDecided: Sendable, Hashable, Codable {
    public var accepted: Bool
    public var until: CivilDate?
}

public struct DocumentSent: Sendable, Hashable, Codable {
    public var document: OutgoingDocument
    public var language: Language
    public var channel: DeliveryChannel
    /// Set for the extension notice: whether it was sent after its 3-working-day term.
    public var late: Bool?
}

public struct Answered: Sendable, Hashable, Codable {
    public var character: AnswerCharacter
    /// Answered after the consideration term's last day.
    public var late: Bool
}
