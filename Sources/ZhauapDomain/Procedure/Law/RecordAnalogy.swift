import Foundation
import WorkingCalendar

/// R26 (Law "On legal acts" Art. 13): no norm settles the matter, so the executor records that it is
/// decided by analogy of statute (norms regulating similar relations, named from the registry) or of law
/// (the general principles and meaning of the legislation), on what, and why. Analogy never imposes
/// liability or restricts rights: the page says so beside the form.
public struct RecordAnalogy: ProcedureStep {
    public static let action = Action.recordAnalogy
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head]
    public static var needsLaw: Bool { true }

    public var kind: AnalogyKind
    public var basis: String
    public var basisRu: String?
    public var norms: [String]?
    public var reason: String

    public init(kind: AnalogyKind, basis: String, basisRu: String? = nil, norms: [String]? = nil, reason: String) {
        (self.kind, self.basis, self.basisRu, self.norms, self.reason) = (kind, basis, basisRu, norms, reason)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(basis, "basis")
        try Self.nonEmpty(reason, "reason")
        let registry = c.law ?? LawRegistry.empty
        var ids: [String] = []
        for id in norms ?? [] where !ids.contains(id) {
            guard registry.norm(id) != nil else { throw .unknownNorm(id) }
            ids.append(id)
        }
        // Analogy of statute applies a norm made for similar relations: name it.
        if kind == .statute, ids.isEmpty { throw .missingField("norms") }
        let record = AnalogyRecord(number: (a.law.analogies.last?.number ?? 0) + 1, kind: kind,
                                   basis: basis.trimmingCharacters(in: .whitespacesAndNewlines), basisRu: DocumentWording.given(basisRu),
                                   norms: ids, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines), recordedBy: c.actor.userID,
                                   recordedOn: c.today)
        a.law.analogies.append(record)
        return StepOutcome([AppealEvent(.analogyRecorded(AnalogyRecorded(number: record.number, kind: kind, norms: ids)), on: c.today,
                                        reason: record.reason)])
    }
}
