import Fluent
import FluentSQL
import Foundation
import Vapor
import ZhauapDomain
import ZhauapStorage
import ZhauapText
import ZhauapWeb

/// `zhauap bench search [--appeals 1000000] [--queries 400] [--database-url URL | --file PATH] [--reuse]`: fills a scratch database
/// with appeals of one body and their search index rows (the minimal appeal columns inserted directly, the
/// index rows through `writeSearchEntries`, the code path registration uses), from a vocabulary of a few
/// hundred Kazakh and Russian words drawn with Zipf-like frequencies, Kazakh typed in its own letters, in
/// Russian look-alikes or in Latin, inflected; then times one- and two-word searches of common and rare
/// words (p50/p99) through the store with the snippets built, against the bare statement. Build with `-c release`.
/// `--file` keeps the filled SQLite file; `--reuse` times the queries against a database an earlier run filled.
struct SearchBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "appeals", help: "appeals to create (default 1000000)") var appeals: Int?
        @Option(name: "queries", help: "timed queries (default 400)") var queries: Int?
        @Option(name: "database-url", help: "scratch database (default: a new SQLite file in the temp directory)") var databaseURL: String?
        @Option(name: "file", help: "SQLite file to fill and keep (instead of a temp file removed afterwards)") var file: String?
        @Flag(name: "reuse", help: "if the database already holds the bench's appeals (an earlier run with --file or --database-url), only time the queries")
        var reuse: Bool
    }

    var help: String { "Time full-text searches over many appeals against the bare SQL" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let total = s.appeals ?? 1_000_000, queries = s.queries ?? 400
        guard total > 0, queries > 0 else { throw CLIError("--appeals and --queries must be positive") }
        guard s.file == nil || s.databaseURL == nil else { throw CLIError("--file and --database-url exclude each other") }
        let (location, path) = try s.file.map { (DatabaseLocation.sqliteFile(path: $0), $0) } ?? BenchDatabase.location(s.databaseURL)
        defer { if s.file == nil { BenchDatabase.remove(path) } }
        let app = try await Application.make(.testing)
        do {
            try configure(app, config: AppConfig(database: location, host: "127.0.0.1", port: 0, logLevel: "warning"))
            try await prepareDatabase(app)
            context.console.print(try await Self.measure(app, total: total, queries: queries, reuse: s.reuse, console: context.console))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }

    static func measure(_ app: Application, total: Int, queries: Int, reuse: Bool, console: any Console) async throws -> String {
        guard let sql = app.db as? any SQLDatabase else { throw StorageError.notSQL }
        let vocabulary = BenchVocabulary()
        let earlier = try await sql.raw("SELECT id FROM bodies WHERE code = 'SRCH'").first()?.decode(column: "id", as: UUID.self)
        let body: AdministrativeBody
        if let earlier {
            guard reuse else { throw CLIError("the database already holds a bench body: pass --reuse, or an empty database") }
            body = AdministrativeBody(id: earlier, code: "SRCH", nameKk: "Іздеу органы", nameRu: "Орган поиска")
        } else {
            body = AdministrativeBody(code: "SRCH", nameKk: "Іздеу органы", nameRu: "Орган поиска")
            try await FluentOrganisationStore(database: app.db).add(body)
        }
        var stored: Int? = nil
        if let earlier {
            stored = try await sql.raw("SELECT COUNT(*) AS n FROM appeal_search WHERE body_id = \(bind: earlier)").first()?.decode(column: "n", as: Int.self)
        }
        let total = stored ?? total
        let started = ContinuousClock.now
        let batch = 500
        var inserted = earlier == nil ? 0 : total
        // The texts and their index entries are made on the other cores while the previous batch is written.
        func make(_ start: Int) async -> [BenchAppeal] {
            let n = min(batch, total - start), half = n / 2
            async let first = BenchAppeal.make(start, count: half, total: total, bodyID: body.id, vocabulary: vocabulary)
            async let second = BenchAppeal.make(start + half, count: n - half, total: total, bodyID: body.id, vocabulary: vocabulary)
            return await first + second
        }
        var next = inserted < total ? await make(0) : []
        while inserted < total {
            let current = next
            let upcoming = inserted + current.count
            async let following = upcoming < total ? make(upcoming) : []
            let rows: [SQLQueryString] = current.map { r in
                "(\(bind: r.entry.appealID), \(bind: body.id), 2026, \(bind: r.index + 1), \(bind: r.number), 'X', \(bind: r.day), 'answered', NULL, NULL, NULL, '{}', 0, '', \(bind: Date()), \(bind: r.applicant), \(bind: r.subject))"
            }
            let statement: SQLQueryString = """
                INSERT INTO appeals (id, body_id, reg_year, reg_sequence, reg_number, tracking_code, registered_on, state, kind,
                  executor_id, next_due, document, trail_length, trail_head, updated_at, applicant, subject) VALUES \(rows.joined(separator: ", "))
                """
            let index = current.map(\.entry)
            try await app.db.transaction { tx in
                guard let t = tx as? any SQLDatabase else { throw StorageError.notSQL }
                try await t.raw(statement).run()
                try await FluentAppealStore(database: tx).writeSearchEntries(index, fresh: true)
            }
            let before = inserted
            inserted += current.count
            if inserted / 100_000 != before / 100_000 { console.print("  \(inserted) appeals…") }
            next = await following
        }
        let fill = ContinuousClock.now - started
        let sqlite = sql.dialect.name == "sqlite"
        let tidy = ContinuousClock.now
        if earlier != nil {
        } else if sqlite {
            try await sql.raw("INSERT INTO appeal_search_fts(appeal_search_fts) VALUES('optimize')").run()
            try await sql.raw("ANALYZE").run()
        } else {
            try await sql.raw("VACUUM ANALYZE appeal_search").run()
            try await sql.raw("ANALYZE appeals").run()
        }
        let tidied = ContinuousClock.now - tidy

        // Queries: words of the top 20 ranks (common) and of ranks 150 and beyond (rare), one or two, typed
        // in any of the ways the texts were.
        var plan: [(label: String, text: String)] = []
        var qrng = SplitMix64(seed: 7)
        for i in 0..<queries {
            switch i % 4 {
            case 0: plan.append(("1 common", vocabulary.typed(vocabulary.common(&qrng), &qrng)))
            case 1: plan.append(("1 rare", vocabulary.typed(vocabulary.rare(&qrng), &qrng)))
            case 2: plan.append(("2 common", vocabulary.typed(vocabulary.common(&qrng), &qrng) + " " + vocabulary.typed(vocabulary.common(&qrng), &qrng)))
            default: plan.append(("common + rare", vocabulary.typed(vocabulary.common(&qrng), &qrng) + " " + vocabulary.typed(vocabulary.rare(&qrng), &qrng)))
            }
        }
        let store = FluentAppealStore(database: app.db)
        let filter = WorklistQuery(bodyID: body.id)
        // Warm the caches once.
        for (_, text) in plan.prefix(20) { _ = try await store.search(AppealSearch(filter: filter, words: SearchText.words(text))) }
        var full: [String: [Double]] = [:], bare: [String: [Double]] = [:], hits: [String: [Int]] = [:]
        for (label, text) in plan {
            let t0 = ContinuousClock.now
            let words = SearchText.words(text)
            let found = try await store.search(AppealSearch(filter: filter, words: words, limit: 20))
            let snippets = found.map { Snippet.html($0.essence ?? "", words: words) }
            full[label, default: []].append(ms(ContinuousClock.now - t0))
            hits[label, default: []].append(snippets.count)
            let statement = try store.searchStatement(AppealSearch(filter: filter, words: words, limit: 20), window: AppealSearch.rankedWindow)
            let t1 = ContinuousClock.now
            _ = try await sql.raw(statement).all()
            bare[label, default: []].append(ms(ContinuousClock.now - t1))
        }
        func pct(_ xs: [Double], _ p: Double) -> Double {
            let s = xs.sorted()
            return s[min(s.count - 1, Int((Double(s.count) * p).rounded(.down)))]
        }
        func line(_ label: String, _ f: [Double], _ b: [Double]) -> String {
            String(format: "  %-14@ %4d queries: p50 %7.2f ms, p99 %7.2f ms, max %7.2f ms | bare SQL p50 %7.2f ms, p99 %7.2f ms",
                   label as NSString, f.count, pct(f, 0.5), pct(f, 0.99), f.max() ?? 0, pct(b, 0.5), pct(b, 0.99))
        }
        let labels = ["1 common", "1 rare", "2 common", "common + rare"]
        var lines = labels.compactMap { l in full[l].map { line(l, $0, bare[l] ?? []) } }
        lines.append(line("all", labels.flatMap { full[$0] ?? [] }, labels.flatMap { bare[$0] ?? [] }))
        // How many appeals the commonest and a rare word are in (the work a ranking without a bound would do).
        let top = SearchText.words(vocabulary.words[0]), rare = SearchText.words(vocabulary.words[vocabulary.words.count - 1])
        func count(_ w: [[String]]) async throws -> Int {
            let q: SQLQueryString = sqlite
                ? "SELECT COUNT(*) AS n FROM appeal_search_fts WHERE appeal_search_fts MATCH \(bind: FluentAppealStore.ftsQueryText(w))"
                : "SELECT COUNT(*) AS n FROM appeal_search WHERE stems @@ to_tsquery('simple', \(bind: FluentAppealStore.tsQueryText(w)))"
            return try await sql.raw(q).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let topCount = try await count(top), rareCount = try await count(rare)
        let explain = try store.searchStatement(AppealSearch(filter: filter, words: top, limit: 20), window: AppealSearch.rankedWindow)
        let planRows = try await sql.raw(SQLQueryString(sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + explain).all()
            .map { (try? $0.decode(column: sqlite ? "detail" : "QUERY PLAN", as: String.self)) ?? "?" }
        let avgHits = labels.map { l in "\(l) \(hits[l].map { $0.reduce(0, +) / max(1, $0.count) } ?? 0)" }.joined(separator: ", ")
        return """
            search: \(total) appeals of one body on \(sql.dialect.name), ranked among the newest \(AppealSearch.rankedWindow) matches, 20 per page
              \(earlier != nil ? "reused (filled by an earlier run)" : "filled in \(fill) (appeal rows + index rows through writeSearchEntries), then \(sqlite ? "FTS5 optimize + ANALYZE" : "VACUUM ANALYZE") in \(tidied)")
              the commonest word «\(vocabulary.words[0])» is in \(topCount) appeals, the rarest «\(vocabulary.words[vocabulary.words.count - 1])» in \(rareCount)
            \(lines.joined(separator: "\n"))
              hits per page (mean): \(avgHits)
              plan (commonest word): \(planRows.joined(separator: "; "))
            """
    }
}

/// One generated appeal: what its row and its index entry hold (deterministic: seeded by its position).
struct BenchAppeal: Sendable {
    var index: Int
    var number: String
    var day: String
    var applicant: String
    var subject: String
    var entry: SearchIndexEntry

    static func make(_ start: Int, count: Int, total: Int, bodyID: UUID, vocabulary: BenchVocabulary) -> [BenchAppeal] {
        var rng = SplitMix64(seed: 0x5EA4C4 &+ UInt64(start))
        return (start..<(start + count)).map { i in
            let number = "SRCH-2026-\(String(format: "%07d", i + 1))"
            let (essence, typed) = vocabulary.essence(&rng)
            let (surname, given) = vocabulary.name(&rng)
            // The stems as SearchText.indexed makes them, each distinct word stemmed once (a word's stems do
            // not depend on its neighbours); the first appeals are checked against SearchText.indexed itself.
            let stems = ([SearchText.indexed([number])] + ([surname, given] + typed).map { vocabulary.stems($0) })
                .filter { !$0.isEmpty }.joined(separator: " ")
            let entry = SearchIndexEntry(appealID: UUID(), bodyID: bodyID, stems: stems, essence: essence)
            if i < 200 {
                precondition(entry == SearchIndexEntry(appealID: entry.appealID, bodyID: bodyID, fields: [number, surname, given], essence: essence),
                             "the bench's stems differ from SearchText.indexed")
            }
            return BenchAppeal(index: i, number: number, day: CivilDateText.day(i, of: total), applicant: surname + " " + given,
                               subject: WorklistRow.subject(of: essence), entry: entry)
        }
    }
}

/// The registration day of the i-th of n appeals: spread over 2026 in order (newest last).
enum CivilDateText {
    static func day(_ i: Int, of n: Int) -> String {
        let d = 1 + (i * 330) / max(1, n)
        let month = min(12, 1 + d / 28), day = 1 + d % 28
        return String(format: "2026-%02d-%02d", month, day)
    }
}

/// A few hundred Kazakh and Russian words of appeals, most frequent first (Zipf-like: rank r drawn with
/// weight 1/r), and the ways people type them.
struct BenchVocabulary {
    let words: [String]
    let cumulative: [Double]
    let kazakhWords: Set<String>
    /// The stems of every way a word can be typed here (`typed`) and of every name, made once.
    let stemsOf: [String: String]

    static let kazakh = """
        жер учаске өтініш әкімдік тұрғын үй құжат шешім мекенжай қала аудан ауыл көше жол су жарық газ жылу мектеп балабақша аурухана \
        дәрігер емхана зейнетақы жәрдемақы төлем салық қарыз несие банк жұмыс жалақы кәсіпорын шаруа қожалық мал егін тұқым трактор \
        көлік аялдама автобус жөндеу құрылыс рұқсат лицензия тіркеу анықтама куәлік паспорт неке ажырасу бала ата ана отбасы мүгедек \
        ардагер соғыс еңбек демалыс оқу университет колледж стипендия кітапхана мәдениет спорт алаң саябақ ағаш қоқыс тазалық \
        экология ауа шу ит мысық көрші дау сот полиция прокуратура шағым ұсыныс сұрау жауап мерзім кезек әкім депутат кеңес \
        тексеру айыппұл сату сатып алу жалға беру бағалау кадастр шекара иелік меншік мұра өсиет нотариус сенімхат аударма тіл \
        қазақ орыс мемлекеттік қызмет портал электрондық цифрлық интернет байланыс телефон пошта хат мәлімдеме арыз талап \
        өтемақы зиян апат өрт су тасқыны жер сілкінісі төтенше жағдай көмек қайырымдылық азық түлік баға тариф есептегіш
        """
    static let russian = """
        заявление участок земельный жилье квартира дом документ решение адрес город район село улица дорога вода свет газ \
        отопление школа детсад больница врач поликлиника пенсия пособие оплата налог долг кредит банк работа зарплата \
        предприятие фермер скот урожай семена транспорт остановка автобус ремонт строительство разрешение лицензия регистрация \
        справка удостоверение паспорт брак развод ребенок семья инвалид ветеран отпуск учеба стипендия библиотека культура \
        спорт площадка парк дерево мусор уборка экология воздух шум собака сосед спор суд полиция прокуратура жалоба \
        предложение запрос ответ срок очередь аким депутат проверка штраф продажа покупка аренда оценка кадастр граница \
        собственность наследство завещание нотариус доверенность перевод язык государственный услуга портал электронный \
        связь телефон почта письмо требование компенсация ущерб авария пожар наводнение помощь продукты цена тариф счетчик \
        подъезд крыша лифт канализация освещение тротуар светофор парковка гараж дача теплица ёлка приём выдача отказ \
        нарушение бездействие должностной лицо исполнитель рассмотрение продление
        """

    init() {
        var seen = Set<String>()
        var list: [String] = []
        // Interleaved so that both languages have common words.
        let k = Self.kazakh.split(whereSeparator: \.isWhitespace).map(String.init)
        let r = Self.russian.split(whereSeparator: \.isWhitespace).map(String.init)
        for i in 0..<max(k.count, r.count) {
            for w in [i < k.count ? k[i] : nil, i < r.count ? r[i] : nil].compactMap({ $0 }) where seen.insert(w).inserted { list.append(w) }
        }
        words = list
        kazakhWords = Set(k)
        var sum = 0.0
        cumulative = (1...list.count).map { r in sum += 1 / Double(r); return sum }
        var forms = Set(Self.surnames + Self.givenNames)
        for w in list {
            for e in kazakhWords.contains(w) ? Self.kazakhEndings : Self.russianEndings {
                let plain = w + e
                for f in [plain, String(plain.flatMap { Self.lookalike[$0] ?? String($0) }), String(plain.flatMap { Self.latin[$0] ?? String($0) })] {
                    forms.insert(f)
                    forms.insert(f.prefix(1).uppercased() + f.dropFirst())
                }
            }
        }
        stemsOf = Dictionary(uniqueKeysWithValues: forms.map { ($0, SearchText.indexed([$0])) })
    }

    func stems(_ typed: String) -> String { stemsOf[typed] ?? SearchText.indexed([typed]) }

    func draw(_ rng: inout SplitMix64) -> String {
        let x = Double(rng.next() % 1_000_000) / 1_000_000 * cumulative.last!
        var lo = 0, hi = cumulative.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < x { lo = mid + 1 } else { hi = mid } }
        return words[lo]
    }

    func common(_ rng: inout SplitMix64) -> String { words[Int(rng.next() % 20)] }
    func rare(_ rng: inout SplitMix64) -> String { words[150 + Int(rng.next() % UInt64(words.count - 150))] }

    static let kazakhEndings = ["", "", "", "ы", "ін", "ға", "ге", "дан", "ден", "тың", "лар", "лері", "мен", "да", "ды"]
    static let russianEndings = ["", "", "", "а", "у", "ом", "е", "ы", "ой", "ого"]
    static let lookalike: [Character: String] = ["ә": "а", "і": "и", "ң": "н", "ғ": "г", "қ": "к", "ө": "о", "ұ": "у", "ү": "у", "һ": "х"]
    static let latin: [Character: String] = [
        "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "i",
        "і": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya",
    ]

    /// A word as someone types it: inflected now and then; Kazakh in its letters, in Russian look-alikes or in Latin.
    func typed(_ word: String, _ rng: inout SplitMix64) -> String {
        let kazakh = kazakhWords.contains(word)
        let endings = kazakh ? Self.kazakhEndings : Self.russianEndings
        var w = word + endings[Int(rng.next() % UInt64(endings.count))]
        let how = rng.next() % 10
        if kazakh && how < 3 { w = String(w.flatMap { Self.lookalike[$0] ?? String($0) }) }
        else if how == 9 { w = String(w.flatMap { Self.latin[$0] ?? String($0) }) }
        if rng.next() % 8 == 0 { w = w.prefix(1).uppercased() + w.dropFirst() }
        return w
    }

    /// An essence and the words typed in it (without their punctuation).
    func essence(_ rng: inout SplitMix64) -> (String, [String]) {
        let n = 15 + Int(rng.next() % 40)
        var words: [String] = [], out: [String] = []
        for i in 0..<n {
            words.append(typed(draw(&rng), &rng))
            out.append(words[i] + (i % 9 == 8 ? "," : ""))
        }
        return (out.joined(separator: " ") + ".", words)
    }

    static let surnames = ["Нұрланов", "Серікова", "Ахметов", "Қасымова", "Омаров", "Жұмабаев", "Ким", "Иванов", "Петрова", "Сейітқали",
                           "Төлеуов", "Әбдірахманова", "Байтұрсынов", "Смагулов", "Есенова", "Мұқанов", "Кузнецов", "Оспанова"]
    static let givenNames = ["Ержан", "Айгерім", "Арман", "Дана", "Бақыт", "Сергей", "Елена", "Нұржан", "Әлия", "Дәулет", "Мария",
                             "Асқар", "Гүлнар", "Тимур", "Жанар", "Ольга", "Ерлан", "Сәуле"]

    func name(_ rng: inout SplitMix64) -> (String, String) {
        (Self.surnames[Int(rng.next() % UInt64(Self.surnames.count))], Self.givenNames[Int(rng.next() % UInt64(Self.givenNames.count))])
    }
}
