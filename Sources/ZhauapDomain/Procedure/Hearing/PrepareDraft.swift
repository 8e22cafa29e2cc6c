import Foundation
import WorkingCalendar

/// R33: the draft decision (preliminary decision, APPC 73) that each participant receives at least three
/// working days before the act: what is intended, on which facts, on which law — in Kazakh, and in Russian
/// too for an appeal in Russian (Law "On languages" Arts. 8, 11), frozen in the case as two documents. A new
/// version replaces the old one: its deliveries start the count again.
public struct PrepareDraft: ProcedureStep {
    public static let action = Action.prepareDraft
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor, .head]

    public static func isOffered(on a: Appeal) -> Bool { a.hearingIsOpen }

    public var summaryKk: String
    public var factsKk: String?
    public var reasoningKk: String?
    public var summaryRu: String?
    public var factsRu: String?
    public var reasoningRu: String?

    public init(summaryKk: String, factsKk: String? = nil, reasoningKk: String? = nil, summaryRu: String? = nil, factsRu: String? = nil,
                reasoningRu: String? = nil) {
        (self.summaryKk, self.factsKk, self.reasoningKk) = (summaryKk, factsKk, reasoningKk)
        (self.summaryRu, self.factsRu, self.reasoningRu) = (summaryRu, factsRu, reasoningRu)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        var h = try a.openHearing()
        let kk = DraftText(operativeSummary: try Self.required(summaryKk, "summaryKk"), facts: DocumentWording.given(factsKk),
                           legalReasoning: DocumentWording.given(reasoningKk))
        var ru: DraftText?
        if let s = DocumentWording.given(summaryRu) {
            ru = DraftText(operativeSummary: s, facts: DocumentWording.given(factsRu), legalReasoning: DocumentWording.given(reasoningRu))
        } else if DocumentWording.russianRequired(for: a) { throw .missingField("summaryRu") }
        let version = (h.drafts.last?.version ?? 0) + 1
        h.drafts.append(DraftDecision(version: version, kk: kk, ru: ru, documents: [], preparedOn: c.today, preparedBy: c.actor.userID))
        a.hearing = h
        let frozen = a.freeze(.draftDecision(version: version), title: "draft_decision", kind: .draftDecision, party: nil, direction: .internal,
                              languages: ru == nil ? [.kk] : [.kk, .ru], generated: .draftDecision, context: c)
        a.hearing?.drafts[version - 1].documents = frozen.numbers
        let event = AppealEvent(.draftPrepared(DraftPrepared(version: version, documents: frozen.numbers, languages: ru == nil ? [.kk] : [.kk, .ru])),
                                on: c.today)
        return StepOutcome([event] + frozen.events, effects: frozen.effects)
    }
}
