import Fluent
import Foundation
import NIOFoundationEssentialsCompat
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// The administrators' pages of the registry of normative acts (R24–R29): the acts by level of legal force
/// with their norms, the revision and version in force, the export and the import, the saved revisions, and
/// the forms of an act and of a norm (amended or repealed from a day). Every administrator may look; only the
/// installation's administrator changes it. Each change builds the whole new registry, which is stored as a
/// new revision only when it has no problem and nobody saved another meanwhile.
struct AdminLawPagesController: RouteCollection {
    let sessions: any Middleware

    func boot(routes: any RoutesBuilder) throws {
        let law = routes.grouped(sessions).grouped("admin", "law")
        law.get(use: overview)
        law.on(.POST, body: .collect(maxSize: "4mb"), use: importRegistry)
        law.get("export", use: export)
        law.get("acts", "new", use: newAct)
        law.post("acts", "new", use: createAct)
        law.get("acts", ":id", use: act)
        law.post("acts", ":id", use: updateAct)
        law.get("norms", "new", use: newNorm)
        law.post("norms", "new", use: createNorm)
        law.get("norms", ":id", use: norm)
        law.post("norms", ":id", use: updateNorm)
    }

    typealias Option = AppealPagesController.Option

    static func today(_ req: Request) -> CivilDate {
        RegistrationDay.local(req.application.appealService.now(), timeZone: AdministrativeBody.defaultTimeZone).date
    }

    /// The registry's problems as the reader reads them: where, and what, in their language.
    static func problemLines(_ problems: [RegistryProblem], _ t: [String: String]) -> [String] {
        problems.map { p in
            let what = t["lawreg_problem_" + p.code] ?? p.detail
            return p.path.isEmpty ? what : "\(p.path): \(what)"
        }
    }

    static func statusOptions(_ selected: String, _ t: [String: String], blank: Bool = false) -> [Option] {
        (blank ? [Option(value: "", label: "—", selected: selected.isEmpty)] : [])
            + Verification.allCases.map { Option(value: $0.rawValue, label: "\($0.rawValue) — " + (t["lawreg_status_" + $0.rawValue] ?? ""), selected: $0.rawValue == selected) }
    }

    // MARK: The overview

    struct NormRow: Encodable { var id: String; var citation: String; var roles: String; var status: String; var inForce: Bool; var repealedOn: String? }
    struct ActRow: Encodable {
        var id: String; var title: String; var number: String?; var status: String; var inForce: Bool; var repealedOn: String?; var norms: [NormRow]
    }
    struct LevelGroup: Encodable { var rank: Int; var name: String; var acts: [ActRow] }
    struct RevisionRow: Encodable { var revision: Int; var version: String; var by: String; var at: String }
    struct OverviewContent: Encodable {
        var revision: String
        var version: String
        var source: String
        var levels: [LevelGroup]
        var revisions: [RevisionRow]
        var mayEdit: Bool
        var message: String?
        var problems: [String]
        var pasted: String
    }

    func renderOverview(_ req: Request, actor: Actor, message: String? = nil, problems: [RegistryProblem] = [], pasted: String = "",
                        status: HTTPStatus = .ok) async throws -> Response {
        let library = req.application.lawLibrary
        let current = try await library.current()
        let registry = current.registry
        let saved = try await FluentLawStore(database: req.db).revisions(limit: 20)
        let org = FluentOrganisationStore(database: req.db)
        var names: [UUID: String] = [:]
        for r in saved where names[r.savedBy] == nil { names[r.savedBy] = try await org.account(r.savedBy)?.actor.name ?? "—" }
        let f = DateFormatter()
        f.dateFormat = "dd.MM.yyyy HH:mm"
        f.timeZone = TimeZone(identifier: AdministrativeBody.defaultTimeZone)
        let today = Self.today(req)
        return try await req.page("admin-law", status: status) { lang, t in
            func row(_ a: NormativeAct) -> ActRow {
                ActRow(id: a.id, title: a.title(lang), number: a.number, status: a.status.rawValue, inForce: a.isInForce(on: today),
                       repealedOn: a.repealedOn?.dotted,
                       norms: registry.norms.filter { $0.act == a.id }.map { n in
                           NormRow(id: n.id, citation: n.citation(lang), roles: n.roles.map { t["lawreg_role_" + $0.rawValue] ?? $0.rawValue }.joined(separator: ", "),
                                   status: n.status.rawValue, inForce: n.version(on: today) != nil, repealedOn: n.repealedOn?.dotted)
                       })
            }
            var levels = registry.hierarchy.sorted { $0.rank < $1.rank }.map { l in
                LevelGroup(rank: l.rank, name: l.name(lang), acts: registry.acts.filter { $0.level == l.code }.map(row))
            }.filter { !$0.acts.isEmpty }
            let stray = registry.acts.filter { registry.level($0.level) == nil }
            if !stray.isEmpty { levels.append(LevelGroup(rank: 0, name: "—", acts: stray.map(row))) }
            return OverviewContent(revision: LawController.label(current.revision), version: registry.version, source: registry.source, levels: levels,
                                   revisions: saved.map { RevisionRow(revision: $0.revision, version: $0.version, by: names[$0.savedBy] ?? "—", at: f.string(from: $0.savedAt)) },
                                   mayEdit: Permissions.administersInstallation(actor), message: message.map { t[$0] ?? $0 },
                                   problems: Self.problemLines(problems, t), pasted: pasted)
        }
    }

    @Sendable
    func overview(req: Request) async throws -> Response {
        let actor = try await AdminPagesController.admin(req)
        return try await renderOverview(req, actor: actor)
    }

    @Sendable
    func export(req: Request) async throws -> Response {
        _ = try await AdminPagesController.admin(req)
        return try LawController.file(try await req.application.lawLibrary.current())
    }

    struct ImportForm: Content {
        var file: File?
        var json: String?
        var revision: String?
        var _csrf: String?
    }

    /// The import of a whole registry file (uploaded or pasted): stored as a new revision when it has no
    /// problem; otherwise every problem is listed and nothing is stored.
    @Sendable
    func importRegistry(req: Request) async throws -> Response {
        let actor = try await AdminPagesController.admin(req)
        try AdminPagesController.requireInstallation(actor)
        let form = try req.content.decode(ImportForm.self)
        try CSRF.verify(req, sent: form._csrf)
        let pasted = form.json ?? ""
        let data: Data
        if let file = form.file, file.data.readableBytes > 0 { data = Data(buffer: file.data) } else { data = Data(pasted.utf8) }
        guard !data.isEmpty else {
            return try await renderOverview(req, actor: actor, problems: [RegistryProblem("missing", "", "no file")], status: .badRequest)
        }
        let registry: LawRegistry
        switch LawLibrary.read(data) {
        case .success(let r): registry = r
        case .failure(let e):
            return try await renderOverview(req, actor: actor, problems: Self.problems(e), pasted: pasted, status: .unprocessableEntity)
        }
        return try await save(req, actor: actor, registry, on: form.revision, message: "lawreg_imported") { problems, status in
            try await renderOverview(req, actor: actor, problems: problems, pasted: pasted, status: status)
        }
    }

    static func problems(_ e: LawError) -> [RegistryProblem] {
        if case .invalid(let p) = e { return p }
        return [RegistryProblem("invalid_json", "", "\(e)")]
    }

    /// The revision a form was made on, as it carries it (`bundled` or a number).
    static func formRevision(_ text: String?) -> Int?? { try? LawController.expectedRevision(text) }

    /// Validates and stores `registry` on the revision the form was made on; a registry with problems, or a
    /// change made on a revision no longer the newest, is shown again by `refuse` and nothing is stored.
    func save(_ req: Request, actor: Actor, _ registry: LawRegistry, on revision: String?, extra: [RegistryProblem] = [], message: String,
              redirect: String? = nil, refuse: ([RegistryProblem], HTTPStatus) async throws -> Response) async throws -> Response {
        let library = req.application.lawLibrary
        let problems = extra + (await library.problems(of: registry))
        guard problems.isEmpty else { return try await refuse(problems, .unprocessableEntity) }
        let stale = RegistryProblem("concurrent_change", "", "another revision was saved meanwhile")
        guard let expected = Self.formRevision(revision), try await library.current().revision == expected else { return try await refuse([stale], .conflict) }
        do {
            let saved = try await library.save(registry, expected: expected, actor: actor, at: req.application.appealService.now())
            req.logger.notice("law registry saved", metadata: ["revision": .stringConvertible(saved), "by": .string(actor.userID.uuidString)])
        } catch StorageError.concurrentChange {
            return try await refuse([stale], .conflict)
        } catch LawError.invalid(let problems) {
            return try await refuse(problems, .unprocessableEntity)
        }
        if let redirect { return req.redirect(to: redirect + "?saved=1", redirectType: .normal) }
        return try await renderOverview(req, actor: actor, message: message)
    }

    // MARK: Acts

    struct VersionRow: Encodable { var index: Int; var from: String; var to: String; var repealed: Bool; var note: String }
    struct ActContent: Encodable {
        var creating: Bool
        var revision: String
        var f: [String: String]
        var levels: [Option]
        var statuses: [Option]
        var versions: [VersionRow]
        var norms: [NormRow]
        var mayEdit: Bool
        var message: String?
        var problems: [String]
    }

    func renderAct(_ req: Request, actor: Actor, fields: LawFields, creating: Bool, revision: String? = nil, problems: [RegistryProblem] = [],
                   status: HTTPStatus = .ok) async throws -> Response {
        let current = try await req.application.lawLibrary.current()
        let registry = current.registry
        let today = Self.today(req)
        let message = req.queryText("saved") == nil ? nil : "admin_saved"
        return try await req.page("admin-law-act", status: status) { lang, t in
            ActContent(creating: creating, revision: revision ?? LawController.label(current.revision), f: fields.filled(LawFields.actKeys),
                       levels: registry.hierarchy.sorted { $0.rank < $1.rank }.map { Option(value: $0.code, label: "\($0.rank). " + $0.name(lang), selected: $0.code == fields["level"]) },
                       statuses: Self.statusOptions(fields["status"], t),
                       versions: (0..<fields.rowCount("v", spare: 2)).map {
                           VersionRow(index: $0, from: fields["v\($0)_from"], to: fields["v\($0)_to"], repealed: fields.checked("v\($0)_repealed"), note: fields["v\($0)_note"])
                       },
                       norms: registry.norms.filter { $0.act == fields["id"] && !creating }.map {
                           NormRow(id: $0.id, citation: $0.citation(lang), roles: "", status: $0.status.rawValue, inForce: $0.version(on: today) != nil,
                                   repealedOn: $0.repealedOn?.dotted)
                       },
                       mayEdit: Permissions.administersInstallation(actor), message: message.map { t[$0] ?? $0 }, problems: Self.problemLines(problems, t))
        }
    }

    @Sendable
    func newAct(req: Request) async throws -> Response {
        let actor = try await AdminPagesController.admin(req)
        return try await renderAct(req, actor: actor, fields: LawFields(["status": Verification.unverified.rawValue]), creating: true)
    }

    @Sendable
    func act(req: Request) async throws -> Response {
        let actor = try await AdminPagesController.admin(req)
        guard let a = try await req.application.lawLibrary.current().registry.act(req.parameters.get("id") ?? "") else { throw Abort(.notFound) }
        return try await renderAct(req, actor: actor, fields: LawFields(act: a), creating: false)
    }

    /// The installation administrator's CSRF-checked form of the registry: the fields as sent.
    static func form(_ req: Request) async throws -> (Actor, LawFields) {
        let actor = try await AdminPagesController.admin(req)
        try AdminPagesController.requireInstallation(actor)
        try CSRF.verify(req)
        var values = try req.content.decode([String: String].self)
        values["_csrf"] = nil
        return (actor, LawFields(values))
    }

    func saveAct(_ req: Request, creating: Bool) async throws -> Response {
        let (actor, fields) = try await Self.form(req)
        var registry = try await req.application.lawLibrary.current().registry
        let id = creating ? fields.text("id") : (req.parameters.get("id") ?? "")
        let stored = registry.acts.firstIndex { $0.id == id }
        if !creating && stored == nil { throw Abort(.notFound) }
        var problems: [RegistryProblem] = []
        let act = fields.act(id: id, problems: &problems)
        if let stored, !creating { registry.acts[stored] = act } else { registry.acts.append(act) }
        var shown = fields
        shown["id"] = id
        return try await save(req, actor: actor, registry, on: fields["revision"], extra: problems, message: "admin_saved", redirect: "/admin/law/acts/\(id)") { p, s in
            try await renderAct(req, actor: actor, fields: shown, creating: creating, revision: fields["revision"], problems: p, status: s)
        }
    }

    @Sendable func createAct(req: Request) async throws -> Response { try await saveAct(req, creating: true) }
    @Sendable func updateAct(req: Request) async throws -> Response { try await saveAct(req, creating: false) }

    // MARK: Norms

    struct PreconditionRow: Encodable { var index: Int; var kk: String; var ru: String; var en: String; var explainKk: String; var explainRu: String; var source: String; var statuses: [Option] }
    struct ConflictRow: Encodable { var index: Int; var norm: String; var noteKk: String; var noteRu: String; var noteEn: String; var source: String; var statuses: [Option] }
    struct NormVersionRow: Encodable { var from: String; var to: String; var repealed: Bool; var note: String; var text: String }
    struct RoleBox: Encodable { var value: String; var label: String; var checked: Bool }
    struct NormContent: Encodable {
        var creating: Bool
        var revision: String
        var f: [String: String]
        var actTitle: String?
        var citation: String
        var acts: [Option]
        var roles: [RoleBox]
        var units: [Option]
        var statuses: [Option]
        var textStatuses: [Option]
        var consequenceStatuses: [Option]
        var preconditions: [PreconditionRow]
        var conflicts: [ConflictRow]
        var versions: [NormVersionRow]
        var repealed: Bool
        var mayEdit: Bool
        var message: String?
        var problems: [String]
    }

    func renderNorm(_ req: Request, actor: Actor, fields: LawFields, creating: Bool, revision: String? = nil, problems: [RegistryProblem] = [],
                    status: HTTPStatus = .ok) async throws -> Response {
        let current = try await req.application.lawLibrary.current()
        let registry = current.registry
        let stored = creating ? nil : registry.norm(fields["id"])
        let message = req.queryText("saved") == nil ? nil : "admin_saved"
        return try await req.page("admin-law-norm", status: status) { lang, t in
            NormContent(creating: creating, revision: revision ?? LawController.label(current.revision), f: fields.filled(LawFields.normKeys),
                        actTitle: registry.act(fields["act"])?.title(lang), citation: stored?.citation(lang) ?? "",
                        acts: registry.acts.map { Option(value: $0.id, label: "\($0.id) — " + $0.title(lang), selected: $0.id == fields["act"]) },
                        roles: NormRole.allCases.map { RoleBox(value: $0.rawValue, label: t["lawreg_role_" + $0.rawValue] ?? $0.rawValue, checked: fields.checked("role_" + $0.rawValue)) },
                        units: [Option(value: "", label: "—", selected: fields["termUnit"].isEmpty)]
                            + TermUnit.allCases.map { Option(value: $0.rawValue, label: t["lawreg_unit_" + $0.rawValue] ?? $0.rawValue, selected: $0.rawValue == fields["termUnit"]) },
                        statuses: Self.statusOptions(fields["status"], t), textStatuses: Self.statusOptions(fields["textStatus"], t, blank: true),
                        consequenceStatuses: Self.statusOptions(fields["consequenceStatus"], t),
                        preconditions: (0..<fields.rowCount("p", spare: 3)).map { i in
                            PreconditionRow(index: i, kk: fields["p\(i)_kk"], ru: fields["p\(i)_ru"], en: fields["p\(i)_en"], explainKk: fields["p\(i)_explainKk"],
                                            explainRu: fields["p\(i)_explainRu"], source: fields["p\(i)_source"], statuses: Self.statusOptions(fields["p\(i)_status"], t))
                        },
                        conflicts: (0..<fields.rowCount("c", spare: 2)).map { i in
                            ConflictRow(index: i, norm: fields["c\(i)_norm"], noteKk: fields["c\(i)_noteKk"], noteRu: fields["c\(i)_noteRu"], noteEn: fields["c\(i)_noteEn"],
                                        source: fields["c\(i)_source"], statuses: Self.statusOptions(fields["c\(i)_status"], t))
                        },
                        versions: (stored?.versions ?? []).map {
                            NormVersionRow(from: $0.from.dotted, to: $0.to?.dotted ?? "", repealed: $0.repealed, note: $0.note ?? "", text: $0.text(lang) ?? "")
                        },
                        repealed: stored?.versions.last?.repealed ?? false,
                        mayEdit: Permissions.administersInstallation(actor), message: message.map { t[$0] ?? $0 }, problems: Self.problemLines(problems, t))
        }
    }

    @Sendable
    func newNorm(req: Request) async throws -> Response {
        let actor = try await AdminPagesController.admin(req)
        let act = req.queryText("act") ?? ""
        let from = try await req.application.lawLibrary.current().registry.act(act)?.versions.first?.from.description ?? ""
        let fields = LawFields(["act": act, "status": Verification.unverified.rawValue, "consequenceStatus": Verification.unverified.rawValue, "from": from])
        return try await renderNorm(req, actor: actor, fields: fields, creating: true)
    }

    @Sendable
    func norm(req: Request) async throws -> Response {
        let actor = try await AdminPagesController.admin(req)
        guard let n = try await req.application.lawLibrary.current().registry.norm(req.parameters.get("id") ?? "") else { throw Abort(.notFound) }
        return try await renderNorm(req, actor: actor, fields: LawFields(norm: n), creating: false)
    }

    func saveNorm(_ req: Request, creating: Bool) async throws -> Response {
        let (actor, fields) = try await Self.form(req)
        var registry = try await req.application.lawLibrary.current().registry
        let id = creating ? fields.text("id") : (req.parameters.get("id") ?? "")
        let stored = registry.norms.firstIndex { $0.id == id }
        if !creating && stored == nil { throw Abort(.notFound) }
        var problems: [RegistryProblem] = []
        let norm = fields.norm(editing: creating ? nil : stored.map { registry.norms[$0] }, id: id, problems: &problems)
        if let stored, !creating { registry.norms[stored] = norm } else { registry.norms.append(norm) }
        var shown = fields
        shown["id"] = id
        return try await save(req, actor: actor, registry, on: fields["revision"], extra: problems, message: "admin_saved", redirect: "/admin/law/norms/\(id)") { p, s in
            try await renderNorm(req, actor: actor, fields: shown, creating: creating, revision: fields["revision"], problems: p, status: s)
        }
    }

    @Sendable func createNorm(req: Request) async throws -> Response { try await saveNorm(req, creating: true) }
    @Sendable func updateNorm(req: Request) async throws -> Response { try await saveNorm(req, creating: false) }
}
