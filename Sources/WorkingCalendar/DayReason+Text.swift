extension DayReason {
    /// The reason as a person reads it, in the given language.
    public func text(_ lang: Language) -> String {
        switch self {
        case .weekend(let wd):
            return [.kk: "демалыс күні (\(wd.name(.kk)))", .ru: "выходной день (\(wd.name(.ru)))",
                    .en: "weekend (\(wd.name(.en)))"][lang]!
        case .holiday(let h):
            let base: String
            if h.kind == .religious {
                base = [.kk: "діни мереке, демалыс күні: \(h.name.kk)", .ru: "религиозный праздник, выходной день: \(h.name.ru)",
                        .en: "religious day off: \(h.name.en)"][lang]!
            } else {
                base = [.kk: "мереке: \(h.name.kk)", .ru: "праздник: \(h.name.ru)", .en: "holiday: \(h.name.en)"][lang]!
            }
            return base + (h.provisional ? [.kk: " (алдын ала)", .ru: " (предварительно)", .en: " (provisional)"][lang]! : "")
        case .substitute(let date, let h):
            let wd = date.weekday
            return [.kk: "ауыстырылған демалыс күні: \(h.name.kk) \(date.dotted) (\(wd.name(.kk))) демалыс күніне сәйкес келді",
                    .ru: "перенесённый выходной день: \(h.name.ru) \(date.dotted) (\(wd.name(.ru))) совпал с выходным днём",
                    .en: "substitute day off: \(h.name.en) on \(date.dotted) (\(wd.name(.en))) fell on a weekend"][lang]!
        case .decreedDayOff(let work, let act):
            let cite = act.citation(lang)
            if let work {
                return [.kk: "демалыс күні \(work.dotted) күнінен ауыстырылды (\(cite))",
                        .ru: "выходной день перенесён с \(work.dotted) (\(cite))",
                        .en: "day off transferred from \(work.dotted) (\(cite))"][lang]!
            }
            return [.kk: "демалыс күні (\(cite))", .ru: "выходной день (\(cite))", .en: "day off by decree (\(cite))"][lang]!
        case .decreedWorkingDay(let off, let act):
            let cite = act.citation(lang)
            if let off {
                return [.kk: "жұмыс күні: демалыс \(off.dotted) күніне ауыстырылды (\(cite))",
                        .ru: "рабочий день: выходной перенесён на \(off.dotted) (\(cite))",
                        .en: "working day: its rest transferred to \(off.dotted) (\(cite))"][lang]!
            }
            return [.kk: "жұмыс күні (\(cite))", .ru: "рабочий день (\(cite))", .en: "working day by decree (\(cite))"][lang]!
        }
    }
}
