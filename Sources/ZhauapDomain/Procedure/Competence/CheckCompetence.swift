import Foundation
import WorkingCalendar

/// Whether the matter is within the body's competence (APPC 65, R6).
public enum Competence: String, Sendable, Hashable, Codable, CaseIterable {
    /// The whole appeal is the body's to consider.
    case whole
    /// Some demands are the body's, others go to the competent body.
    case part
    /// Nothing is the body's: the whole appeal goes to the competent body.
    case none
}

/// The recorded answer to the competence question: what, on which day, by whom.
public struct CompetenceDecision: Sendable, Hashable, Codable {
    public var competence: Competence
    public var decidedOn: CivilDate
    public var decidedBy: UUID

    public init(competence: Competence, decidedOn: CivilDate, decidedBy: UUID) {
        (self.competence, self.decidedOn, self.decidedBy) = (competence, decidedOn, decidedBy)
    }
}

/// APPC 65 (R6): whoever handles the appeal first checks whether it is within the body's competence —
/// in whole, in part, or not at all. Competent in whole, the forwarding term is met on that day; in part
/// or not at all, it stays open until the demands outside competence are forwarded.
public struct CheckCompetence: ProcedureStep {
    public static let action = Action.checkCompetence
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration, .awaitingCorrection]
    public static let who: Who = [.registrar, .assignedExecutor, .head]

    public var competence: Competence
    /// The body's competence area the matter falls in, when known.
    public var area: String?

    public init(competence: Competence, area: String? = nil) {
        self.competence = competence
        self.area = area
    }

    /// Offered until the question is answered.
    public static func isOffered(on a: Appeal) -> Bool { a.competence == nil }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        if let area, !area.isEmpty, !c.body.competenceAreas.contains(where: { $0.code == area }) { throw .unknownArea(area) }
        a.competence = CompetenceDecision(competence: competence, decidedOn: c.today, decidedBy: c.actor.userID)
        if let area, !area.isEmpty { a.area = area }
        let late = a.term(.forwarding).map { c.today > $0.due } ?? false
        if competence == .whole { a.close([.forwarding], on: c.today) }
        return StepOutcome([AppealEvent(.competenceChecked(CompetenceChecked(competence: competence, area: a.area ?? "", late: late)), on: c.today)])
    }
}
