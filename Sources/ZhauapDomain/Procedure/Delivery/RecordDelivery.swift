import Foundation
import WorkingCalendar

/// A sent document reached its addressee (APPC 66, 81; R33): the day and the proof — a receipt number, a
/// read notice, a signature — and the case document that holds it. For the draft decision the delivery
/// starts the objection window (APPC 73(3): 2 working days) and counts toward the earliest day of the act
/// (R33: 3 working days); a later delivery moves that day.
public struct RecordDelivery: ProcedureStep {
    public static let action = Action.recordDelivery
    public static let allowedIn = Set(AppealState.allCases)
    public static let who: Who = [.assignedExecutor, .head, .registrar]

    /// Offered while a sending waits for its delivery to be recorded.
    public static func isOffered(on a: Appeal) -> Bool { a.sendings.contains { $0.deliveredOn == nil } }

    /// The sending's number, 1 for the first recorded.
    public var sending: Int
    /// Nil: today.
    public var deliveredOn: CivilDate?
    public var proof: String?
    public var proofDocument: Int?

    public init(sending: Int, deliveredOn: CivilDate? = nil, proof: String? = nil, proofDocument: Int? = nil) {
        (self.sending, self.deliveredOn, self.proof, self.proofDocument) = (sending, deliveredOn, proof, proofDocument)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard a.sendings.indices.contains(sending - 1) else { throw .unknownSending(sending) }
        let s = a.sendings[sending - 1]
        guard s.deliveredOn == nil else { throw .deliveryRecorded(sending) }
        let day = deliveredOn ?? c.today
        guard day >= s.sentOn, day <= c.today else { throw .deliveryOutOfRange(day) }
        if let d = proofDocument, a.document(d).map({ $0.isWithdrawn }) ?? true { throw .unknownEvidenceDocument(d) }
        let proofText = DocumentWording.given(proof)
        // A delivery rests on something: a reference or a document (R46: every sending is recorded with its proof).
        guard proofText != nil || proofDocument != nil else { throw .missingField("proof") }
        a.sendings[sending - 1].deliveredOn = day
        a.sendings[sending - 1].proof = proofText
        a.sendings[sending - 1].proofDocument = proofDocument
        var event = DeliveryRecorded(sending: sending, document: s.document, participant: s.participant, sentOn: s.sentOn, deliveredOn: day,
                                     proofDocument: proofDocument)
        if s.document == .draftDecision, a.hearing != nil {
            try a.refreshHearingTerms(context: c)
            let receipt = a.draftReceipts(calendar: c.calendar, rules: c.rules).first { $0.participant == (s.participant ?? 1) }
            (event.objectionUntil, event.adoptableFrom) = (receipt?.objectionUntil, receipt?.adoptableFrom)
        }
        if s.document == .administrativeAct, a.signedAct != nil, a.kind != .complaint, a.complaintAgainst == nil {
            // APPC 92: the three months to complain run from the day the addressee learned of the act.
            let term = try Procedure.startTerm(.complaintFiling, for: a, from: day, context: c)
            a.close([.complaintFiling], .cancelled, on: c.today)
            a.terms.append(term)
            event.complaintUntil = term.due
        }
        return StepOutcome([AppealEvent(.deliveryRecorded(event), on: day)])
    }
}
