extension TermExplanation {
    /// The explanation as numbered lines a person reads (the `--explain` trail, the appeal's term card).
    public func lines(_ lang: Language, unit: TermUnit, amount: Int) -> [String] {
        var out: [String] = []
        // Only the language asked for is built (each line is written in all three below).
        func t(_ kk: @autoclosure () -> String, _ ru: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String {
            switch lang {
            case .kk: kk()
            case .ru: ru()
            case .en: en()
            }
        }
        out.append(t("Мерзім: \(unit.amountText(amount, .kk)), оқиға күні \(start.dotted) (\(start.weekday.name(.kk)))",
                     "Срок: \(unit.amountText(amount, .ru)), день события \(start.dotted) (\(start.weekday.name(.ru)))",
                     "Term: \(unit.amountText(amount, .en)) from the event on \(start.dotted) (\(start.weekday.name(.en)))"))
        switch dayOneRule {
        case .eventDay:
            out.append(t("1-күн: \(dayOne.dotted) — оқиға күні бірінші күн болып саналады",
                         "1-й день: \(dayOne.dotted) — день события считается первым днём",
                         "Day 1: \(dayOne.dotted) — the event day counts as day 1"))
        case .firstWorkingDayAfterNonWorkingEvent:
            let why = startReason.map { " (\($0.text(lang)))" } ?? ""
            out.append(t("1-күн: \(dayOne.dotted) — оқиға күні жұмыс күні емес\(why), одан кейінгі бірінші жұмыс күні",
                         "1-й день: \(dayOne.dotted) — день события нерабочий\(why), первый рабочий день после него",
                         "Day 1: \(dayOne.dotted) — the event day is not a working day\(why); the first working day after it"))
        case .dayAfterEvent:
            out.append(t("1-күн: \(dayOne.dotted) — есептеу оқиғадан кейінгі күннен басталады",
                         "1-й день: \(dayOne.dotted) — течение срока начинается на следующий день после события",
                         "Day 1: \(dayOne.dotted) — counting starts the day after the event"))
        case .firstWorkingDayAfterEvent:
            out.append(t("1-күн: \(dayOne.dotted) — оқиғадан кейінгі бірінші жұмыс күні",
                         "1-й день: \(dayOne.dotted) — первый рабочий день после события",
                         "Day 1: \(dayOne.dotted) — the first working day after the event"))
        }
        for d in skipped {
            out.append(t("  \(d.date.dotted) есептелмеді: ", "  пропущен \(d.date.dotted): ", "  skipped \(d.date.dotted): ")
                       + (d.reason?.text(lang) ?? ""))
        }
        if clampedToMonthEnd {
            out.append(t("Соңғы айда сол күн жоқ: айдың соңғы күні алынды — \(nominalEnd.dotted)",
                         "В последнем месяце нет такого числа: взят последний день месяца — \(nominalEnd.dotted)",
                         "The last month has no such day: its last day is taken — \(nominalEnd.dotted)"))
        } else if unit == .months || unit == .years {
            out.append(t("Есептік соңғы күн: \(nominalEnd.dotted)", "Расчётный последний день: \(nominalEnd.dotted)",
                         "Counted last day: \(nominalEnd.dotted)"))
        }
        if !rolledOver.isEmpty {
            for d in rolledOver {
                out.append(t("  соңғы күн жұмыс күні емес \(d.date.dotted): ", "  последний день нерабочий \(d.date.dotted): ",
                             "  last day not working \(d.date.dotted): ") + (d.reason?.text(lang) ?? ""))
            }
            out.append(t("Мерзім келесі жұмыс күніне ауысады", "Срок переносится на следующий рабочий день",
                         "The term moves to the next working day"))
        }
        out.append(t("Мерзімнің соңғы күні: \(end.dotted) (\(end.weekday.name(.kk)))",
                     "Последний день срока: \(end.dotted) (\(end.weekday.name(.ru)))",
                     "Last day of the term: \(end.dotted) (\(end.weekday.name(.en)))"))
        for w in warnings { out.append(t("Ескерту: ", "Внимание: ", "Warning: ") + w.text(lang)) }
        out.append(t("Күнтізбе нұсқасы: \(calendarVersion)", "Версия календаря: \(calendarVersion)",
                     "Calendar version: \(calendarVersion)"))
        return out
    }
}
