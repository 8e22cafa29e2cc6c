import Foundation
import WorkingCalendar

/// An imported calendar override, as stored.
public struct CalendarOverrideRecord: Sendable, Equatable {
    public var id: Int
    public var data: CalendarData
    /// The file exactly as the administrator gave it.
    public var content: String
    public var contentSHA256: String
    public var importedAt: Date
    public var importedBy: String?
}

/// What Zhauap needs from storage to keep the calendar in force.
public protocol CalendarOverrideStore: Sendable {
    /// Every override, oldest first (the order they apply in).
    func overrides() async throws -> [CalendarOverrideRecord]
    /// The id of the newest override, or `nil`: a cheap check whether the calendar changed.
    func latestOverrideID() async throws -> Int?
    func addOverride(content: String, contentSHA256: String, label: String, importedAt: Date,
                     importedBy: String?) async throws -> Int
}
