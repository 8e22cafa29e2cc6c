import Foundation
import Vapor
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapWeb

/// `zhauap law export|check|import`: the registry of normative acts as a file (R24–R29).
struct LawCommands: AsyncCommandGroup {
    var help: String { "The registry of normative acts: export it, check a file, import one as a new revision" }
    var commands: [String: any AnyAsyncCommand] { ["export": LawExport(), "check": LawCheck(), "import": LawImport()] }
}

/// Reads `--file`: the registry, or every problem it has (its own and its agreement with the term rules).
func readRegistry(_ app: Application, file: String?) async throws -> (LawRegistry?, [RegistryProblem]) {
    guard let file, !file.isEmpty else { throw CLIError("give the registry file: --file F") }
    guard let content = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)") }
    switch LawLibrary.read(content) {
    case .failure(.invalid(let problems)): return (nil, problems)
    case .failure(let e): throw CLIError("\(file): \(e)")
    case .success(let registry): return (registry, await app.lawLibrary.problems(of: registry))
    }
}

func problemLines(_ problems: [RegistryProblem]) -> String {
    problems.map { "\($0.code)\t\($0.path)\t\($0.detail)" }.joined(separator: "\n")
}

/// `zhauap law export [--file F]`: the registry in force as stored (stdout by default).
struct LawExport: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "file", help: "write to this file instead of standard output") var file: String?
    }

    var help: String { "Write the registry in force (the newest revision, or the bundled one) as JSON" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        let current = try await app.lawLibrary.current()
        let data = try current.registry.encoded() + Data("\n".utf8)
        if let file = s.file {
            try data.write(to: URL(fileURLWithPath: file))
            FileHandle.standardError.write(Data("revision \(current.revision.map(String.init) ?? "bundled"), version \(current.registry.version): \(file)\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

/// `zhauap law check --file F`: every problem of the file, one a line (`code<TAB>path<TAB>detail`); exit 1 if any.
struct LawCheck: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "file", help: "the registry file (JSON, the format of Resources/law-registry.json)") var file: String?
    }

    var help: String { "Check a registry file and print every problem it has (exit 1 if any)" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let (registry, problems) = try await readRegistry(context.application, file: s.file)
        guard problems.isEmpty, let registry else {
            context.console.print(problemLines(problems))
            throw CLIError("\(s.file ?? ""): \(problems.count) problem(s)")
        }
        context.console.print("\(s.file ?? ""): no problem (version \(registry.version), \(registry.acts.count) acts, \(registry.norms.count) norms)")
    }
}

/// `zhauap law import --file F [--as LOGIN]`: stores the file as a new revision, in the name of an
/// installation administrator; a file with any problem is refused whole and nothing is stored.
struct LawImport: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "file", help: "the registry file (JSON, the format of Resources/law-registry.json)") var file: String?
        @Option(name: "as", help: "the installation administrator's login the revision is saved by (default: the first installation administrator)") var login: String?
    }

    var help: String { "Validate a registry file and store it as a new revision (nothing is stored on any problem)" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        let (registry, problems) = try await readRegistry(app, file: s.file)
        guard problems.isEmpty, let registry else {
            FileHandle.standardError.write(Data((problemLines(problems) + "\n").utf8))
            throw CLIError("\(s.file ?? "") was not imported: \(problems.count) problem(s); nothing was stored")
        }
        let account = try await administratorAccount(app, login: s.login, for: "to save the registry as")
        guard account.actor.roles.contains(.installationAdmin) else { throw CLIError("\(account.login) is not an installation administrator") }
        let library = app.lawLibrary
        let revision: Int
        do {
            revision = try await library.save(registry, expected: try await library.current().revision, actor: account.actor, at: Date())
        } catch StorageError.concurrentChange {
            throw CLIError("another revision was saved meanwhile; nothing was stored, try again")
        }
        app.logger.notice("law registry saved", metadata: ["revision": .stringConvertible(revision), "by": .string(account.actor.userID.uuidString)])
        context.console.print("imported \(s.file ?? ""): revision \(revision), version \(registry.version)")
    }
}
