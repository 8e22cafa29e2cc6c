import Foundation

extension CalendarData {
    /// Every problem in this data, each naming where it is (`years.2024.transfers[0].dayOff: …`).
    /// An empty list means the data can be compiled.
    public func problems() -> [String] {
        var out: [String] = []
        if format != 1 { out.append("format: expected 1, got \(format)") }
        if version.trimmingCharacters(in: .whitespaces).isEmpty { out.append("version: must not be empty") }
        if let c = coverage {
            if c.fromYear > c.toYear { out.append("coverage: fromYear \(c.fromYear) is after toYear \(c.toYear)") }
            if c.fromYear < 1900 || c.toYear > 2200 { out.append("coverage: years must lie within 1900–2200") }
        }
        for (i, d) in (weekendDays ?? []).enumerated() where !(1...7).contains(d) {
            out.append("weekendDays[\(i)]: \(d) is not an ISO weekday 1–7")
        }
        out += holidayProblems()
        out += yearProblems()
        return out
    }

    private func holidayProblems() -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for (i, h) in (holidays ?? []).enumerated() {
            let at = "holidays[\(i)] (\(h.id))"
            if h.id.isEmpty { out.append("holidays[\(i)]: id must not be empty") }
            if !seen.insert(h.id).inserted { out.append("\(at): duplicate id") }
            if h.name.kk.isEmpty || h.name.ru.isEmpty { out.append("\(at): name needs Kazakh and Russian") }
            if h.basis.isEmpty { out.append("\(at): basis (the legal source) must not be empty") }
            switch (h.month, h.day) {
            case (nil, nil):
                if h.kind != .religious { out.append("\(at): a holiday without month and day must be religious (dated per year)") }
            case let (m?, d?):
                if CivilDate(year: 2001, month: m, day: d) == nil { out.append("\(at): \(m)/\(d) is not a day of every year") }
            default:
                out.append("\(at): month and day go together")
            }
            if let f = h.fromYear, let t = h.toYear, f > t { out.append("\(at): fromYear \(f) is after toYear \(t)") }
        }
        return out
    }

    private func yearProblems() -> [String] {
        var out: [String] = []
        let rules = Dictionary((holidays ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let yearKeys = (years ?? [:]).keys.compactMap(Int.init)
        for key in (years ?? [:]).keys where Int(key) == nil { out.append("years.\(key): the key must be a year") }
        if let c = coverage, c.fromYear <= c.toYear {
            let missing = (c.fromYear...c.toYear).filter { !yearKeys.contains($0) }
            if !missing.isEmpty {
                out.append("years: coverage \(c.fromYear)–\(c.toYear) needs an entry for \(missing.map(String.init).joined(separator: ", "))")
            }
        }
        var offDates: [CivilDate: String] = [:]
        var workDates: [CivilDate: String] = [:]
        let weekend = Set(weekendDays ?? [6, 7])
        for (key, entry) in (years ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let year = Int(key) else { continue }
            for (i, r) in (entry.religiousDaysOff ?? []).enumerated() {
                let at = "years.\(key).religiousDaysOff[\(i)]"
                if r.date.year != year { out.append("\(at).date: \(r.date) is not in \(year)") }
                switch rules[r.holiday] {
                case nil: out.append("\(at).holiday: unknown holiday id \"\(r.holiday)\"")
                case let rule? where rule.kind != .religious || rule.month != nil:
                    out.append("\(at).holiday: \"\(r.holiday)\" is not a religious holiday dated per year")
                default: break
                }
            }
            for (i, t) in (entry.transfers ?? []).enumerated() {
                let at = "years.\(key).transfers[\(i)]"
                if t.dayOff == nil && t.workingDay == nil { out.append("\(at): needs dayOff, workingDay or both") }
                if let off = t.dayOff {
                    if off.year != year { out.append("\(at).dayOff: \(off) is not in \(year)") }
                    if weekend.contains(off.weekday.rawValue) { out.append("\(at).dayOff: \(off) is already a weekend day") }
                    if let other = offDates.updateValue(at, forKey: off) { out.append("\(at).dayOff: \(off) also in \(other)") }
                }
                if let work = t.workingDay {
                    if abs(work.year - year) > 1 { out.append("\(at).workingDay: \(work) is too far from \(year)") }
                    if let other = workDates.updateValue(at, forKey: work) { out.append("\(at).workingDay: \(work) also in \(other)") }
                    if offDates[work] != nil { out.append("\(at).workingDay: \(work) is also decreed a day off") }
                }
                if issuers?[t.act.issuer] == nil { out.append("\(at).act.issuer: unknown issuer \"\(t.act.issuer)\"") }
                if (t.act.ref ?? t.act.number ?? t.act.title ?? "").isEmpty {
                    out.append("\(at).act: cite the act (ref, number or title)")
                }
            }
        }
        return out
    }

    /// This data with an override applied: holidays replaced or added by id, years replaced whole,
    /// issuers and sources added; the version names both.
    public func merging(_ override: CalendarData) -> CalendarData {
        var out = self
        out.version = "\(version)+\(override.version)"
        out.format = override.format  // an override in another format fails validation
        if let w = override.weekendDays { out.weekendDays = w }
        if let r = override.weekendCoincidence { out.weekendCoincidence = r }
        var hs = holidays ?? []
        for h in override.holidays ?? [] {
            if let i = hs.firstIndex(where: { $0.id == h.id }) { hs[i] = h } else { hs.append(h) }
        }
        out.holidays = hs
        out.issuers = (issuers ?? [:]).merging(override.issuers ?? [:]) { _, new in new }
        out.years = (years ?? [:]).merging(override.years ?? [:]) { _, new in new }
        out.sources = (sources ?? []) + (override.sources ?? [])
        let keys = (out.years ?? [:]).keys.compactMap(Int.init)
        if let lo = ([coverage?.fromYear].compactMap { $0 } + keys).min(),
           let hi = ([coverage?.toYear].compactMap { $0 } + keys).max() {
            out.coverage = Coverage(fromYear: lo, toYear: hi)
        }
        return out
    }
}
