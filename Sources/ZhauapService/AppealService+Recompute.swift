import Foundation
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage

extension AppealService {
    /// The actor recorded on the trail for steps the system takes itself (a calendar change).
    public static let systemActor = Actor(userID: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), bodyID: UUID(),
                                          name: "Zhauap", position: "system", roles: [])

    /// After a calendar change every open term is counted again on the calendar in force; each appeal
    /// whose due date moves gets a `term_recomputed` entry naming the calendar version. A date a head set
    /// by extension stays as set. Returns how many appeals changed.
    @discardableResult
    public func recomputeOpenTerms() async throws -> Int {
        let calendar = try await calendars.current()
        var changed = 0
        let bodies = Dictionary(try await storage.organisation.bodies().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, bodyID) in try await storage.appeals.openAppealIDs() {
            let timeZone = bodies[bodyID]?.timeZone ?? AdministrativeBody.defaultTimeZone
            let did = try await write { tx -> Bool in
                let store = tx.appeals
                guard let (appeal, length) = try await store.appeal(id, bodyID: bodyID) else { return false }
                var updated = appeal
                var events: [AppealEvent] = []
                for i in updated.terms.indices where updated.terms[i].status == .active && updated.terms[i].originalDue == nil {
                    let t = updated.terms[i]
                    guard let due = try? calendar.term(t.request).end, due != t.due else { continue }
                    updated.terms[i].due = due
                    events.append(AppealEvent(.termRecomputed(TermRecomputed(purpose: t.purpose, from: t.due, to: due, calendar: calendar.version)),
                                              on: max(RegistrationDay.local(now(), timeZone: timeZone).date, appeal.registration.registeredOn)))
                }
                guard !events.isEmpty else { return false }
                var system = Self.systemActor
                system.bodyID = bodyID
                try await store.update(updated, events: events, actor: system, recordedAt: now(), expectedTrailLength: length)
                return true
            }
            if did { changed += 1 }
        }
        return changed
    }
}
