import Foundation
import WorkingCalendar

/// R42, R43: the act is drafted from the structured case — each section proposed in Kazakh and in Russian
/// (two documents, Law "On languages" Arts. 8, 11) — for the executor to edit. A new draft replaces the
/// old one (a new revision; approvals start again). An application ends in a favourable or burdening act,
/// a complaint in the higher body's decision (APPC 100).
public struct DraftAct: ProcedureStep {
    public static let action = Action.draftAct
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor, .head]
    public static var needsHigherBody: Bool { true }

    public static func isOffered(on a: Appeal) -> Bool { a.kind.map { !$0.isSimplified } ?? false }

    public var kind: ActKind
    public var discretionary: Bool?
    public var outcome: ComplaintOutcome?
    /// People of the body who approve the draft before the signer (R44), in order.
    public var approvers: [UUID]?

    public init(kind: ActKind, discretionary: Bool? = nil, outcome: ComplaintOutcome? = nil, approvers: [UUID]? = nil) {
        (self.kind, self.discretionary, self.outcome, self.approvers) = (kind, discretionary, outcome, approvers)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard let appealKind = a.kind else { throw .kindNotConfirmed }
        switch (appealKind, kind) {
        case (.application, .favourable), (.application, .burdening), (.complaint, .complaintDecision): break
        default: throw .actKindNotAllowed(kind)
        }
        if kind == .complaintDecision, outcome == nil { throw .missingField("outcome") }
        if kind != .complaintDecision, outcome != nil { throw .actKindNotAllowed(kind) }
        let list = approvers ?? []
        guard Set(list).count == list.count else { throw .missingField("approvers") }
        let inputs = ActDrafter.Inputs(kind: kind, outcome: outcome, discretionary: discretionary ?? false, body: c.body,
                                       higherBody: c.higherBody, drafter: c.actor)
        let revision = (a.act?.revision ?? 0) + 1
        a.act = ActDraft(kind: kind, discretionary: discretionary ?? false, outcome: outcome,
                         kk: ActDrafter.propose(for: a, inputs, lang: .kk), ru: ActDrafter.propose(for: a, inputs, lang: .ru),
                         revision: revision, draftedOn: c.today, draftedBy: c.actor.userID,
                         approvals: list.map { ActApproval(approver: $0, approverName: nil, approvedOn: nil, revision: nil, comment: nil) })
        let event = ActDrafted(kind: kind, outcome: outcome, discretionary: discretionary ?? false, revision: revision, approvers: list.count)
        return StepOutcome([AppealEvent(.actDrafted(event), on: c.today)], effects: list.map { .requireColleague($0) })
    }
}

/// R42: the executor edits the proposed sections, each language on its own; an empty text clears a
/// section. Every edit is a new revision: approvals given to an earlier one no longer count, and the
/// warnings let pass on an edited section must be looked at again.
public struct EditAct: ProcedureStep {
    public static let action = Action.editAct
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor, .head]
    public static func isOffered(on a: Appeal) -> Bool { a.act != nil }

    /// The longest text a section takes.
    public static let maxSectionLength = 20_000

    public var kk: ActSections?
    public var ru: ActSections?
    public var discretionary: Bool?

    public init(kk: ActSections? = nil, ru: ActSections? = nil, discretionary: Bool? = nil) {
        (self.kk, self.ru, self.discretionary) = (kk, ru, discretionary)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard var d = a.act else { throw .noAct }
        var changed: [String] = []
        for (lang, given) in [(Language.kk, kk), (.ru, ru)] {
            for (section, text) in (given ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard text.count <= Self.maxSectionLength else { throw .textTooLong(field: "\(lang.rawValue).\(section.rawValue)", limit: Self.maxSectionLength) }
                let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
                let current = d.sections(lang)[section]?.trimmingCharacters(in: .whitespacesAndNewlines)
                guard clean != current ?? "" || (clean.isEmpty && current != nil) else { continue }
                if lang == .ru { d.ru[section] = clean } else { d.kk[section] = clean }
                changed.append("\(lang.rawValue):\(section.rawValue)")
                d.acknowledgements.removeAll { $0.section == section && ($0.language == nil || $0.language == lang) }
            }
        }
        if let discretionary, discretionary != d.discretionary {
            d.discretionary = discretionary
            changed.append("discretionary")
            if discretionary, d.kk[.discretion] == nil { (d.kk[.discretion], d.ru[.discretion]) = ("", "") }
        }
        guard !changed.isEmpty else { return StepOutcome([]) }
        d.revision += 1
        a.act = d
        return StepOutcome([AppealEvent(.actEdited(ActEdited(revision: d.revision, sections: changed)), on: c.today)])
    }
}
