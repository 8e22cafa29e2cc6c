import Vapor
import ZhauapStorage

extension Application {
    private struct CalendarProviderKey: StorageKey { typealias Value = CalendarProvider }
    private struct DatabaseLocationKey: StorageKey { typealias Value = DatabaseLocation }

    /// The calendar in force (shipped data plus imported overrides), shared by all requests.
    public var calendarProvider: CalendarProvider {
        get {
            guard let p = storage[CalendarProviderKey.self] else {
                fatalError("configure(_:config:) must run before the calendar is used")
            }
            return p
        }
        set { storage[CalendarProviderKey.self] = newValue }
    }

    public var databaseLocation: DatabaseLocation {
        get { storage[DatabaseLocationKey.self] ?? .sqliteMemory }
        set { storage[DatabaseLocationKey.self] = newValue }
    }
}
