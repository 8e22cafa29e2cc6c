import Foundation

/// A clock a test sets and moves: the one clock the service (and so every page and API answer) reads.
public final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment: Date

    public init(_ moment: Date) { self.moment = moment }

    /// Local time in Kazakhstan (UTC+5 since 1 March 2024, UTC+6 before).
    public convenience init(kz text: String) { self.init(ISO8601DateFormatter().date(from: text)!) }

    public var now: Date { lock.withLock { moment } }
    public func set(_ moment: Date) { lock.withLock { self.moment = moment } }
    public func set(iso text: String) { set(ISO8601DateFormatter().date(from: text)!) }
}
