import Foundation
import Vapor
import ZhauapDomain
import ZhauapStorage
import ZhauapWeb

/// `zhauap bodies add|list`.
struct BodiesCommands: AsyncCommandGroup {
    var help: String { "Administrative bodies" }
    var commands: [String: any AnyAsyncCommand] { ["add": AddBody(), "list": ListBodies()] }
}

struct AddBody: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "code", help: "short code used in registration numbers, e.g. ALM-AK") var code: String?
        @Option(name: "name-kk", help: "name in Kazakh") var nameKk: String?
        @Option(name: "name-ru", help: "name in Russian") var nameRu: String?
        @Option(name: "address", help: "postal address") var address: String?
        @Option(name: "higher", help: "code of the higher body (for complaints)") var higher: String?
        @Option(name: "timezone", help: "IANA time zone (default Asia/Almaty)") var timeZone: String?
    }

    var help: String { "Add an administrative body" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let code = s.code, !code.isEmpty, let kk = s.nameKk, !kk.isEmpty, let ru = s.nameRu, !ru.isEmpty else {
            throw CLIError("--code, --name-kk and --name-ru are required")
        }
        guard code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw CLIError("--code may hold Latin letters, digits and hyphens only")
        }
        let tz = s.timeZone ?? "Asia/Almaty"
        guard TimeZone(identifier: tz) != nil else { throw CLIError("--timezone: unknown time zone \(tz)") }
        let app = context.application
        try await prepareDatabase(app)
        let store = FluentOrganisationStore(database: app.db)
        if try await store.body(code: code) != nil { throw CLIError("a body with code \(code) exists already") }
        var higherID: UUID? = nil
        if let h = s.higher {
            guard let b = try await store.body(code: h) else { throw CLIError("--higher: no body with code \(h)") }
            higherID = b.id
        }
        let body = AdministrativeBody(code: code, nameKk: kk, nameRu: ru, address: s.address ?? "", higherBodyID: higherID, timeZone: tz)
        try await store.add(body)
        context.console.print("body \(code) added: \(body.id)")
    }
}

struct ListBodies: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "List the administrative bodies" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await prepareDatabase(context.application)
        for b in try await FluentOrganisationStore(database: context.application.db).bodies() {
            context.console.print("\(b.code)\t\(b.id)\t\(b.nameKk) / \(b.nameRu)")
        }
    }
}

/// `zhauap users add`.
struct UsersCommands: AsyncCommandGroup {
    var help: String { "Users of a body" }
    var commands: [String: any AnyAsyncCommand] { ["add": AddUser()] }
}

struct AddUser: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "body", help: "code of the user's body") var body: String?
        @Option(name: "login", help: "login") var login: String?
        @Option(name: "name", help: "full name, as on documents") var name: String?
        @Option(name: "position", help: "position") var position: String?
        @Option(name: "roles", help: "comma-separated: registrar, executor, head, admin") var roles: String?
        @Option(name: "password", help: "initial password (default: generated and printed once)") var password: String?
    }

    var help: String { "Add a user to a body" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let code = s.body, let login = s.login, !login.isEmpty, let name = s.name, !name.isEmpty,
              let rolesText = s.roles else {
            throw CLIError("--body, --login, --name and --roles are required")
        }
        var roles = Set<Role>()
        for r in rolesText.split(separator: ",") {
            guard let role = Role(rawValue: r.trimmingCharacters(in: .whitespaces)) else {
                throw CLIError("--roles: unknown role \"\(r)\" (registrar, executor, head, admin)")
            }
            roles.insert(role)
        }
        guard !roles.isEmpty else { throw CLIError("--roles: name at least one role") }
        if let p = s.password, p.count < 10 { throw CLIError("--password: at least 10 characters") }
        let app = context.application
        try await prepareDatabase(app)
        let store = FluentOrganisationStore(database: app.db)
        guard let body = try await store.body(code: code) else { throw CLIError("--body: no body with code \(code)") }
        if try await store.credentials(login: login) != nil { throw CLIError("the login \(login) is taken") }
        let password = s.password ?? Passwords.generate()
        let id = try await store.addUser(bodyID: body.id, login: login, passwordHash: try Bcrypt.hash(password), name: name,
                                         position: s.position ?? "", roles: roles)
        context.console.print("user \(login) added to \(code): \(id)")
        if s.password == nil { context.console.print("password (shown once): \(password)") }
    }
}

enum Passwords {
    static func generate() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
    }
}

/// `zhauap audit verify`: recompute every trail's hash chain.
struct AuditCommands: AsyncCommandGroup {
    var help: String { "The tamper-evident trail" }
    var commands: [String: any AnyAsyncCommand] { ["verify": VerifyAudit()] }
}

struct VerifyAudit: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Check every appeal's trail for edited, deleted or reordered entries" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await prepareDatabase(context.application)
        let result = try await FluentAppealStore(database: context.application.db).verifyTrails()
        guard result.problems.isEmpty else {
            throw CLIError("the trail was tampered with:\n- " + result.problems.joined(separator: "\n- "), exitCode: 2)
        }
        context.console.print("\(result.appeals) appeals, \(result.events) trail entries: every chain intact")
    }
}
