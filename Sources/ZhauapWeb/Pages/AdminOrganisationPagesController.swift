import Fluent
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// Administrators' pages for the organisation: bodies (names, address, higher body, time zone, working
/// hours, correction deadline), their competence areas with marker words (R6, R24), and users with their
/// roles — added, changed, deactivated, their password reset. Every form is CSRF-checked; a refused form
/// is shown again with each problem named and nothing stored.
struct AdminOrganisationPagesController: RouteCollection {
    let sessions: any Middleware

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(sessions).grouped("admin")
        admin.get("bodies", use: bodies)
        admin.post("bodies", use: createBody)
        admin.get("bodies", ":code", use: body)
        admin.post("bodies", ":code", use: updateBody)
        admin.post("bodies", ":code", "areas", use: saveArea)
        admin.post("bodies", ":code", "areas", ":area", "delete", use: deleteArea)
        admin.post("bodies", ":code", "users", use: createUser)
        admin.post("bodies", ":code", "nomenclature", use: saveNomenclature)
        admin.get("users", ":id", use: user)
        admin.post("users", ":id", use: updateUser)
        admin.post("users", ":id", "password", use: resetPassword)
    }

    // MARK: Bodies

    struct BodyRow: Encodable { var code: String; var name: String; var hours: String; var areas: String; var users: Int }
    struct BodiesContent: Encodable { var rows: [BodyRow]; var form: BodyForm; var higher: [AppealPagesController.Option]; var errors: [String] }

    static func higherOptions(_ all: [AdministrativeBody], except: UUID?, selected: String?, lang: Language) -> [AppealPagesController.Option] {
        all.filter { $0.id != except }.map {
            AppealPagesController.Option(value: $0.code, label: "\($0.code) — \(lang == .ru ? $0.nameRu : $0.nameKk)", selected: $0.code == selected)
        }
    }

    func renderBodies(_ req: Request, form: BodyForm, errors: [String], status: HTTPStatus) async throws -> Response {
        let org = FluentOrganisationStore(database: req.db)
        let all = try await org.bodies()
        var counts: [UUID: Int] = [:]
        for b in all { counts[b.id] = try await org.accounts(bodyID: b.id).count }
        return try await req.page("admin-bodies", status: status) { lang, t in
            BodiesContent(rows: all.map { b in
                BodyRow(code: b.code, name: lang == .ru ? b.nameRu : b.nameKk, hours: b.workingHours.text + " " + b.timeZone,
                        areas: b.competenceAreas.map { lang == .ru ? $0.nameRu : $0.nameKk }.joined(separator: ", "),
                        users: counts[b.id] ?? 0)
            }, form: form, higher: Self.higherOptions(all, except: nil, selected: form.higher, lang: lang),
            errors: errors.map { t[$0] ?? $0 })
        }
    }

    @Sendable
    func bodies(req: Request) async throws -> Response {
        let admin = try await AdminPagesController.admin(req)
        // An administrator of one body goes straight to it; only the installation's administrator sees them all.
        guard Permissions.administersInstallation(admin) else {
            guard let own = try await FluentOrganisationStore(database: req.db).body(admin.bodyID) else { throw Abort(.notFound) }
            return req.redirect(to: "/admin/bodies/\(own.code)")
        }
        return try await renderBodies(req, form: BodyForm(hours: WorkingHours.standard.text, correctionDays: "5"), errors: [], status: .ok)
    }

    static func codes(_ all: [AdministrativeBody]) -> [String: UUID] {
        Dictionary(all.map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })
    }

    @Sendable
    func createBody(req: Request) async throws -> Response {
        let admin = try await AdminPagesController.admin(req)
        try AdminPagesController.requireInstallation(admin)
        try CSRF.verify(req)
        let form = try req.content.decode(BodyForm.self)
        let org = FluentOrganisationStore(database: req.db)
        var body = AdministrativeBody(code: "", nameKk: "", nameRu: "")
        let problems = form.apply(to: &body, bodies: Self.codes(try await org.bodies()), creating: true)
        guard problems.isEmpty else { return try await renderBodies(req, form: form, errors: problems, status: .unprocessableEntity) }
        try await org.add(body)
        req.logger.notice("body created", metadata: ["body": .string(body.id.uuidString), "by": .string(admin.userID.uuidString)])
        return req.redirect(to: "/admin/bodies/\(body.code)", redirectType: .normal)
    }

    struct AreaRow: Encodable { var code: String; var nameKk: String; var nameRu: String; var markers: String }
    struct UserRow: Encodable { var id: String; var login: String; var name: String; var position: String; var roles: String; var active: Bool }
    struct BodyContent: Encodable {
        var code: String
        var name: String
        var form: BodyForm
        var higher: [AppealPagesController.Option]
        var areas: [AreaRow]
        var users: [UserRow]
        var userForm: UserForm
        var errors: [String]
        var message: String?
        /// A generated password, shown once on the page that created the user.
        var shownPassword: String?
        var shownLogin: String?
        /// The case nomenclature of this year and the next (R12): what new cases are indexed under.
        var nomenclatures: [NomenclatureRow]
        var nomenclatureForm: NomenclatureForm
    }

    static func rolesText(_ roles: Set<Role>, _ t: [String: String]) -> String {
        Role.allCases.filter(roles.contains).map { t["role_" + $0.rawValue] ?? $0.rawValue }.joined(separator: ", ")
    }

    func renderBody(_ req: Request, code: String, form: BodyForm? = nil, userForm: UserForm = UserForm(), errors: [String] = [],
                    message: String? = nil, shown: (login: String, password: String)? = nil, nomenclatureForm: NomenclatureForm? = nil,
                    status: HTTPStatus = .ok) async throws -> Response {
        let org = FluentOrganisationStore(database: req.db)
        let all = try await org.bodies()
        guard let b = all.first(where: { $0.code == code }) else { throw Abort(.notFound) }
        let accounts = try await org.accounts(bodyID: b.id)
        let higherCode = all.first { $0.id == b.higherBodyID }?.code
        let shownForm = form ?? BodyForm(b, higherCode: higherCode)
        let service = req.application.appealService
        let year = service.today(in: b).year
        var nomenclatures: [NomenclatureRow] = []
        for y in [year, year + 1] {
            let set = try await service.nomenclature(bodyID: b.id, year: y)
            nomenclatures.append(NomenclatureRow(year: y, set ?? .standard, standard: set == nil))
        }
        let nomForm = nomenclatureForm ?? NomenclatureForm(year: String(year), nomenclatures[0].nomenclature)
        return try await req.page("admin-body", status: status) { lang, t in
            BodyContent(code: b.code, name: lang == .ru ? b.nameRu : b.nameKk, form: shownForm,
                        higher: Self.higherOptions(all, except: b.id, selected: shownForm.higher, lang: lang),
                        areas: b.competenceAreas.map { AreaRow(code: $0.code, nameKk: $0.nameKk, nameRu: $0.nameRu, markers: $0.markers.joined(separator: ", ")) },
                        users: accounts.map { UserRow(id: $0.actor.userID.uuidString, login: $0.login, name: $0.actor.name, position: $0.actor.position,
                                                      roles: Self.rolesText($0.actor.roles, t), active: $0.active) },
                        userForm: userForm, errors: errors.map { t[$0] ?? $0 }, message: message.map { t[$0] ?? $0 },
                        shownPassword: shown?.password, shownLogin: shown?.login, nomenclatures: nomenclatures, nomenclatureForm: nomForm)
        }
    }

    @Sendable
    func body(req: Request) async throws -> Response {
        let admin = try await AdminPagesController.admin(req)
        let (_, b, _) = try await loadBody(req, admin: admin)
        return try await renderBody(req, code: b.code)
    }

    /// The body named in the path, if this admin may manage it (otherwise: not found).
    func loadBody(_ req: Request, admin: Actor) async throws -> (FluentOrganisationStore, AdministrativeBody, [AdministrativeBody]) {
        let org = FluentOrganisationStore(database: req.db)
        let all = try await org.bodies()
        guard let b = all.first(where: { $0.code == req.parameters.get("code") }) else { throw Abort(.notFound) }
        try AdminPagesController.requireBody(admin, b.id)
        return (org, b, all)
    }

    /// The admin's CSRF-checked change to the body named in the path: `change` returns the problems (the
    /// page shows them and nothing is stored) or edits the body, which is then saved.
    func changeBody(_ req: Request, form: BodyForm? = nil,
                    _ change: (inout AdministrativeBody, [AdministrativeBody]) throws -> [String]) async throws -> Response {
        let admin = try await AdminPagesController.admin(req)
        try CSRF.verify(req)
        let (org, original, all) = try await loadBody(req, admin: admin)
        var body = original
        let problems = try change(&body, all)
        guard problems.isEmpty else {
            return try await renderBody(req, code: original.code, form: form, errors: problems, status: .unprocessableEntity)
        }
        try await org.update(body)
        return try await renderBody(req, code: body.code, message: "admin_saved")
    }

    @Sendable
    func updateBody(req: Request) async throws -> Response {
        let form = try req.content.decode(BodyForm.self)
        return try await changeBody(req, form: form) { body, all in form.apply(to: &body, bodies: Self.codes(all), creating: false) }
    }

    @Sendable
    func saveArea(req: Request) async throws -> Response {
        let (area, problems) = try req.content.decode(AreaForm.self).competenceArea()
        return try await changeBody(req) { body, _ in
            guard let area else { return problems }
            if let i = body.competenceAreas.firstIndex(where: { $0.code == area.code }) {
                body.competenceAreas[i] = area
            } else {
                body.competenceAreas.append(area)
            }
            return []
        }
    }

    @Sendable
    func deleteArea(req: Request) async throws -> Response {
        let area = try req.parameters.require("area")
        return try await changeBody(req) { body, _ in
            guard body.competenceAreas.contains(where: { $0.code == area }) else { throw Abort(.notFound) }
            body.competenceAreas.removeAll { $0.code == area }
            return []
        }
    }

    // MARK: Case nomenclature

    /// The administrator sets the body's nomenclature for a year (R12): cases opened from then on in that
    /// year take its unit code and retention; cases already opened keep their index.
    @Sendable
    func saveNomenclature(req: Request) async throws -> Response {
        let admin = try await AdminPagesController.admin(req)
        try CSRF.verify(req)
        let (_, body, _) = try await loadBody(req, admin: admin)
        let form = try req.content.decode(NomenclatureForm.self)
        switch form.nomenclature() {
        case .failure(let list):
            return try await renderBody(req, code: body.code, errors: list.problems.map { "admin_err_nom_" + $0.rawValue },
                                        nomenclatureForm: form, status: .unprocessableEntity)
        case .success(let n):
            try await req.application.appealService.setNomenclature(n, bodyID: body.id, year: Int(BodyForm.trimmed(form.year)) ?? 0)
            req.logger.notice("nomenclature set", metadata: ["body": .string(body.id.uuidString), "by": .string(admin.userID.uuidString)])
            return try await renderBody(req, code: body.code, message: "admin_saved")
        }
    }

    // MARK: Users

    @Sendable
    func createUser(req: Request) async throws -> Response {
        let admin = try await AdminPagesController.admin(req)
        try CSRF.verify(req)
        let (org, body, _) = try await loadBody(req, admin: admin)
        var form = try req.content.decode(UserForm.self)
        let login = BodyForm.trimmed(form.login)
        let problems = form.newUserProblems(loginTaken: try await org.loginTaken(login))
        guard problems.isEmpty else {
            form.password = nil
            return try await renderBody(req, code: body.code, userForm: form, errors: problems, status: .unprocessableEntity)
        }
        let chosen = form.password.flatMap { $0.isEmpty ? nil : $0 }
        let password = chosen ?? Passwords.generate()
        let id = try await org.addUser(bodyID: body.id, login: login, passwordHash: try await req.password.async.hash(password),
                                       name: BodyForm.trimmed(form.name), position: BodyForm.trimmed(form.position), roles: form.roles,
                                       positionRu: form.positionRu.map(BodyForm.trimmed).flatMap { $0.isEmpty ? nil : $0 })
        req.logger.notice("user created", metadata: ["user": .string(id.uuidString), "by": .string(admin.userID.uuidString)])
        return try await renderBody(req, code: body.code, message: "admin_user_added",
                                    shown: chosen == nil ? (login, password) : nil, status: .created)
    }

    struct UserContent: Encodable {
        var id: String
        var login: String
        var bodyCode: String
        var bodyName: String
        var userForm: UserForm
        var isSelf: Bool
        var errors: [String]
        var message: String?
        var shownPassword: String?
        /// The roles the person has now, the installation-level one included (shown, never granted here).
        var rolesText: String
    }

    func renderUser(_ req: Request, admin: Actor, form: UserForm? = nil, errors: [String] = [], message: String? = nil,
                    shownPassword: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let org = FluentOrganisationStore(database: req.db)
        guard let id = req.parameters.get("id", as: UUID.self), let account = try await org.account(id),
              let body = try await org.body(account.actor.bodyID) else { throw Abort(.notFound) }
        try Self.requireAccount(admin, account.actor)
        let a = account.actor
        func on(_ r: Role) -> String? { a.roles.contains(r) ? "on" : nil }
        let shown = form ?? UserForm(login: account.login, name: a.name, position: a.position, positionRu: a.positionRu, registrar: on(.registrar),
                                     executor: on(.executor), head: on(.head), admin: on(.admin), active: account.active ? "on" : nil)
        return try await req.page("admin-user", status: status) { lang, t in
            UserContent(id: id.uuidString, login: account.login, bodyCode: body.code, bodyName: lang == .ru ? body.nameRu : body.nameKk,
                        userForm: shown, isSelf: id == admin.userID, errors: errors.map { t[$0] ?? $0 },
                        message: message.map { t[$0] ?? $0 }, shownPassword: shownPassword, rolesText: Self.rolesText(a.roles, t))
        }
    }

    @Sendable
    func user(req: Request) async throws -> Response {
        let admin = try await AdminPagesController.admin(req)
        return try await renderUser(req, admin: admin)
    }

    @Sendable
    func updateUser(req: Request) async throws -> Response {
        let admin = try await AdminPagesController.admin(req)
        try CSRF.verify(req)
        let org = FluentOrganisationStore(database: req.db)
        guard let id = req.parameters.get("id", as: UUID.self), let account = try await org.account(id) else { throw Abort(.notFound) }
        try Self.requireAccount(admin, account.actor)
        let form = try req.content.decode(UserForm.self)
        var problems = form.personProblems()
        // An administrator cannot lock themselves out: their own admin role and access stay.
        if id == admin.userID && (!form.roles.contains(.admin) || form.active != "on") { problems.append("admin_err_self") }
        guard problems.isEmpty else { return try await renderUser(req, admin: admin, form: form, errors: problems, status: .unprocessableEntity) }
        // The installation-level role is the command line's to give and take: the form keeps it as it is.
        let kept = account.actor.roles.intersection([.installationAdmin])
        try await org.updateAccount(id, name: BodyForm.trimmed(form.name), position: BodyForm.trimmed(form.position),
                                    roles: form.roles.union(kept), active: form.active == "on",
                                    positionRu: form.positionRu.map(BodyForm.trimmed).flatMap { $0.isEmpty ? nil : $0 })
        req.logger.notice("user changed", metadata: ["user": .string(id.uuidString), "by": .string(admin.userID.uuidString)])
        return try await renderUser(req, admin: admin, message: "admin_saved")
    }

    /// An account the admin may manage: of a body they administer, and — unless they administer the
    /// installation — not an installation administrator's (whose access a body's admin cannot take over).
    static func requireAccount(_ admin: Actor, _ account: Actor) throws {
        try AdminPagesController.requireBody(admin, account.bodyID)
        if account.roles.contains(.installationAdmin) && !Permissions.administersInstallation(admin) { throw Abort(.notFound) }
    }

    @Sendable
    func resetPassword(req: Request) async throws -> Response {
        let admin = try await AdminPagesController.admin(req)
        try CSRF.verify(req)
        let org = FluentOrganisationStore(database: req.db)
        guard let id = req.parameters.get("id", as: UUID.self), let account = try await org.account(id) else { throw Abort(.notFound) }
        try Self.requireAccount(admin, account.actor)
        let password = Passwords.generate()
        try await org.setPasswordHash(try await req.password.async.hash(password), for: id)
        req.logger.notice("credentials reset", metadata: ["user": .string(id.uuidString), "by": .string(admin.userID.uuidString)])
        return try await renderUser(req, admin: admin, message: "admin_password_reset", shownPassword: password)
    }
}
