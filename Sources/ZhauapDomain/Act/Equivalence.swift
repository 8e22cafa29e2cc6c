import Foundation
import WorkingCalendar

/// R42(4); Law "On languages" Arts. 8, 11: the Kazakh and Russian versions of an act are two documents that
/// must say the same thing. The check reads what can be compared without translating — dates in whichever
/// written form, identification numbers, registration and case numbers, references to norms (article,
/// paragraph, subparagraph), amounts and other numbers — and which sections are filled, and reports every
/// difference with the spans of both versions side by side.
public enum ActEquivalence {
    /// Something both versions must carry alike.
    public enum Item: Hashable, Sendable, Comparable {
        case date(CivilDate)
        case identification(String)
        case registration(String)
        case norm(article: String, paragraph: String?, subparagraph: String?)
        /// A surname by its consonants, so that the Kazakh and Russian spellings and cases meet (Нұрлановқа,
        /// Нурланову → нрлнв; Жақыпов, Жакупов → жкпв).
        case name(String)
        case number(String)

        public var category: String {
            switch self {
            case .date: "date"
            case .identification: "identification_number"
            case .registration: "registration_number"
            case .norm: "norm_reference"
            case .name: "name"
            case .number: "number"
            }
        }

        /// As a person reads it, the same in both languages.
        public var text: String {
            switch self {
            case .date(let d): d.dotted
            case .identification(let s), .registration(let s), .number(let s): s
            case .name(let s): s.prefix(1).uppercased() + s.dropFirst()
            case .norm(let a, let p, let sp): ["art. \(a)", p.map { "p. \($0)" }, sp.map { "sp. \($0))" }].compactMap { $0 }.joined(separator: ", ")
            }
        }

        public static func < (l: Item, r: Item) -> Bool { (l.category, l.text) < (r.category, r.text) }

        /// What a finding names: a surname as first written (its key is only its consonants), the rest as read.
        func shown(_ spans: [Span]) -> String {
            if case .name = self, let first = spans.first { return first.excerpt }
            return text
        }
    }

    /// Where an item stands in one version: the section and the words as written.
    public struct Span: Hashable, Sendable {
        public var section: String
        public var excerpt: String
    }

    public struct Finding: Hashable, Sendable {
        /// `date_differs`, `identification_number_differs`, `registration_number_differs`, `norm_reference_differs`,
        /// `name_differs`, `number_differs`, `section_missing`.
        public var code: String
        public var section: String
        /// What one version has and the other lacks, with where it stands.
        public var item: String?
        public var onlyIn: Language
        public var spans: [Span]
    }

    /// Compares the two versions' sections (keys as the act names them, e.g. `operative_summary`).
    public static func compare(kk: [String: String], ru: [String: String]) -> [Finding] {
        var out: [Finding] = []
        func filled(_ s: String?) -> Bool { !(s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        for key in Set(kk.keys).union(ru.keys).sorted() where filled(kk[key]) != filled(ru[key]) {
            out.append(Finding(code: "section_missing", section: key, item: nil, onlyIn: filled(kk[key]) ? .kk : .ru,
                               spans: [Span(section: key, excerpt: String((kk[key] ?? ru[key] ?? "").prefix(120)))]))
        }
        let a = items(kk, .kk), b = items(ru, .ru)
        for (item, spans) in a.sorted(by: { $0.key < $1.key }) where b[item] == nil {
            out.append(Finding(code: item.category + "_differs", section: spans[0].section, item: item.shown(spans), onlyIn: .kk, spans: spans))
        }
        for (item, spans) in b.sorted(by: { $0.key < $1.key }) where a[item] == nil {
            out.append(Finding(code: item.category + "_differs", section: spans[0].section, item: item.shown(spans), onlyIn: .ru, spans: spans))
        }
        return out
    }

    /// Every comparable item of one version, with where it stands.
    public static func items(_ sections: [String: String], _ lang: Language) -> [Item: [Span]] {
        var out: [Item: [Span]] = [:]
        for (key, text) in sections.sorted(by: { $0.key < $1.key }) {
            for (item, excerpt) in extract(text, lang) { out[item, default: []].append(Span(section: key, excerpt: excerpt)) }
        }
        return out
    }

    // MARK: - Reading one text

    static let monthsKk = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
    static let monthsRu = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]

    static func month(_ word: String, _ lang: Language) -> Int? {
        let w = word.lowercased()
        if lang == .ru {
            // "мая", "май", "марта": the shortest stems are checked whole.
            if ["мая", "май", "мае"].contains(w) { return 5 }
            if w.hasPrefix("март") { return 3 }
            return monthsRu.firstIndex { $0 != "ма" && w.hasPrefix($0) }.map { $0 + 1 }
        }
        return monthsKk.firstIndex { w.hasPrefix($0) }.map { $0 + 1 }
    }

    struct Pattern {
        let regex: NSRegularExpression
        let read: ([String?]) -> Item?
        init(_ pattern: String, _ read: @escaping ([String?]) -> Item?) {
            regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            self.read = read
        }
    }

    /// Kazakh letters to their Russian look-alikes, lower case, ё as е: the spellings of one name meet.
    static func fold(_ s: String) -> String {
        let map: [Character: Character] = ["ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е"]
        return String(s.lowercased().map { map[$0] ?? $0 })
    }

    /// A name's consonants after folding: transliterations differ in their vowels (Жақыпов, Жакупов; Ысқақов,
    /// Искаков) and in б/п (Сәтбаев, Сатпаев).
    static func skeleton(_ s: String) -> String {
        String(fold(s).filter { !"аеиоуыэюяйьъ".contains($0) }.map { $0 == "б" ? "п" : $0 })
    }

    static func date(_ y: String?, _ m: Int?, _ d: String?) -> Item? {
        guard let y = y.flatMap({ Int($0) }), let m, let d = d.flatMap({ Int($0) }), (1...12).contains(m), (1...31).contains(d),
              let date = CivilDate(String(format: "%04d-%02d-%02d", y, m, d)) else { return nil }
        return .date(date)
    }

    /// Compiled once per language (matching with a compiled expression is safe from any thread).
    nonisolated(unsafe) static let kkPatterns = patterns(.kk)
    nonisolated(unsafe) static let ruPatterns = patterns(.ru)

    static func patterns(_ lang: Language) -> [Pattern] {
        let word = "(\\p{L}+)"
        var p: [Pattern] = [
            Pattern("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b") { g in date(g[3], g[2].flatMap { Int($0) }, g[1]) },
            Pattern("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b") { g in date(g[1], g[2].flatMap { Int($0) }, g[3]) },
            Pattern("\\b([A-ZА-ЯӘҒҚҢӨҰҮҺІ]{2,10}-\\d{4}-\\d{3,6})\\b") { g in g[1].map { .registration($0.uppercased()) } },
            Pattern("(?<!\\d)(\\d{12})(?!\\d)") { g in g[1].map { .identification($0) } },
        ]
        if lang == .kk {
            p += [
                Pattern("(\\d{4})\\s*жыл\\p{L}*\\s+(\\d{1,2})\\s+\(word)") { g in date(g[1], g[3].flatMap { month($0, .kk) }, g[2]) },
                Pattern("(\\d{1,2})\\s+\(word)\\s+(\\d{4})") { g in date(g[3], g[2].flatMap { month($0, .kk) }, g[1]) },
                // «43-бабының 2-тармағының 1) тармақшасы», «43-бап», «90-5-бабы».
                // The stems voice before a vowel: бап → бабы, тармақ → тармағы.
                Pattern("(?<!\\d)(\\d+(?:-\\d+)?)-ба[пб]\\p{L}*(?:\\s+(\\d+)-тарма[қғ](?!ша)\\p{L}*)?(?:\\s+(\\d+)\\)\\s*тармақша\\p{L}*)?") { g in
                    g[1].map { .norm(article: $0, paragraph: g[2], subparagraph: g[3]) }
                },
            ]
        } else {
            p += [
                Pattern("(\\d{1,2})\\s+\(word)\\s+(\\d{4})") { g in date(g[3], g[2].flatMap { month($0, .ru) }, g[1]) },
                // «подпункт 1) пункта 2 статьи 43», «пп. 1) п. 2 ст. 43».
                Pattern("(?:подпункт\\p{L}*|пп\\.)\\s*(\\d+)\\)?\\s*(?:пункт\\p{L}*|п\\.)\\s*(\\d+)\\s*(?:стать\\p{L}*|ст\\.)\\s*(\\d+(?:-\\d+)?)") { g in
                    g[3].map { .norm(article: $0, paragraph: g[2], subparagraph: g[1]) }
                },
                // «пункт 2 статьи 43», «п. 2 ст. 43».
                Pattern("(?:пункт\\p{L}*|п\\.)\\s*(\\d+)\\s*(?:стать\\p{L}*|ст\\.)\\s*(\\d+(?:-\\d+)?)") { g in
                    g[2].map { .norm(article: $0, paragraph: g[1], subparagraph: nil) }
                },
                // «статья 43, пункт 2, подпункт 1)», «ст. 43».
                Pattern("(?:стать\\p{L}*|ст\\.)\\s*(\\d+(?:-\\d+)?)(?:,?\\s*(?:пункт\\p{L}*|п\\.)\\s*(\\d+))?(?:,?\\s*(?:подпункт\\p{L}*|пп\\.)\\s*(\\d+)\\)?)?") { g in
                    g[1].map { .norm(article: $0, paragraph: g[2], subparagraph: g[3]) }
                },
            ]
        }
        // A surname by its Russian-style ending (-ов, -ев, -енко; not -ин, which common nouns share: магазин,
        // гражданин), with a case ending of the version's
        // language: Нұрлановқа, Нұрлановтың; Нурланову, Ахметовой. Patronymics differ between the languages
        // (Серікқызы / Сериковна) and are not compared; nor are common words that merely look so.
        let endings = lang == .kk
            ? "а?(?:қа|ка|ға|га|ке|ге|тың|тің|дың|дің|ның|нің|ты|ті|ды|ді|ны|ні|мен|пен|бен|да|де|та|те|дан|ден|тан|тен|нан|нен|нікі)|а"
            : "ий|ая|ой|ого|ому|им|ом|ым|ыми|ых|у|е|ы|а"
        p.append(Pattern("(?-i)(?<!\\p{L})([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+?(?:ов|ев|ёв|енко))(?:\(endings))?(?!\\p{L})") { g in
            // «Рассмотрев …» opens a sentence with a gerund, not a name.
            g[1].flatMap { $0.lowercased().hasSuffix("мотрев") ? nil : .name(Self.skeleton($0)) }
        })
        // Numbers and amounts last, on what the others left: «1 250 000,50» is 1250000.50.
        p.append(Pattern("(?<![\\d.,])(\\d{1,3}(?:[ \\u00A0]\\d{3})+|\\d+)(?:[.,](\\d+))?(?![\\d])") { g in
            guard let whole = g[1]?.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "") else { return nil }
            let trimmed = String(whole.drop { $0 == "0" })
            return .number((trimmed.isEmpty ? "0" : trimmed) + (g[2].map { "." + $0 } ?? ""))
        })
        return p
    }

    /// The items of one text, each with the words it was read from; a span read once is not read again.
    static func extract(_ text: String, _ lang: Language) -> [(Item, String)] {
        var remaining = text as NSString
        var out: [(Item, String)] = []
        for pattern in lang == .ru ? ruPatterns : kkPatterns {
            let matches = pattern.regex.matches(in: remaining as String, range: NSRange(location: 0, length: remaining.length))
            for m in matches.reversed() {
                let groups: [String?] = (0..<m.numberOfRanges).map { i in
                    let r = m.range(at: i)
                    return r.location == NSNotFound ? nil : remaining.substring(with: r)
                }
                guard let item = pattern.read(groups) else { continue }
                out.append((item, remaining.substring(with: m.range)))
                remaining = remaining.replacingCharacters(in: m.range, with: String(repeating: " ", count: m.range.length)) as NSString
            }
        }
        return out
    }
}
