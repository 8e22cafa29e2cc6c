import Foundation
import WorkingCalendar

/// The kinds of administrative act (APPC 4): on an application the act grants or refuses; on a complaint
/// the higher body decides (APPC 91–100). The simplified answer (APPC 87–89) is not an act.
public enum ActKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Grants, confirms or improves a right, or frees from a duty.
    case favourable
    /// Refuses, restricts or ends a right, imposes a duty, or otherwise worsens the participant's position.
    case burdening
    /// The higher body's decision on a complaint (APPC 100).
    case complaintDecision = "complaint_decision"
}

/// The parts of a justified act in the model structure (R43), each a separate, visible section. The eight
/// of `required` are in every act; the others carry what R35 and R40 ask when they apply (they may also be
/// written inside the legal reasoning).
public enum ActSection: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    case introduction
    case title
    case salutation
    case operativeSummary = "operative_summary"
    case facts
    case legalReasoning = "legal_reasoning"
    /// The applicant's arguments, each accepted or not and why (R40).
    case arguments
    /// For a discretionary decision: how APPC 10 and 11 were respected (R40).
    case discretion
    /// When no hearing was held: why (R35, APPC 73).
    case hearing
    case appealProcedure = "appeal_procedure"
    case signature

    /// The sections every act has (R43).
    public static let required: [ActSection] = [.introduction, .title, .salutation, .operativeSummary, .facts,
                                                .legalReasoning, .appealProcedure, .signature]

    public static func < (l: ActSection, r: ActSection) -> Bool {
        allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
    }
}

/// One language version of an act: its sections' texts (Law "On languages" Arts. 8, 11 — one language
/// per document).
public typealias ActSections = [ActSection: String]

/// What the justification check knows about the hearing (R30–R35): from the case, or as stated by a body
/// that drafted the act elsewhere.
public struct ActHearingFacts: Sendable, Hashable, Codable {
    public var held: Bool
    public var form: HearingForm?
    /// When not held: why (the reason the act must state).
    public var omissionReason: String?
    /// The day the draft reached the participant (or was sent, when delivery is not known).
    public var draftGivenOn: CivilDate?

    public init(held: Bool, form: HearingForm? = nil, omissionReason: String? = nil, draftGivenOn: CivilDate? = nil) {
        (self.held, self.form, self.omissionReason, self.draftGivenOn) = (held, form, omissionReason, draftGivenOn)
    }
}

/// An argument of the applicant the act must answer (R40), from the case's facts or the hearing.
public struct ActArgument: Sendable, Hashable, Codable {
    public var number: Int
    public var text: String
    public init(number: Int, text: String) { (self.number, self.text) = (number, text) }
}

/// Everything the justification check reads: the versions' texts and the facts of the case it can see.
public struct ActCheckInput: Sendable, Hashable {
    public var kind: ActKind
    public var appealKind: AppealKind?
    public var discretionary: Bool
    /// nil: not stated (the checks that need it are not run).
    public var hearing: ActHearingFacts?
    /// The day of adoption (for the three working days after the draft, APPC 73(2)).
    public var actDate: CivilDate?
    public var versions: [Language: ActSections]
    /// The applicant's arguments known to the case (nil when the check has only the text).
    public var arguments: [ActArgument]?

    public init(kind: ActKind, appealKind: AppealKind? = nil, discretionary: Bool = false, hearing: ActHearingFacts? = nil,
                actDate: CivilDate? = nil, versions: [Language: ActSections], arguments: [ActArgument]? = nil) {
        (self.kind, self.appealKind, self.discretionary, self.hearing) = (kind, appealKind, discretionary, hearing)
        (self.actDate, self.versions, self.arguments) = (actDate, versions, arguments)
    }
}

/// One thing the check found in an act: what, where, why (with the requirement and article) and how to fix it.
public struct ActFinding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Blocks signing.
        case error
        /// Signing goes on once someone acknowledges it with a reason (on the trail).
        case warning
    }

    /// Stable: e.g. `section_missing`, `template_phrase`, `argument_unanswered`.
    public var code: String
    public var severity: Severity
    public var section: ActSection?
    /// nil: about the act as a whole, or both versions.
    public var language: Language?
    /// The words the finding is about, as written.
    public var excerpt: String?
    /// For a difference between the versions: the other version's words.
    public var otherExcerpt: String?
    /// The requirement and the article, e.g. "R39; APPC 79, 80".
    public var basis: String
    public var why: LocalizedText
    public var fix: LocalizedText

    public init(code: String, severity: Severity, section: ActSection?, language: Language?, excerpt: String? = nil,
                otherExcerpt: String? = nil, basis: String, why: LocalizedText, fix: LocalizedText) {
        (self.code, self.severity, self.section, self.language, self.excerpt) = (code, severity, section, language, excerpt)
        (self.otherExcerpt, self.basis, self.why, self.fix) = (otherExcerpt, basis, why, fix)
    }
}
