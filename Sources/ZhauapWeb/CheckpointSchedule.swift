import Fluent
import Foundation
import Vapor
import ZhauapService
import ZhauapStorage

/// While the server runs with `CHECKPOINT_KEY` and `CHECKPOINT_DIR`, it signs a checkpoint of every trail
/// at start when the newest one is a day old (or there is none), and then whenever a day has passed since
/// the newest — checked every ten minutes, so a restart does not skip a day. Several instances over one
/// database may each write one; any checkpoint is as good as another.
struct CheckpointSchedule: LifecycleHandler {
    let key: String
    let directory: String
    let interval: TimeInterval = 24 * 3600
    let box = TaskBox()

    final class TaskBox: @unchecked Sendable {
        let lock = NSLock()
        var task: Task<Void, Never>?
    }

    func didBootAsync(_ app: Application) async throws {
        let key = try CheckpointKey.load(key)
        let directory = directory, interval = interval
        let now = app.appealService.now
        let db = app.db, logger = app.logger
        let task = Task.detached {
            while !Task.isCancelled {
                let newest = CheckpointAudit.newest(in: directory) ?? .distantPast
                if now().timeIntervalSince(newest) >= interval {
                    do {
                        let (path, cp) = try await CheckpointAudit.write(db, key: key, directory: directory, now: now())
                        logger.notice("checkpoint signed", metadata: ["file": .string(path), "appeals": .string(String(cp.trails.count))])
                    } catch {
                        logger.error("checkpoint failed: \(String(reflecting: type(of: error)))")
                    }
                }
                try? await Task.sleep(for: .seconds(600))
            }
        }
        box.lock.withLock { box.task = task }
    }

    func shutdownAsync(_ app: Application) async {
        box.lock.withLock { box.task?.cancel() }
    }
}
