/// First-come, first-served admission for async code: at most `limit` bodies run at once, the others wait
/// their turn. SQLite allows one writer at a time, so the service queues its write transactions through a
/// lock of one instead of failing with "database is locked"; PDF printing admits two Chromiums at a time.
public actor AsyncLock {
    private let limit: Int
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int = 1) { self.limit = max(1, limit) }

    func lock() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty { running -= 1 } else { waiters.removeFirst().resume() }
    }

    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await lock()
        do {
            let value = try await body()
            unlock()
            return value
        } catch {
            unlock()
            throw error
        }
    }
}
