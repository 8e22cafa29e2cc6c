import Foundation
import WorkingCalendar

/// APPC 65 (R6): an appeal outside the body's competence goes to the competent body — whole, or only the
/// demands outside competence — within 3 working days, and the applicant is told at the same time. A body
/// of this installation receives it as a new registered appeal that keeps the original moment of receipt.
public struct Forward: ProcedureStep {
    public static let action = Action.forward
    public static let allowedIn: Set<AppealState> = [.registered, .underConsideration]
    public static let who: Who = [.assignedExecutor, .head]

    /// A body of this installation, or nil for an outside body named in `targetName`.
    public var targetBodyID: UUID?
    public var targetName: String
    /// The name in Russian, when known (set from the body for a body of this installation).
    public var targetNameRu: String?
    /// Nil: the whole appeal.
    public var demands: [String]?

    public init(targetBodyID: UUID?, targetName: String, demands: [String]?) {
        self.targetBodyID = targetBodyID
        self.targetName = targetName
        self.demands = demands
    }

    enum CodingKeys: String, CodingKey { case targetBodyID = "targetBodyId", targetName, targetNameRu, demands }

    /// A body of this installation may be named by its id alone: the name is then taken from it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        targetBodyID = try c.decodeIfPresent(UUID.self, forKey: .targetBodyID)
        demands = try c.decodeIfPresent([String].self, forKey: .demands)
        targetNameRu = try c.decodeIfPresent(String.self, forKey: .targetNameRu)
        if targetBodyID == nil { targetName = try c.decode(String.self, forKey: .targetName) }
        else { targetName = try c.decodeIfPresent(String.self, forKey: .targetName) ?? "" }
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(targetName, "targetName")
        if let demands, demands.isEmpty || demands.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw .missingField("demands")
        }
        let newID = targetBodyID.map { _ in c.newID() }
        if let targetBodyID, targetBodyID == c.body.id { throw .forwardToSelf }
        a.forwardings.append(Forwarding(targetBodyID: targetBodyID, targetName: targetName,
                                        targetNameRu: DocumentWording.given(targetNameRu), demands: demands, forwardedOn: c.today,
                                        newAppealID: newID))
        let late = a.term(.forwarding).map { c.today > $0.due } ?? false
        let event = Forwarded(target: targetName, scope: demands == nil ? "whole" : "part", late: late,
                              documents: OutgoingDocument.forwardingNotice.copies, targetBody: targetBodyID, newAppeal: newID)
        a.close([.forwarding], on: c.today)
        a.issue(.forwardingNotice, on: c.today, by: c.actor)
        // Forwarding answers the competence question: nothing is the body's, or only part of it.
        a.competence = CompetenceDecision(competence: demands == nil ? .none : .part, decidedOn: c.today, decidedBy: c.actor.userID)
        if demands == nil {
            a.stage = .forwarded(executor: a.executorID)
            a.close([.consideration, .extensionNotice, .correction], .cancelled, on: c.today)
        }
        var effects: [Effect] = []
        if let targetBodyID, let newID { effects.append(.registerForwarded(targetBodyID: targetBodyID, newAppealID: newID, demands: demands)) }
        return StepOutcome([AppealEvent(.forwarded(event), on: c.today)], effects: effects)
    }
}
