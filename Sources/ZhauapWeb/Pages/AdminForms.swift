import Foundation
import ZhauapDomain

/// The administrators' forms, read and checked. Each problem is a string key, so the page names it in
/// the reader's language; nothing is stored while any remains.
struct BodyForm: Codable {
    var code: String?
    var nameKk: String?
    var nameRu: String?
    var address: String?
    var contacts: String?
    var higher: String?
    var timeZone: String?
    var hours: String?
    var correctionDays: String?

    init(code: String? = nil, nameKk: String? = nil, nameRu: String? = nil, address: String? = nil, contacts: String? = nil, higher: String? = nil,
         timeZone: String? = nil, hours: String? = nil, correctionDays: String? = nil) {
        (self.code, self.nameKk, self.nameRu, self.address, self.contacts) = (code, nameKk, nameRu, address, contacts)
        (self.higher, self.timeZone, self.hours, self.correctionDays) = (higher, timeZone, hours, correctionDays)
    }

    init(_ b: AdministrativeBody, higherCode: String?) {
        self.init(code: b.code, nameKk: b.nameKk, nameRu: b.nameRu, address: b.address, contacts: b.contacts, higher: higherCode,
                  timeZone: b.timeZone, hours: b.workingHours.text, correctionDays: String(b.correctionDays))
    }

    static func trimmed(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Applies the form to `body` (a new one when creating). `bodies` maps codes to ids, to name the
    /// higher body; `creating` checks the code, which never changes afterwards (it is in every number).
    func apply(to body: inout AdministrativeBody, bodies: [String: UUID], creating: Bool) -> [String] {
        var problems: [String] = []
        if creating {
            let code = Self.trimmed(code)
            if !AdministrativeBody.isValidCode(code) {
                problems.append("admin_err_code")
            } else if bodies[code] != nil {
                problems.append("admin_err_code_taken")
            }
            body.code = code
        }
        body.nameKk = Self.trimmed(nameKk)
        body.nameRu = Self.trimmed(nameRu)
        if body.nameKk.isEmpty || body.nameRu.isEmpty { problems.append("admin_err_names") }
        body.address = Self.trimmed(address)
        body.contacts = Self.trimmed(contacts)
        let higher = Self.trimmed(higher)
        if higher.isEmpty {
            body.higherBodyID = nil
        } else if let id = bodies[higher], id != body.id {
            body.higherBodyID = id
        } else {
            problems.append("admin_err_higher")
        }
        let tz = Self.trimmed(timeZone).isEmpty ? AdministrativeBody.defaultTimeZone : Self.trimmed(timeZone)
        if TimeZone(identifier: tz) == nil { problems.append("admin_err_timezone") } else { body.timeZone = tz }
        if let h = WorkingHours(text: Self.trimmed(hours).isEmpty ? WorkingHours.standard.text : Self.trimmed(hours)) {
            body.workingHours = h
        } else {
            problems.append("admin_err_hours")
        }
        let days = Self.trimmed(correctionDays)
        if days.isEmpty {
            body.correctionDays = creating ? 5 : body.correctionDays
        } else if let n = Int(days), CorrectionDeadline.allowed.contains(n) {
            body.correctionDays = n
        } else {
            problems.append("admin_err_correction_days")
        }
        return problems
    }
}

struct AreaForm: Codable {
    var area: String?
    var nameKk: String?
    var nameRu: String?
    var markers: String?

    /// The area, or the problems. Marker words are separated by commas or new lines (R24).
    func competenceArea() -> (CompetenceArea?, [String]) {
        let code = BodyForm.trimmed(area)
        var problems: [String] = []
        if !CompetenceArea.isValidCode(code) {
            problems.append("admin_err_area")
        }
        let kk = BodyForm.trimmed(nameKk), ru = BodyForm.trimmed(nameRu)
        if kk.isEmpty || ru.isEmpty { problems.append("admin_err_names") }
        let words = CompetenceArea.markers(from: markers ?? "")
        if words.isEmpty { problems.append("admin_err_markers") }
        return problems.isEmpty ? (CompetenceArea(code: code, nameKk: kk, nameRu: ru, markers: words), []) : (nil, problems)
    }
}

struct UserForm: Codable {
    var login: String?
    var name: String?
    var position: String?
    var positionRu: String?
    var registrar: String?
    var executor: String?
    var head: String?
    var admin: String?
    var active: String?
    var password: String?

    var roles: Set<Role> {
        Set([(registrar, Role.registrar), (executor, .executor), (head, .head), (admin, .admin)].compactMap { $0.0 == "on" ? $0.1 : nil })
    }

    /// Problems with the person's name and roles (on creating and on editing).
    func personProblems() -> [String] {
        var problems: [String] = []
        if BodyForm.trimmed(name).isEmpty { problems.append("admin_err_name") }
        if roles.isEmpty { problems.append("admin_err_roles") }
        return problems
    }

    /// Problems with a new user's login and chosen password (empty: one is generated).
    func newUserProblems(loginTaken: Bool) -> [String] {
        var problems: [String] = []
        let login = BodyForm.trimmed(login)
        if login.isEmpty || login.count > 64 || login.contains(where: \.isWhitespace) {
            problems.append("admin_err_login")
        } else if loginTaken {
            problems.append("admin_err_login_taken")
        }
        if let p = password, !p.isEmpty, !PasswordRule.accepts(p) { problems.append("admin_err_password") }
        return problems + personProblems()
    }
}

/// The case nomenclature of a body for a year, as the administrator types it (R12).
struct NomenclatureForm: Codable {
    var year: String?
    var unitCode: String?
    var unitKk: String?
    var unitRu: String?
    var retentionKk: String?
    var retentionRu: String?

    init(year: String?, _ n: CaseNomenclature) {
        (self.year, unitCode, unitKk, unitRu, retentionKk, retentionRu) = (year, n.unitCode, n.unitKk, n.unitRu, n.retentionKk, n.retentionRu)
    }

    func nomenclature() -> Result<CaseNomenclature, CaseNomenclature.ProblemList> {
        CaseNomenclature.checked(year: Int(BodyForm.trimmed(year)), unitCode: unitCode ?? "", unitKk: unitKk, unitRu: unitRu,
                                 retentionKk: retentionKk ?? "", retentionRu: retentionRu ?? "")
    }
}

/// One year's nomenclature as the body's page lists it.
struct NomenclatureRow: Encodable {
    var year: Int
    var nomenclature: CaseNomenclature
    var unitCode: String
    var unit: String
    var retention: String
    /// Not set by the administrator: the standard one applies.
    var standard: Bool

    init(year: Int, _ n: CaseNomenclature, standard: Bool) {
        (self.year, nomenclature, unitCode, self.standard) = (year, n, n.unitCode, standard)
        unit = [n.unitKk, n.unitRu].compactMap { $0 }.joined(separator: " / ")
        retention = n.retentionKk + " / " + n.retentionRu
    }
}
