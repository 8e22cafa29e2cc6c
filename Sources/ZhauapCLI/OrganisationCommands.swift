import Fluent
import Foundation
import Vapor
import ZhauapDomain
import ZhauapStorage
import ZhauapWeb

/// `zhauap bodies add|list`.
struct BodiesCommands: AsyncCommandGroup {
    var help: String { "Administrative bodies" }
    var commands: [String: any AnyAsyncCommand] { ["add": AddBody(), "list": ListBodies(), "set": SetBody(), "area": AddArea()] }
}

struct AddBody: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "code", help: "short code used in registration numbers, e.g. ALM-AK") var code: String?
        @Option(name: "name-kk", help: "name in Kazakh") var nameKk: String?
        @Option(name: "name-ru", help: "name in Russian") var nameRu: String?
        @Option(name: "address", help: "postal address") var address: String?
        @Option(name: "contacts", help: "telephone, e-mail, reception hours (printed on letters)") var contacts: String?
        @Option(name: "higher", help: "code of the higher body (for complaints)") var higher: String?
        @Option(name: "timezone", help: "IANA time zone (default Asia/Almaty)") var timeZone: String?
        @Option(name: "hours", help: "working hours, HH:MM-HH:MM (default 09:00-18:30)") var hours: String?
        @Option(name: "correction-days", help: "default working days to remedy a deficiency (default 5)") var correctionDays: String?
    }

    var help: String { "Add an administrative body" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let code = s.code, !code.isEmpty, let kk = s.nameKk, !kk.isEmpty, let ru = s.nameRu, !ru.isEmpty else {
            throw CLIError("--code, --name-kk and --name-ru are required")
        }
        guard AdministrativeBody.isValidCode(code) else {
            throw CLIError("--code: 1–16 Latin capital letters, digits and hyphens (it is printed in every registration number)")
        }
        let tz = s.timeZone ?? AdministrativeBody.defaultTimeZone
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
        let hours = try s.hours.map(WorkingHours.parse) ?? .standard
        let days = try s.correctionDays.map(parseCorrectionDays) ?? 5
        let body = AdministrativeBody(code: code, nameKk: kk, nameRu: ru, address: s.address ?? "", contacts: s.contacts ?? "", higherBodyID: higherID,
                                      workingHours: hours, timeZone: tz, correctionDays: days)
        try await store.add(body)
        context.console.print("body \(code) added: \(body.id)")
    }
}

func parseCorrectionDays(_ text: String) throws -> Int {
    let range = CorrectionDeadline.allowed
    guard let n = Int(text), range.contains(n) else {
        throw CLIError("--correction-days must be a whole number \(range.lowerBound)–\(range.upperBound)")
    }
    return n
}

extension WorkingHours {
    static func parse(_ text: String) throws -> WorkingHours {
        guard let h = WorkingHours(text: text) else { throw CLIError("--hours must look like 09:00-18:30") }
        return h
    }
}

/// `zhauap bodies set --code … [--hours …] [--correction-days …] [--timezone …] [--address …]`.
struct SetBody: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "code", help: "the body's code") var code: String?
        @Option(name: "hours", help: "working hours, HH:MM-HH:MM") var hours: String?
        @Option(name: "correction-days", help: "default working days to remedy a deficiency") var correctionDays: String?
        @Option(name: "timezone", help: "IANA time zone") var timeZone: String?
        @Option(name: "address", help: "postal address") var address: String?
        @Option(name: "contacts", help: "telephone, e-mail, reception hours (printed on letters)") var contacts: String?
    }

    var help: String { "Change a body's working hours, correction deadline, time zone or address" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let code = s.code else { throw CLIError("--code is required") }
        let app = context.application
        try await prepareDatabase(app)
        let store = FluentOrganisationStore(database: app.db)
        guard var body = try await store.body(code: code) else { throw CLIError("--code: no body with code \(code)") }
        if let h = s.hours { body.workingHours = try WorkingHours.parse(h) }
        if let d = s.correctionDays { body.correctionDays = try parseCorrectionDays(d) }
        if let tz = s.timeZone {
            guard TimeZone(identifier: tz) != nil else { throw CLIError("--timezone: unknown time zone \(tz)") }
            body.timeZone = tz
        }
        if let a = s.address { body.address = a }
        if let c = s.contacts { body.contacts = c }
        try await store.update(body)
        context.console.print("body \(code) updated")
    }
}

/// `zhauap bodies area --code … --area … --name-kk … --name-ru … --markers "a, b, c"`: a competence area
/// with the marker words (kk and ru) that point to it (R6, R24). An existing area code is replaced.
struct AddArea: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "code", help: "the body's code") var code: String?
        @Option(name: "area", help: "the area's code, e.g. land") var area: String?
        @Option(name: "name-kk", help: "name in Kazakh") var nameKk: String?
        @Option(name: "name-ru", help: "name in Russian") var nameRu: String?
        @Option(name: "markers", help: "comma-separated marker words in Kazakh and Russian") var markers: String?
    }

    var help: String { "Add or replace a competence area with its marker words" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let code = s.code, let area = s.area, !area.isEmpty, let kk = s.nameKk, let ru = s.nameRu, let markers = s.markers else {
            throw CLIError("--code, --area, --name-kk, --name-ru and --markers are required")
        }
        guard CompetenceArea.isValidCode(area) else { throw CLIError("--area: Latin letters, digits, hyphens and underscores only") }
        let words = CompetenceArea.markers(from: markers)
        guard !words.isEmpty else { throw CLIError("--markers: give at least one word") }
        let app = context.application
        try await prepareDatabase(app)
        let store = FluentOrganisationStore(database: app.db)
        guard var body = try await store.body(code: code) else { throw CLIError("--code: no body with code \(code)") }
        body.competenceAreas.removeAll { $0.code == area }
        body.competenceAreas.append(CompetenceArea(code: area, nameKk: kk, nameRu: ru, markers: words))
        try await store.update(body)
        context.console.print("body \(code): area \(area) with \(words.count) marker words")
    }
}

struct ListBodies: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "List the administrative bodies" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await prepareDatabase(context.application)
        for b in try await FluentOrganisationStore(database: context.application.db).bodies() {
            let h = b.workingHours
            let hours = String(format: "%02d:%02d-%02d:%02d", h.start / 60, h.start % 60, h.end / 60, h.end % 60)
            context.console.print("\(b.code)\t\(b.id)\t\(b.nameKk) / \(b.nameRu)\t\(hours) \(b.timeZone)\tareas: "
                                  + b.competenceAreas.map(\.code).joined(separator: ","))
        }
    }
}

/// `zhauap users add`, `zhauap users reset-password LOGIN`.
struct UsersCommands: AsyncCommandGroup {
    var help: String { "Users of a body" }
    var commands: [String: any AnyAsyncCommand] { ["add": AddUser(), "reset-password": ResetPassword()] }
}

struct AddUser: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "body", help: "code of the user's body") var body: String?
        @Option(name: "login", help: "login") var login: String?
        @Option(name: "name", help: "full name, as on documents") var name: String?
        @Option(name: "position", help: "position in Kazakh") var position: String?
        @Option(name: "position-ru", help: "position in Russian (documents in Russian print it)") var positionRu: String?
        @Option(name: "roles", help: "comma-separated: registrar, executor, head, admin (its own body), installation_admin (every body, the calendar)") var roles: String?
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
                throw CLIError("--roles: unknown role \"\(r)\" (registrar, executor, head, admin, installation_admin)")
            }
            roles.insert(role)
        }
        guard !roles.isEmpty else { throw CLIError("--roles: name at least one role") }
        if let p = s.password, !PasswordRule.accepts(p) { throw CLIError("--password: at least \(PasswordRule.minimumLength) characters") }
        let app = context.application
        try await prepareDatabase(app)
        let store = FluentOrganisationStore(database: app.db)
        guard let body = try await store.body(code: code) else { throw CLIError("--body: no body with code \(code)") }
        if try await store.loginTaken(login) { throw CLIError("the login \(login) is taken") }
        let password = s.password ?? Passwords.generate()
        let id = try await store.addUser(bodyID: body.id, login: login, passwordHash: try Bcrypt.hash(password), name: name,
                                         position: s.position ?? "", roles: roles, positionRu: s.positionRu)
        context.console.print("user \(login) added to \(code): \(id)")
        if s.password == nil { context.console.print("password (shown once): \(password)") }
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

/// `zhauap users reset-password LOGIN`: the way back for an administrator who lost the password (the demo one
/// is shown once). Prints a new password once and ends the user's sessions and API tokens.
struct ResetPassword: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "login", help: "the user's login") var login: String
    }

    var help: String { "Give a user a new password (printed once) and end their sessions and tokens" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        let store = FluentOrganisationStore(database: app.db)
        guard let account = try await store.account(login: s.login) else { throw CLIError("no user with the login \(s.login)") }
        let password = Passwords.generate()
        try await store.setPasswordHash(try Bcrypt.hash(password), for: account.actor.userID)
        app.logger.notice("credentials reset", metadata: ["user": .string(account.actor.userID.uuidString), "by": "command line"])
        context.console.print("new password for \(s.login) (shown once): \(password)")
        if !account.active { context.console.print("note: the account is deactivated; an administrator activates it in the pages") }
    }
}
