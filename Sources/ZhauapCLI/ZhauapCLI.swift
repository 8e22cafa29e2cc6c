import Foundation
import Vapor
import WorkingCalendar
import ZhauapStorage
import ZhauapWeb

/// The `zhauap` executable: builds the application from the environment and runs one command
/// (`serve` by default). Returns the process exit code.
public enum ZhauapCLI {
    public static func main(arguments: [String] = CommandLine.arguments,
                            environment: [String: String] = ProcessInfo.processInfo.environment) async -> Int32 {
        var config: AppConfig
        switch AppConfig.load(from: environment) {
        case .success(let c): config = c
        case .failure(let e):
            standardError(e.description)
            return 78  // EX_CONFIG
        }
        // One-shot commands stay quiet (migrations and the like) unless LOG_LEVEL asks otherwise.
        if !isServe(arguments) && (environment["LOG_LEVEL"] ?? "").isEmpty { config.logLevel = "warning" }
        var env: Environment
        let logLevel = Logger.Level(rawValue: config.logLevel)
        do {
            env = try Environment.detect(arguments: arguments)
            try LoggingSystem.bootstrap(from: &env) { level in
                { label in RedactingLogHandler(StreamLogHandler.standardError(label: label).with(level: logLevel ?? level)) }
            }
        } catch {
            standardError("zhauap: \(error)")
            return 64
        }
        let app: Application
        do {
            app = try await Application.make(env)
        } catch {
            standardError("zhauap: could not start: \(error)")
            return 1
        }
        var code: Int32 = 0
        do {
            try configure(app, config: config)
            registerCommands(app)
            if isServe(arguments) {
                try await prepareDatabase(app)
                try await DemoSeed.runIfEmpty(app)
                let version = try await app.calendarProvider.current().version
                let pdf = config.chromium.map { "by \($0)" } ?? "off (no Chromium; see CHROMIUM_PATH)"
                app.logger.notice("Zhauap: database \(config.database.redacted), calendar \(version), PDF documents \(pdf)")
                try await app.execute()
            } else {
                try await app.startup()  // runs the command; errors come back here, reported once
            }
        } catch let e as CLIError {
            standardError("zhauap: \(e.message)")
            code = e.exitCode
        } catch {
            standardError("zhauap: \(error)")
            code = 1
        }
        try? await app.asyncShutdown()
        return code
    }

    static func registerCommands(_ app: Application) {
        app.asyncCommands.use(TermCommand(), as: "term")
        app.asyncCommands.use(CalendarCommands(), as: "calendar")
        app.asyncCommands.use(BenchCommands(), as: "bench")
        app.asyncCommands.use(BodiesCommands(), as: "bodies")
        app.asyncCommands.use(UsersCommands(), as: "users")
        app.asyncCommands.use(AuditCommands(), as: "audit")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(RestoreCommand(), as: "restore")
        app.asyncCommands.use(CaseCommands(), as: "case")
        app.asyncCommands.use(SuggestCommand(), as: "suggest")
        app.asyncCommands.use(SearchCommands(), as: "search")
        app.asyncCommands.use(LawCommands(), as: "law")
        app.asyncCommands.use(HearingRulesCommands(), as: "hearing-rules")
    }

    /// `zhauap`, `zhauap serve …` and `zhauap --port 8081` all serve.
    static func isServe(_ arguments: [String]) -> Bool {
        guard let first = arguments.dropFirst().first else { return true }
        return first == "serve" || (first.hasPrefix("-") && first != "--help" && first != "-h")
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// A command-line failure with a message for the user and an exit code.
struct CLIError: Error {
    var message: String
    var exitCode: Int32 = 1

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}

extension StreamLogHandler {
    func with(level: Logger.Level) -> StreamLogHandler {
        var copy = self
        copy.logLevel = level
        return copy
    }
}
