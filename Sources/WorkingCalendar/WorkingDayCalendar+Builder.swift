extension WorkingDayCalendar {
    /// Applies the data's rules in their legal order: weekly days off; holidays; religious days with a
    /// set date; substitutes for statutory holidays on a weekend (Law on holidays Art. 5); and last,
    /// decreed transfers, which override everything before them (a decree may cancel a substitute).
    struct Builder {
        let data: CalendarData
        let years: ClosedRange<Int>
        let firstDayNumber: Int
        var working: [Bool]
        var reasons: [DayReason?]
        var provisional: [Bool]
        let weekend: Set<Int>
        let issuers: [String: LocalizedText]

        init(data: CalendarData, years: ClosedRange<Int>) {
            self.data = data
            self.years = years
            firstDayNumber = CivilDate(year: years.lowerBound, month: 1, day: 1)!.dayNumber
            let last = CivilDate(year: years.upperBound, month: 12, day: 31)!.dayNumber
            let count = last - firstDayNumber + 1
            working = Array(repeating: true, count: count)
            reasons = Array(repeating: nil, count: count)
            provisional = Array(repeating: false, count: count)
            weekend = Set(data.weekendDays ?? [6, 7])
            issuers = data.issuers ?? [:]
        }

        func index(_ d: CivilDate) -> Int? {
            let i = d.dayNumber - firstDayNumber
            return i >= 0 && i < working.count ? i : nil
        }

        func isHolidayOrSubstitute(_ i: Int) -> Bool {
            switch reasons[i] {
            case .holiday?, .substitute?: true
            default: false
            }
        }

        mutating func build() {
            for i in working.indices {
                let wd = CivilDate(dayNumber: firstDayNumber + i).weekday
                if weekend.contains(wd.rawValue) {
                    working[i] = false
                    reasons[i] = .weekend(wd)
                }
            }
            for (key, entry) in data.years ?? [:] where entry.status == .provisional {
                guard let y = Int(key), years.contains(y) else { continue }
                let a = index(CivilDate(year: y, month: 1, day: 1)!)!, b = index(CivilDate(year: y, month: 12, day: 31)!)!
                for i in a...b { provisional[i] = true }
            }
            var statutory: [(CivilDate, HolidayInfo)] = []
            for year in years {
                for rule in data.holidays ?? [] where rule.applies(in: year) {
                    guard let m = rule.month, let d = rule.day, let date = CivilDate(year: year, month: m, day: d) else { continue }
                    let info = HolidayInfo(id: rule.id, kind: rule.kind, name: rule.name, basis: rule.basis,
                                           provisional: false, announced: nil, source: nil)
                    markHoliday(date, info)
                    if rule.kind == .statutory { statutory.append((date, info)) }
                }
                for dated in data.years?[String(year)]?.religiousDaysOff ?? [] {
                    guard let rule = data.holidays?.first(where: { $0.id == dated.holiday }) else { continue }
                    let info = HolidayInfo(id: rule.id, kind: rule.kind, name: rule.name, basis: rule.basis,
                                           provisional: dated.provisional ?? false, announced: dated.announced,
                                           source: dated.source)
                    markHoliday(dated.date, info)
                    if info.provisional, let i = index(dated.date) { provisional[i] = true }
                }
            }
            applySubstitutes(statutory.sorted { $0.0 < $1.0 })
            applyTransfers()
        }

        mutating func markHoliday(_ date: CivilDate, _ info: HolidayInfo) {
            guard let i = index(date) else { return }
            if isHolidayOrSubstitute(i) { return }  // two holidays on one day: the first recorded stays
            working[i] = false
            reasons[i] = .holiday(info)
        }

        /// Each statutory holiday day on a weekly day off makes the next day that is neither a weekly day
        /// off, nor a holiday, nor already a substitute, a day off. Religious days off never do.
        mutating func applySubstitutes(_ holidays: [(CivilDate, HolidayInfo)]) {
            guard let rule = data.weekendCoincidence else { return }
            for (date, info) in holidays {
                guard date.year >= rule.fromYear, date.year <= (rule.toYear ?? Int.max),
                      weekend.contains(date.weekday.rawValue) else { continue }
                var d = date.adding(days: 1)
                while let i = index(d) {
                    if !weekend.contains(d.weekday.rawValue) && !isHolidayOrSubstitute(i) {
                        working[i] = false
                        reasons[i] = .substitute(for: date, holiday: info)
                        break
                    }
                    d = d.adding(days: 1)
                }
            }
        }

        mutating func applyTransfers() {
            for (_, entry) in data.years ?? [:] {
                for t in entry.transfers ?? [] {
                    let act = ActInfo(issuer: issuers[t.act.issuer] ?? LocalizedText(kk: t.act.issuer, ru: t.act.issuer, en: t.act.issuer),
                                      ref: t.act.ref, number: t.act.number, date: t.act.date, title: t.act.title)
                    if let off = t.dayOff, let i = index(off) {
                        working[i] = false
                        reasons[i] = .decreedDayOff(workingDay: t.workingDay, act: act)
                    }
                    if let work = t.workingDay, let i = index(work) {
                        working[i] = true
                        reasons[i] = .decreedWorkingDay(dayOff: t.dayOff, act: act)
                    }
                }
            }
        }
    }
}
