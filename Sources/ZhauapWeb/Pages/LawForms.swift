import Foundation
import WorkingCalendar
import ZhauapDomain

/// The forms of the registry of normative acts, as typed: flat fields (`v0_from`, `p1_kk`, `role_term`), so
/// that a refused form is shown again exactly as it was sent. Reading a form gives the act or the norm and
/// the problems of what could not be read (a date, a number); the registry's own validation does the rest.
struct LawFields {
    var values: [String: String]

    init(_ values: [String: String] = [:]) { self.values = values }

    subscript(_ key: String) -> String {
        get { values[key] ?? "" }
        set { values[key] = newValue }
    }

    func text(_ key: String) -> String { self[key].trimmingCharacters(in: .whitespacesAndNewlines) }
    func optional(_ key: String) -> String? { let t = text(key); return t.isEmpty ? nil : t }
    func checked(_ key: String) -> Bool { values[key] == "on" }

    /// Words separated by commas or new lines.
    func list(_ key: String) -> [String] {
        self[key].split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func date(_ key: String, path: String, _ problems: inout [RegistryProblem]) -> CivilDate? {
        guard let t = optional(key) else { return nil }
        guard let d = try? CivilDate(iso: t) else {
            problems.append(RegistryProblem("form_date", path, "\(t) is not a date YYYY-MM-DD"))
            return nil
        }
        return d
    }

    func status(_ key: String) -> Verification { Verification(rawValue: text(key)) ?? .unverified }

    /// The indexes of the rows `prefix0_…`, `prefix1_…` sent with anything typed in them.
    func rows(_ prefix: String) -> [Int] {
        let indexes = Set(values.compactMap { k, v -> Int? in
            guard k.hasPrefix(prefix), let u = k.dropFirst(prefix.count).split(separator: "_").first, let i = Int(u),
                  !v.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !k.hasSuffix("_status") else { return nil }
            return i
        })
        return indexes.sorted()
    }

    /// How many rows the form shows: those sent (or stored) and `spare` empty ones to add.
    func rowCount(_ prefix: String, spare: Int) -> Int {
        let used = values.keys.compactMap { k -> Int? in
            guard k.hasPrefix(prefix) else { return nil }
            return k.dropFirst(prefix.count).split(separator: "_").first.flatMap { Int($0) }
        }.max().map { $0 + 1 } ?? 0
        return used + spare
    }

    static func day(_ d: CivilDate?) -> String { d?.description ?? "" }

    /// The values for a page, every field of the form present (blank when not typed).
    func filled(_ keys: [String]) -> [String: String] { values.merging(keys.map { ($0, "") }) { typed, _ in typed } }

    static let actKeys = ["id", "level", "titleKk", "titleRu", "titleEn", "number", "adoptedOn", "issuerKk", "issuerRu", "reference", "source", "status"]
    static let normKeys = ["id", "act", "article", "paragraph", "subparagraph", "markersKk", "markersRu", "termAmount", "specialTo", "source", "from",
                           "textKk", "textRu", "textSource", "note", "consequenceKk", "consequenceRu", "consequenceEn", "consequenceSource",
                           "amendFrom", "repealFrom"]
}

// MARK: Acts

extension LawFields {
    init(act a: NormativeAct) {
        self.init(["id": a.id, "level": a.level, "titleKk": a.titleKk, "titleRu": a.titleRu, "titleEn": a.titleEn, "number": a.number ?? "",
                   "adoptedOn": Self.day(a.adoptedOn), "issuerKk": a.issuerKk ?? "", "issuerRu": a.issuerRu ?? "", "reference": a.reference ?? "",
                   "source": a.source, "status": a.status.rawValue])
        for (i, v) in a.versions.enumerated() {
            values["v\(i)_from"] = Self.day(v.from)
            values["v\(i)_to"] = Self.day(v.to)
            values["v\(i)_note"] = v.note ?? ""
            if v.repealed { values["v\(i)_repealed"] = "on" }
        }
    }

    /// The act the form describes (`id`: the act edited, or the new one's as typed).
    func act(id: String, problems: inout [RegistryProblem]) -> NormativeAct {
        let versions = rows("v").compactMap { i -> ActVersion? in
            let p = "versions[\(i)]"
            guard let from = date("v\(i)_from", path: p + ".from", &problems) else {
                if optional("v\(i)_from") == nil { problems.append(RegistryProblem("missing", p + ".from", "the period has no first day")) }
                return nil
            }
            return ActVersion(from: from, to: date("v\(i)_to", path: p + ".to", &problems), repealed: checked("v\(i)_repealed"), note: optional("v\(i)_note"))
        }
        return NormativeAct(id: id, level: text("level"), titleKk: text("titleKk"), titleRu: text("titleRu"), titleEn: text("titleEn"),
                            number: optional("number"), adoptedOn: date("adoptedOn", path: "adoptedOn", &problems),
                            issuerKk: optional("issuerKk"), issuerRu: optional("issuerRu"), reference: optional("reference"),
                            versions: versions, source: text("source"), status: status("status"))
    }
}

// MARK: Norms

extension LawFields {
    /// The norm's fields with its newest wording (the last version in force or once in force).
    init(norm n: Norm) {
        self.init(["id": n.id, "act": n.act, "article": n.article, "paragraph": n.paragraph ?? "", "subparagraph": n.subparagraph ?? "",
                   "markersKk": n.markersKk.joined(separator: ", "), "markersRu": n.markersRu.joined(separator: ", "),
                   "termUnit": n.term?.unit.rawValue ?? "", "termAmount": n.term.map { String($0.amount) } ?? "",
                   "specialTo": n.specialTo.joined(separator: ", "), "source": n.source, "status": n.status.rawValue])
        for r in n.roles { values["role_" + r.rawValue] = "on" }
        for (i, c) in n.conflicts.enumerated() {
            for (k, v) in [("norm", c.norm), ("noteKk", c.noteKk), ("noteRu", c.noteRu), ("noteEn", c.noteEn), ("source", c.source), ("status", c.status.rawValue)] {
                values["c\(i)_" + k] = v
            }
        }
        guard let v = n.versions.last(where: { !$0.repealed }) else { return }
        for (k, s) in [("from", Self.day(v.from)), ("note", v.note ?? ""), ("textKk", v.textKk ?? ""), ("textRu", v.textRu ?? ""),
                       ("textSource", v.textSource ?? ""), ("textStatus", v.textStatus?.rawValue ?? "")] {
            values[k] = s
        }
        for (i, p) in v.preconditions.enumerated() {
            for (k, s) in [("kk", p.kk), ("ru", p.ru), ("en", p.en), ("explainKk", p.explainKk ?? ""), ("explainRu", p.explainRu ?? ""),
                           ("source", p.source), ("status", p.status.rawValue)] {
                values["p\(i)_" + k] = s
            }
        }
        if let c = v.consequence {
            for (k, s) in [("Kk", c.kk), ("Ru", c.ru), ("En", c.en), ("Source", c.source), ("Status", c.status.rawValue)] { values["consequence" + k] = s }
        }
    }

    /// The wording typed: text, IF and THEN, from `from`.
    func wording(from: CivilDate) -> NormVersion {
        let preconditions = rows("p").map { i in
            Precondition(kk: text("p\(i)_kk"), ru: text("p\(i)_ru"), en: text("p\(i)_en"), explainKk: optional("p\(i)_explainKk"),
                         explainRu: optional("p\(i)_explainRu"), source: text("p\(i)_source"), status: status("p\(i)_status"))
        }
        let typed = ["consequenceKk", "consequenceRu", "consequenceEn", "consequenceSource"].contains { optional($0) != nil }
        let consequence = typed ? CitedWording(kk: text("consequenceKk"), ru: text("consequenceRu"), en: text("consequenceEn"),
                                               source: text("consequenceSource"), status: status("consequenceStatus")) : nil
        return NormVersion(from: from, textKk: optional("textKk"), textRu: optional("textRu"), textSource: optional("textSource"),
                           textStatus: Verification(rawValue: text("textStatus")), preconditions: preconditions, consequence: consequence,
                           note: optional("note"))
    }

    /// The norm's own fields as typed onto `norm` (its versions are the caller's).
    func apply(to norm: inout Norm, problems: inout [RegistryProblem]) {
        norm.act = text("act")
        norm.article = text("article")
        norm.paragraph = optional("paragraph")
        norm.subparagraph = optional("subparagraph")
        norm.markersKk = list("markersKk")
        norm.markersRu = list("markersRu")
        norm.roles = NormRole.allCases.filter { checked("role_" + $0.rawValue) }
        norm.specialTo = list("specialTo")
        norm.source = text("source")
        norm.status = status("status")
        norm.term = nil
        if let unit = TermUnit(rawValue: text("termUnit")) {
            if let amount = Int(text("termAmount")) { norm.term = NormTerm(unit: unit, amount: amount) } else {
                problems.append(RegistryProblem("form_number", "term.amount", "the term's amount is a whole number"))
            }
        } else if optional("termAmount") != nil {
            problems.append(RegistryProblem("form_term_unit", "term.unit", "a term's amount needs its unit"))
        }
        norm.conflicts = rows("c").map { i in
            NormConflict(norm: text("c\(i)_norm"), noteKk: text("c\(i)_noteKk"), noteRu: text("c\(i)_noteRu"), noteEn: text("c\(i)_noteEn"),
                         source: text("c\(i)_source"), status: status("c\(i)_status"))
        }
    }

    /// What the norm form asks: save the wording as it is, amend from a day (the old wording stays, closed
    /// the day before), or repeal from a day.
    enum Change: Equatable { case save, amend(CivilDate), repeal(CivilDate) }

    func change(_ problems: inout [RegistryProblem]) -> Change? {
        switch text("action") {
        case "amend":
            guard let d = date("amendFrom", path: "amendFrom", &problems) else {
                if optional("amendFrom") == nil { problems.append(RegistryProblem("missing", "amendFrom", "the day the new wording applies from")) }
                return nil
            }
            return .amend(d)
        case "repeal":
            guard let d = date("repealFrom", path: "repealFrom", &problems) else {
                if optional("repealFrom") == nil { problems.append(RegistryProblem("missing", "repealFrom", "the day the norm is repealed from")) }
                return nil
            }
            return .repeal(d)
        default: return .save
        }
    }

    /// The norm with the form applied: a new norm (one version from `from`), or the stored one with its
    /// newest wording replaced, amended or repealed.
    func norm(editing stored: Norm?, id: String, problems: inout [RegistryProblem]) -> Norm {
        var n = stored ?? Norm(id: id, act: "", article: "", paragraph: nil, subparagraph: nil, markersKk: [], markersRu: [], roles: [], term: nil,
                               conflicts: [], specialTo: [], versions: [], source: "", status: .unverified)
        apply(to: &n, problems: &problems)
        guard let change = change(&problems) else { return n }
        let last = n.versions.lastIndex { !$0.repealed }
        let from = date("from", path: "versions.from", &problems)
        switch change {
        case .save:
            if let last {
                var v = wording(from: from ?? n.versions[last].from)
                (v.to, v.repealed) = (n.versions[last].to, false)
                n.versions[last] = v
            } else if let from {
                n.versions = [wording(from: from)]
            } else if optional("from") == nil {
                problems.append(RegistryProblem("missing", "versions.from", "the day the norm is in force from"))
            }
        case .amend(let day):
            guard let last, last == n.versions.count - 1 else {
                problems.append(RegistryProblem("form_amend_repealed", "amendFrom", "a repealed norm is not amended"))
                return n
            }
            let end = n.versions[last].to
            n.versions[last].to = day.adding(days: -1)
            var v = wording(from: day)
            v.to = end.flatMap { $0 >= day ? $0 : nil }
            n.versions.append(v)
        case .repeal(let day):
            guard let last, last == n.versions.count - 1 else {
                problems.append(RegistryProblem("form_repealed", "repealFrom", "the norm is repealed already"))
                return n
            }
            var v = wording(from: from ?? n.versions[last].from)
            v.to = day.adding(days: -1)
            n.versions[last] = v
            n.versions.append(NormVersion(from: day, repealed: true))
        }
        return n
    }
}
