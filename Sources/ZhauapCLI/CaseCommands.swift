import Fluent
import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapWeb

/// `zhauap case export NUMBER --out DIR [--lang kk|ru] [--as LOGIN]`: hands a case over (R13) — the PDF of the
/// whole case and the ZIP of its originals with the manifest, written to DIR and recorded on the trail in the
/// name of an administrator.
struct CaseCommands: AsyncCommandGroup {
    var help: String { "The administrative case: export it for the higher body or the court" }
    var commands: [String: any AnyAsyncCommand] { ["export": ExportCase()] }
}

struct ExportCase: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "number", help: "the appeal's registration number, e.g. AKM-2026-00012") var number: String
        @Option(name: "out", help: "the directory to write the PDF, the ZIP and the manifest's hash to") var out: String?
        @Option(name: "lang", help: "kk (default) or ru: the language of the cover, the inventory and the certification sheet") var lang: String?
        @Option(name: "as", help: "the administrator's login the export is recorded for (default: the first installation administrator)") var login: String?
    }

    var help: String { "Export a case (PDF with sheet numbers, ZIP with the originals and a manifest) and record it on the trail" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard let out = s.out, !out.isEmpty else { throw CLIError("give the directory to write to: --out DIR") }
        guard let lang = Language(rawValue: s.lang ?? "kk"), lang != .en else { throw CLIError("--lang must be kk or ru") }
        try await prepareDatabase(app)
        guard let (appealID, bodyID) = try await FluentAppealStore(database: app.db).appealID(number: s.number) else {
            throw CLIError("no appeal has the number \(s.number)")
        }
        let account = try await administratorAccount(app, login: s.login, for: "to record the export for")
        guard Permissions.mayAdminister(account.actor, bodyID: bodyID) else {
            throw CLIError("\(account.login) does not administer the body of \(s.number)")
        }
        var actor = account.actor
        actor.bodyID = bodyID
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let export: CaseExport
        do { export = try await CaseExport.make(app, appealID: appealID, actor: actor, lang: lang) } catch {
            throw CLIError("the case could not be exported: \(error)")
        }
        let service = app.appealService
        for zip in [false, true] {
            let (file, content) = try await service.exportFile(of: appealID, export: export.number, zip: zip, actor: actor)
            let path = URL(fileURLWithPath: out).appendingPathComponent(file.name)
            try content.write(to: path)
            context.console.print("\(path.path)  \(content.count) bytes  SHA-256 \(file.sha256)")
        }
        context.console.print("case \(s.number): \(export.documents) documents, \(export.sheets) sheets; manifest SHA-256 \(export.manifestSHA256); recorded on the trail as export \(export.number)")
    }
}

/// The account a command line change is made in the name of: the login given (`--as`), or the first active
/// installation administrator.
func administratorAccount(_ app: Application, login: String?, for purpose: String) async throws -> UserAccount {
    let organisation = FluentOrganisationStore(database: app.db)
    let account: UserAccount?
    if let login { account = try await organisation.account(login: login) } else {
        var found: UserAccount? = nil
        for body in try await organisation.bodies() where found == nil {
            found = try await organisation.accounts(bodyID: body.id).first { $0.actor.roles.contains(.installationAdmin) && $0.active }
        }
        account = found
    }
    guard let account, account.active else { throw CLIError("no active administrator account \(login.map { "\"\($0)\"" } ?? "") \(purpose)") }
    return account
}
