import Vapor
import ZhauapStorage

/// At shutdown, closes the connection SQLite's writer keeps of its own (its last commit is already durable;
/// closing lets SQLite fold the write-ahead log into the file).
struct StorageShutdown: LifecycleHandler {
    let storage: FluentStorage

    func shutdownAsync(_ app: Application) async {
        await storage.close()
    }
}
