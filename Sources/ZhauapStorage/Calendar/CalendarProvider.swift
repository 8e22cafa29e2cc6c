import Crypto
import Foundation
import WorkingCalendar

/// The calendar in force: the shipped data with every imported override applied in order. Compiled
/// once and cached; each call checks (one indexed query) whether another process imported a newer
/// override, so stateless app instances over one database agree.
public actor CalendarProvider {
    let store: any CalendarOverrideStore
    private var cached: (stamp: Int?, calendar: WorkingDayCalendar)?

    public init(store: any CalendarOverrideStore) { self.store = store }

    public func current() async throws -> WorkingDayCalendar {
        try await current(knownStamp: try await store.latestOverrideID())
    }

    /// The calendar in force when the latest override's number (nil: none) was read just now, e.g. in the
    /// same statement that checked the request's token.
    public func current(knownStamp stamp: Int?) async throws -> WorkingDayCalendar {
        if let cached, cached.stamp == stamp { return cached.calendar }
        let calendar = try Self.compile(try await store.overrides())
        cached = (stamp, calendar)
        return calendar
    }

    /// Each override's version is suffixed with its import number, so two imports of one label differ.
    static func compile(_ records: [CalendarOverrideRecord]) throws(CalendarError) -> WorkingDayCalendar {
        try WorkingDayCalendar.kazakhstan(overrides: records.map { r in
            var d = r.data
            d.version = "\(d.version)#\(r.id)"
            return d
        })
    }

    /// Validates an override file against the calendar in force and, if the result compiles, stores it.
    /// Returns the new calendar. Nothing is stored when any problem is found; all problems are listed.
    public func importOverride(_ content: Data, importedBy: String?, now: Date) async throws -> WorkingDayCalendar {
        let data = try CalendarData.decode(content)
        // References (holiday ids, issuers) are checked against the merged data; the label on its own.
        let ownProblems = data.version.trimmingCharacters(in: .whitespaces).isEmpty ? ["version: must not be empty"] : []
        let existing = try await store.overrides()
        let merged = (existing.map(\.data) + [data]).reduce(try CalendarData.bundled()) { $0.merging($1) }
        let problems = ownProblems + merged.problems()
        guard problems.isEmpty else { throw CalendarError.invalidData(problems) }
        _ = try WorkingDayCalendar(data: merged)
        guard let text = String(data: content, encoding: .utf8) else { throw CalendarError.invalidData(["the file is not UTF-8"]) }
        let digest = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
        _ = try await store.addOverride(content: text, contentSHA256: digest, label: data.version, importedAt: now,
                                        importedBy: importedBy)
        cached = nil
        return try await current()
    }
}
