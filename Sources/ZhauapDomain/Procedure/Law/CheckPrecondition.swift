import Foundation
import WorkingCalendar

/// R27, R28: one item of the preconditions checklist of an applied norm — met, not met or unclear — with
/// the case's facts and documents that support the answer, a note, and, where the applicant needs the
/// precondition explained, the explanation in Kazakh and Russian (by default the registry's). Answering
/// an item again replaces the answer; the trail keeps each.
public struct CheckPrecondition: ProcedureStep {
    public static let action = Action.checkPrecondition
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head]

    public var norm: String
    public var precondition: Int
    public var answer: PreconditionAnswer
    public var facts: [Int]?
    public var evidence: [Int]?
    public var note: String?
    public var explainKk: String?
    public var explainRu: String?

    public init(norm: String, precondition: Int, answer: PreconditionAnswer, facts: [Int]? = nil, evidence: [Int]? = nil, note: String? = nil,
                explainKk: String? = nil, explainRu: String? = nil) {
        (self.norm, self.precondition, self.answer, self.facts, self.evidence, self.note, self.explainKk, self.explainRu) =
            (norm, precondition, answer, facts, evidence, note, explainKk, explainRu)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard let i = a.law.applied.lastIndex(where: { $0.pinned.normID == norm && $0.isActive }) else { throw .normNotApplied(norm) }
        let items = a.law.applied[i].pinned.version.preconditions
        guard items.indices.contains(precondition - 1) else { throw .unknownPrecondition(norm: norm, number: precondition) }
        let known = Set(a.facts.map(\.number))
        let facts = Array(Set(facts ?? [])).sorted()
        for f in facts where !known.contains(f) { throw .unknownEvidenceFact(f) }
        let evidence = Array(Set(evidence ?? [])).sorted()
        for d in evidence where a.document(d).map({ $0.isWithdrawn }) ?? true { throw .unknownEvidenceDocument(d) }
        // A "met" or "not met" rests on something of the case: a fact or a document (R21: facts are documented).
        if answer != .unclear, facts.isEmpty, evidence.isEmpty { throw .missingField("facts") }
        let item = items[precondition - 1]
        let check = PreconditionCheck(precondition: precondition, answer: answer, facts: facts, evidence: evidence,
                                      note: DocumentWording.given(note), explainKk: DocumentWording.given(explainKk) ?? item.explainKk,
                                      explainRu: DocumentWording.given(explainRu) ?? item.explainRu, answeredBy: c.actor.userID, answeredOn: c.today)
        a.law.applied[i].checks.removeAll { $0.precondition == precondition }
        a.law.applied[i].checks.append(check)
        a.law.applied[i].checks.sort { $0.precondition < $1.precondition }
        return StepOutcome([AppealEvent(.preconditionChecked(PreconditionChecked(number: a.law.applied[i].number, norm: norm, check: check)),
                                        on: c.today)])
    }
}
