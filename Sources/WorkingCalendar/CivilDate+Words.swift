extension CivilDate {
    /// Month names as documents write a date: Kazakh nominative, Russian genitive.
    static let monthNames: [Language: [String]] = [
        .kk: ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"],
        .ru: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ]

    /// The date as official documents write it: "2024 жылғы 25 қаңтар", "25 января 2024 г.", "25 January 2024".
    public func inWords(_ lang: Language) -> String {
        let month = Self.monthNames[lang]![month - 1]
        return switch lang {
        case .kk: "\(year) жылғы \(day) \(month)"
        case .ru: "\(day) \(month) \(year) г."
        case .en: "\(day) \(month) \(year)"
        }
    }

    /// Kazakh month names in the dative, as "until" takes them (ақпанға дейін).
    static let kazakhDative = ["қаңтарға", "ақпанға", "наурызға", "сәуірге", "мамырға", "маусымға", "шілдеге", "тамызға",
                               "қыркүйекке", "қазанға", "қарашаға", "желтоқсанға"]

    /// "Until this date" as documents write it: "2024 жылғы 1 ақпанға дейін", "до 1 февраля 2024 г.", "by 1 February 2024".
    public func untilInWords(_ lang: Language) -> String {
        switch lang {
        case .kk: "\(year) жылғы \(day) \(Self.kazakhDative[month - 1]) дейін"
        case .ru: "до " + inWords(.ru)
        case .en: "by " + inWords(.en)
        }
    }
}

extension CivilDate {
    /// Kazakh month names in the genitive, as "instead of" takes them (қаңтардың орнына).
    static let kazakhGenitive = ["қаңтардың", "ақпанның", "наурыздың", "сәуірдің", "мамырдың", "маусымның", "шілденің", "тамыздың",
                                 "қыркүйектің", "қазанның", "қарашаның", "желтоқсанның"]

    /// The date in the genitive ("2024 жылғы 23 желтоқсанның", before «орнына»); Russian and English as `inWords`.
    public func genitiveInWords(_ lang: Language) -> String {
        lang == .kk ? "\(year) жылғы \(day) \(Self.kazakhGenitive[month - 1])" : inWords(lang)
    }
}
