import Fluent
import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapWeb

/// `zhauap bodies add|list`.
struct BodiesCommands: AsyncCommandGroup {
    var help: String { "Administrative bodies" }
    var commands: [String: any AnyAsyncCommand] { ["add": AddBody(), "list": ListBodies(), "set": SetBody(), "area": AddArea(), "nomenclature": SetNomenclature()] }
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

/// `zhauap bodies nomenclature --code … --year … [--unit … --retention-kk … --retention-ru …]`: shows the body's
/// case nomenclature for the year, or sets it (R12). Cases opened afterwards in that year take it.
struct SetNomenclature: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "code", help: "the body's code") var code: String?
        @Option(name: "year", help: "the year, e.g. 2027 (default: this year)") var year: String?
        @Option(name: "unit", help: "the unit code the case index starts with, e.g. 03") var unit: String?
        @Option(name: "unit-kk", help: "the unit's name in Kazakh") var unitKk: String?
        @Option(name: "unit-ru", help: "the unit's name in Russian") var unitRu: String?
        @Option(name: "retention-kk", help: "retention period in Kazakh, e.g. \"5 жыл\"") var retentionKk: String?
        @Option(name: "retention-ru", help: "retention period in Russian, e.g. \"5 лет\"") var retentionRu: String?
    }

    var help: String { "Show or set a body's case nomenclature for a year (unit code, unit name, retention)" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let code = s.code else { throw CLIError("--code is required") }
        let app = context.application
        try await prepareDatabase(app)
        guard let body = try await FluentOrganisationStore(database: app.db).body(code: code) else { throw CLIError("--code: no body with code \(code)") }
        let service = app.appealService
        guard let year = s.year.map({ Int($0) }) ?? service.today(in: body).year else { throw CLIError("--year must be a year, e.g. 2027") }
        let current = try await service.nomenclature(bodyID: body.id, year: year)
        guard s.unit != nil || s.unitKk != nil || s.unitRu != nil || s.retentionKk != nil || s.retentionRu != nil else {
            let n = current ?? .standard
            context.console.print("\(code) \(year): unit \(n.unitCode)\(n.unitKk.map { " \($0)" } ?? "")\(n.unitRu.map { " / \($0)" } ?? ""), retention \(n.retentionKk) / \(n.retentionRu)\(current == nil ? " (standard: not set)" : "")")
            return
        }
        let base = current ?? .standard
        switch CaseNomenclature.checked(year: year, unitCode: s.unit ?? base.unitCode, unitKk: s.unitKk ?? base.unitKk, unitRu: s.unitRu ?? base.unitRu,
                                        retentionKk: s.retentionKk ?? base.retentionKk, retentionRu: s.retentionRu ?? base.retentionRu) {
        case .failure(let list):
            throw CLIError(list.problems.map { p in
                switch p {
                case .year: "--year must be \(CaseNomenclature.years.lowerBound)–\(CaseNomenclature.years.upperBound)"
                case .unitCode: "--unit: 1–10 Latin letters, digits, dots or hyphens (e.g. 03 or 04.1)"
                case .retention: "--retention-kk and --retention-ru: a retention period in each language, up to 200 characters"
                }
            }.joined(separator: "; "))
        case .success(let n):
            try await service.setNomenclature(n, bodyID: body.id, year: year)
            context.console.print("\(code) \(year): cases opened from now on are indexed \(n.unitCode)-N, kept \(n.retentionRu)")
        }
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
    var help: String { "The tamper-evident trail: verify it, sign checkpoints of it outside the database" }
    var commands: [String: any AnyAsyncCommand] { ["verify": VerifyAudit(), "keygen": CheckpointKeygen(), "checkpoint": TakeCheckpoint()] }
}

/// `zhauap audit verify [--checkpoints DIR] [--public-key HEX]`: every chain recomputed from the database,
/// then (with checkpoints) the database checked against the signed checkpoints kept outside it.
struct VerifyAudit: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "checkpoints", help: "a directory of signed checkpoints to check the database against") var checkpoints: String?
        @Option(name: "public-key", help: "the installation's public key (hex) the auditor keeps") var publicKey: String?
    }
    var help: String { "Check every appeal's trail, its stored data and the chains of registrations; with --checkpoints, against signed checkpoints" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await prepareDatabase(context.application)
        let db = context.application.db
        let result = try await FluentAppealStore(database: db).verifyTrails()
        var problems = result.problems
        var checked = ""
        if let dir = signature.checkpoints {
            let report: CheckpointAudit.Report
            do { report = try await CheckpointAudit.verify(db, directory: dir, publicKey: signature.publicKey) } catch let e as CheckpointError {
                throw CLIError(e.description)
            }
            problems += report.problems
            for note in report.notes { context.console.print("note: " + note) }
            checked = ", checked against \(report.checkpoints) checkpoint(s)"
        }
        guard problems.isEmpty else {
            throw CLIError("the trail was tampered with:\n- " + problems.joined(separator: "\n- "), exitCode: 2)
        }
        context.console.print("\(result.appeals) appeals, \(result.events) trail entries: every chain intact\(checked)")
    }
}

/// `zhauap audit keygen --key FILE`: the installation's checkpoint signing key, kept outside the database.
struct CheckpointKeygen: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "key", help: "where to write the private key (must not exist)") var key: String?
    }
    var help: String { "Create the key that signs checkpoints (keep it outside the database; give the printed public key to the auditor)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let path = signature.key else { throw CLIError("give --key FILE: where to write the private key") }
        do {
            let publicKey = try CheckpointKey.generate(at: path)
            context.console.print("checkpoint key written to \(path) (keep it safe, outside the database and its backups)")
            context.console.print("public key (give it to the auditor): \(publicKey)")
        } catch let e as CheckpointError { throw CLIError(e.description) }
    }
}

/// `zhauap audit checkpoint --key FILE --dir DIR`: signs where every trail stands now (the server does this
/// daily with CHECKPOINT_KEY and CHECKPOINT_DIR).
struct TakeCheckpoint: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "key", help: "the private key file (zhauap audit keygen)") var key: String?
        @Option(name: "dir", help: "the directory checkpoints are written to, outside the database") var dir: String?
    }
    var help: String { "Sign a checkpoint of every trail and chain of registrations into a directory" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let env = ProcessInfo.processInfo.environment
        guard let keyPath = signature.key ?? env["CHECKPOINT_KEY"], let dir = signature.dir ?? env["CHECKPOINT_DIR"] else {
            throw CLIError("give --key FILE and --dir DIR (or set CHECKPOINT_KEY and CHECKPOINT_DIR)")
        }
        try await prepareDatabase(context.application)
        do {
            let key = try CheckpointKey.load(keyPath)
            let (path, cp) = try await CheckpointAudit.write(context.application.db, key: key, directory: dir, now: Date())
            context.console.print("checkpoint of \(cp.trails.count) appeals and \(cp.registrations.count) chains of registrations written to \(path)")
        } catch let e as CheckpointError { throw CLIError(e.description) }
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
