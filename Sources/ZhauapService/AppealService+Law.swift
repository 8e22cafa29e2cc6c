import Foundation
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage

/// The finder and the checklist of one case (R24–R29): what the executor sees before deciding.
public struct LawView: Sendable {
    public var appeal: Appeal
    /// The marker words picked out of the appeal's text (R24).
    public var picked: [String]
    /// The marker words searched with (the picked ones, or the executor's own).
    public var markers: [String]
    /// The day whose law is looked up (the appeal's registration day).
    public var relevantOn: CivilDate
    public var candidates: [NormCandidate]
    public var conflicts: [NormConflictView]
    /// How each applied norm stands in the registry now (amended or repealed since it was pinned).
    public var pins: [String: PinStatus]
    public var proposal: CaseLaw.Proposal
    public var registry: LawRegistry
    public var revision: Int?
}

extension AppealService {
    /// The finder for an appeal of the actor's body: `markers` nil → those picked out of the essence.
    public func lawView(_ appealID: UUID, actor: Actor, markers given: [String]?) async throws -> LawView {
        guard let law else { throw ServiceError.notFound }
        guard let (appeal, _) = try await storage.appeals.appeal(appealID, bodyID: actor.bodyID) else { throw ServiceError.notFound }
        let current = try await law.current()
        let index = current.index
        let picked = index.markers(in: appeal.essence ?? "")
        let markers = (given ?? picked).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let day = appeal.registration.registeredOn
        let candidates = index.find(markers: markers, on: day)
        // Conflicts among the candidates and the norms already applied.
        let applied = appeal.law.active.compactMap { a -> NormCandidate? in
            guard !candidates.contains(where: { $0.norm.id == a.pinned.normID }), let n = current.registry.norm(a.pinned.normID) else { return nil }
            return index.find(markers: n.markers, on: day).first { $0.norm.id == n.id }
        }
        var pins: [String: PinStatus] = [:]
        for a in appeal.law.applied { pins[a.pinned.normID] = PinStatus.of(a.pinned, in: current.registry) }
        return LawView(appeal: appeal, picked: picked, markers: markers, relevantOn: day, candidates: candidates,
                       conflicts: index.conflicts(among: candidates + applied), pins: pins,
                       proposal: appeal.law.proposal(needsAct: !(appeal.kind?.isSimplified ?? false)), registry: current.registry,
                       revision: current.revision)
    }

    /// The desk's search of the norms (the same normalisation as the appeals' search).
    public func searchNorms(_ query: String, actor: Actor, limit: Int = 20) async throws -> [NormCandidate] {
        guard let law else { return [] }
        let day = today(in: try await body(of: actor))
        return try await law.current().index.search(query, on: day, limit: limit)
    }
}
