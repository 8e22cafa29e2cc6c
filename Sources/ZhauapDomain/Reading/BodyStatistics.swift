import Foundation
import WorkingCalendar

/// What a head sees of the body (R47): counts by state, kind and executor, the on-time rate of answers,
/// appeals received and answered per week, and decisions waiting for the head.
public struct BodyStatistics: Sendable {
    public var byState: [String: Int]
    public var byKind: [String: Int]
    /// Open appeals per executor (nil: not yet assigned).
    public var openByExecutor: [UUID?: Int]
    public var answered: Int
    public var answeredOnTime: Int
    /// Registration days and answer days since `since`, for the weekly chart, one entry per appeal
    /// (for small hand-made statistics; the store fills the per-day counts below instead).
    public var receivedDays: [CivilDate]
    public var answeredDays: [CivilDate]
    /// Open appeals with a recusal request waiting for a decision.
    public var pendingRecusals: [(id: UUID, number: String)]
    /// Open appeals whose executor asked for an extension the head has not decided yet: the date asked for.
    public var pendingExtensions: [(id: UUID, number: String, until: CivilDate)] = []
    /// Appeals registered and answered per day since `since`.
    public var receivedPerDay: [CivilDate: Int] = [:]
    public var answeredPerDay: [CivilDate: Int] = [:]

    public init(byState: [String: Int] = [:], byKind: [String: Int] = [:], openByExecutor: [UUID?: Int] = [:], answered: Int = 0,
                answeredOnTime: Int = 0, receivedDays: [CivilDate] = [], answeredDays: [CivilDate] = [],
                pendingRecusals: [(id: UUID, number: String)] = [], pendingExtensions: [(id: UUID, number: String, until: CivilDate)] = [],
                receivedPerDay: [CivilDate: Int] = [:], answeredPerDay: [CivilDate: Int] = [:]) {
        (self.byState, self.byKind, self.openByExecutor, self.answered, self.answeredOnTime) = (byState, byKind, openByExecutor, answered, answeredOnTime)
        (self.receivedDays, self.answeredDays, self.pendingRecusals, self.pendingExtensions) = (receivedDays, answeredDays, pendingRecusals, pendingExtensions)
        (self.receivedPerDay, self.answeredPerDay) = (receivedPerDay, answeredPerDay)
    }
}
