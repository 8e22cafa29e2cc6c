import Fluent
import Foundation
import Vapor
import ZhauapStorage
import ZhauapWeb

/// `zhauap search reindex [--batch 500]`: rebuilds the full-text search index of every body's appeals from
/// the appeals as stored, a batch per transaction (the search keeps answering meanwhile). Prints how many
/// appeals were indexed; a failure is reported with a non-zero exit.
struct SearchCommands: AsyncCommandGroup {
    var help: String { "The full-text search index of appeals" }
    var commands: [String: any AnyAsyncCommand] { ["reindex": ReindexSearch()] }
}

struct ReindexSearch: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "batch", help: "appeals per transaction (default 500)") var batch: Int?
    }

    var help: String { "Rebuild the search index of all bodies' appeals" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let batch = s.batch ?? 500
        guard (1...10_000).contains(batch) else { throw CLIError("--batch must be 1–10000") }
        let app = context.application
        try await prepareDatabase(app)
        let console = context.console
        let started = ContinuousClock.now
        let count: Int
        do {
            count = try await FluentAppealStore(database: app.db).reindexAll(batch: batch) { done in
                if done % 50_000 < batch { console.print("  \(done) appeals…") }
            }
        } catch {
            throw CLIError("the search index could not be rebuilt: \(String(reflecting: error))")
        }
        console.print("search index rebuilt: \(count) appeals indexed in \(ContinuousClock.now - started)")
    }
}
