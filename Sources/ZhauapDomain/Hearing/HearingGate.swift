import Foundation
import WorkingCalendar

extension Hearing {
    /// The oral hearing's protocol, once recorded.
    public var protocol_: HearingProtocol? { if case .held(let h) = conduct { h.protocol_ } else { nil } }
    public var isHeld: Bool { if case .held = conduct { true } else { false } }
    public var omission: HearingOmission? { if case .omitted(let o) = conduct { o } else { nil } }
}

/// When a participant received the draft decision in force, and what follows from it (R33; APPC 73(3)).
public struct DraftReceipt: Sendable, Hashable {
    public var participant: Int
    /// Nil: sent but not (yet) recorded as delivered, or not sent at all.
    public var sentOn: CivilDate?
    public var receivedOn: CivilDate?
    /// The last day to object (2 working days of receipt) and the earliest day of the act (3 working days).
    public var objectionUntil: CivilDate?
    public var adoptableFrom: CivilDate?
}

/// Why the act may not be adopted yet (the act's stage checks this gate; R33, R34, R35).
public enum AdoptionBlock: Sendable, Hashable {
    /// An act needs the hearing question answered first (plan the hearing).
    case hearingNotPlanned
    /// The hearing is required and neither held nor omitted with a reason.
    case hearingPending
    /// No draft decision was prepared for the hearing.
    case noDraft
    /// The draft in force has not reached this participant (recorded as delivered).
    case draftNotDelivered(participant: Int)
    /// Fewer than three working days since the last participant received the draft.
    case tooEarly(earliest: CivilDate)

    public var code: String {
        switch self {
        case .hearingNotPlanned: "hearing_not_planned"
        case .hearingPending: "hearing_pending"
        case .noDraft: "no_draft"
        case .draftNotDelivered: "draft_not_delivered"
        case .tooEarly: "too_early"
        }
    }
}

/// Whether, and from which day, the act may be adopted, with each participant's receipt of the draft.
public struct AdoptionGate: Sendable, Hashable {
    public var receipts: [DraftReceipt]
    /// The earliest day of adoption: 3 working days after the last receipt (nil while one is missing or
    /// when the hearing was omitted — then there is no wait).
    public var earliest: CivilDate?
    /// The reasons adoption is refused on the day asked.
    public var blocks: [AdoptionBlock]

    public var allowed: Bool { blocks.isEmpty }
}

extension Appeal {
    /// The sendings of the draft decision in force to participant `n` (the addressee is 1).
    func draftSendings(to n: Int) -> [Sending] {
        guard let draft = hearing?.draft else { return [] }
        return sendings.filter { $0.document == .draftDecision && ($0.participant ?? 1) == n && $0.caseDocument.map(draft.documents.contains) ?? false }
    }

    /// Each participant's receipt of the draft in force, counted on the real calendar by the term rules.
    public func draftReceipts(calendar: WorkingDayCalendar, rules: TermRules) -> [DraftReceipt] {
        guard let hearing else { return [] }
        return hearing.participants.map { p in
            let sent = draftSendings(to: p.number)
            // The earliest delivery counts: the participant had the draft from then on.
            let received = sent.compactMap(\.deliveredOn).min()
            func term(_ purpose: TermPurpose, from day: CivilDate) -> CivilDate? { rules.end(of: purpose, from: day, kind: kind, calendar: calendar) }
            return DraftReceipt(participant: p.number, sentOn: sent.map(\.sentOn).min(), receivedOn: received,
                                objectionUntil: received.flatMap { term(.objection, from: $0) }, adoptableFrom: received.flatMap { term(.draftLead, from: $0) })
        }
    }

    /// APPC 73, R33–R35: may the act be adopted on `day`? An act that needs no hearing passes once the hearing
    /// question is answered (optional, or omitted with its reason); otherwise every participant must have had
    /// the draft in force for three working days, and a required hearing must be held.
    public func adoptionGate(on day: CivilDate, calendar: WorkingDayCalendar, rules: TermRules) -> AdoptionGate {
        guard let h = hearing else { return AdoptionGate(receipts: [], earliest: nil, blocks: [.hearingNotPlanned]) }
        let receipts = draftReceipts(calendar: calendar, rules: rules)
        if h.ruling.decision == .notApplicable || h.omission != nil { return AdoptionGate(receipts: receipts, earliest: nil, blocks: []) }
        var blocks: [AdoptionBlock] = []
        // Held, or omitted with its reason (above): until then the hearing question is open, required or not.
        if !h.isHeld { blocks.append(.hearingPending) }
        if h.draft == nil { blocks.append(.noDraft) }
        let missing = receipts.filter { $0.receivedOn == nil }
        blocks += missing.map { .draftNotDelivered(participant: $0.participant) }
        let earliest = missing.isEmpty ? receipts.compactMap(\.adoptableFrom).max() : nil
        if let earliest, day < earliest { blocks.append(.tooEarly(earliest: earliest)) }
        return AdoptionGate(receipts: receipts, earliest: earliest, blocks: blocks)
    }
}
