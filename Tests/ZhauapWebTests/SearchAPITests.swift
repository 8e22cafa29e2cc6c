import Fluent
import FluentSQL
import Foundation
import NIOFoundationEssentialsCompat
import Testing
import VaporTesting
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// The full-text search through HTTP, on every test database.
@Suite("API: full-text search")
struct SearchAPITests {
    struct Hits: Decodable {
        struct Hit: Decodable {
            var id: UUID
            var number: String
            var state: String
            var applicant: String?
            var snippet: String
            var rank: Double
        }
        var items: [Hit]
    }

    struct Problem: Decodable { var code: String; var status: Int }

    /// Registers an appeal through the API and returns its id and number.
    @discardableResult
    static func register(_ app: Application, _ w: World, essence: String, surname: String? = nil, as who: String = "registrar") async throws -> (UUID, String) {
        var applicant: [String: Any] = ["kind": "individual"]
        if let surname { applicant["surname"] = surname; applicant["givenName"] = "Ержан" }
        let json = try JSONSerialization.data(withJSONObject: ["channel": "paper", "essence": essence, "signaturePresent": true, "applicant": applicant])
        var headers = w.auth(who)
        headers.contentType = .json
        var out: (UUID, String)? = nil
        try await app.testing().test(.POST, "api/v1/appeals", headers: headers, body: ByteBuffer(data: json)) { res async throws in
            #expect(res.status == .created, "registration: \(res.body.string)")
            struct Reply: Decodable { struct A: Decodable { var id: UUID }; struct C: Decodable { var number: String }; var appeal: A; var coupon: C }
            let r = try JSONDecoder().decode(Reply.self, from: Data(buffer: res.body))
            out = (r.appeal.id, r.coupon.number)
        }
        return try #require(out)
    }

    static func get(_ app: Application, _ w: World, _ query: String, as who: String = "head") async throws -> (HTTPStatus, Data) {
        var out: (HTTPStatus, Data) = (.internalServerError, Data())
        try await app.testing().test(.GET, "api/v1/search?" + query, headers: w.auth(who)) { res async throws in
            out = (res.status, Data(buffer: res.body))
        }
        return out
    }

    static func search(_ app: Application, _ w: World, _ q: String, _ extra: String = "", as who: String = "head") async throws -> [Hits.Hit] {
        let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q
        let (status, data) = try await get(app, w, "q=" + encoded + extra, as: who)
        #expect(status == .ok, "search «\(q)»: \(String(decoding: data, as: UTF8.self))")
        guard status == .ok else { return [] }
        return try JSONDecoder().decode(Hits.self, from: data).items
    }

    @Test("Search: every typing habit finds the appeal — Russian look-alikes, Latin, Kazakh and Russian inflections both ways, ё/е, mixed text, name, number",
          arguments: TestDatabases.all)
    func typingHabits(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let (land, landNumber) = try await Self.register(app, w, essence: "Жер учаскесін беруіңізді сұраймын, мектепке жақын", surname: "Нұрланов")
            let (neighbours, _) = try await Self.register(app, w, essence: "Жалоба на шум от соседей по подъезду")
            let (tree, _) = try await Self.register(app, w, essence: "Ёлка во дворе упала на машину")
            let (mixed, _) = try await Self.register(app, w, essence: "Құрметті әкім! Прошу отремонтировать жолды возле школы")
            let cases: [(String, UUID, String)] = [
                ("жер учаскеси", land, "Kazakh typed with Russian look-alike letters (і as и)"),
                ("жер учаскесі", land, "Kazakh as written"),
                ("jer uchaskesi", land, "Latin"),
                ("zher uchaskesi", land, "Latin with zh"),
                ("учаскелері", land, "Kazakh: another ending of the same stem (plural + possessive)"),
                ("мектебі", land, "Kazakh: the voiced consonant put back (мектепке / мектебі)"),
                ("жалобы соседи", neighbours, "Russian: other endings than in the text"),
                ("жалоба соседей", neighbours, "Russian: the text's own forms"),
                ("елка", tree, "ё typed as е"),
                ("ёлку", tree, "ё and another ending"),
                ("школа жол", mixed, "a mixed Kazakh–Russian text, a word of each"),
                ("нурланов", land, "the applicant's surname without Kazakh letters"),
                (landNumber, land, "the registration number"),
            ]
            for (q, expected, habit) in cases {
                let hits = try await Self.search(app, w, q)
                #expect(hits.map(\.id).contains(expected), "\(habit): «\(q)» found \(hits.map(\.number))")
            }
            // Every word must be found: a word of another appeal narrows to nothing.
            #expect(try await Self.search(app, w, "жер соседей").isEmpty, "every word must match (AND)")
        }
    }

    @Test("Search precision: a short word does not match inside a longer one («су» never finds «суд»); an unrelated appeal is not returned",
          arguments: TestDatabases.all)
    func precision(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let (water, _) = try await Self.register(app, w, essence: "Су құбыры бұзылды")
            let (court, _) = try await Self.register(app, w, essence: "Подаю иск в суд о взыскании")
            let (unrelated, _) = try await Self.register(app, w, essence: "Прошу выдать справку о составе семьи")
            let su = try await Self.search(app, w, "су").map(\.id)
            #expect(su.contains(water) && !su.contains(court), "«су»: \(su)")
            let sud = try await Self.search(app, w, "суд").map(\.id)
            #expect(sud == [court], "«суд»: \(sud)")
            let pipe = try await Self.search(app, w, "құбыр").map(\.id)
            #expect(pipe == [water] && !pipe.contains(unrelated))
            #expect(try await Self.search(app, w, "паспорт").isEmpty, "a word no appeal holds finds nothing")
        }
    }

    @Test("Search ranks a better match first (the word more often, in a row of the same length), the newest first among equals",
          arguments: TestDatabases.all)
    func ranking(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            var ids: [UUID] = []
            // Registered in this order: the second and third say the same, the third is the newer.
            for essence in ["Жарық жоқ, жарық сөнді, жарық керек", "Жарық жоқ, су сөнді, газ керек", "Жарық жоқ, су сөнді, газ керек"] {
                ids.append(try await Self.register(app, w, essence: essence).0)
            }
            let (often, older, newer) = (ids[0], ids[1], ids[2])
            let hits = try await Self.search(app, w, "жарық")
            #expect(hits.map(\.id) == [often, newer, older], "better match first, then newest: \(hits.map(\.number))")
            #expect(hits.count == 3 && hits[0].rank > hits[1].rank && hits[1].rank == hits[2].rank, "\(hits.map(\.rank))")
            let two = try await Self.search(app, w, "жарық газ").map(\.id)
            #expect(two == [newer, older], "both words: \(two)")
        }
    }

    @Test("Migration 0019 converts an index written before it: the appeals are found and ranked again, and new ones after them",
          arguments: TestDatabases.all)
    func reshapeMigration(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            var ids: [UUID] = []
            for essence in ["Жарық жоқ, жарық сөнді", "Жарық жоқ, көшеде қараңғы"] { ids.append(try await Self.register(app, w, essence: essence).0) }
            let (first, second) = (ids[0], ids[1])
            let reshape = try #require(ZhauapMigrations.all.first { $0.name == "0019-reshape-search-index" })
            // Both on one connection, as the migrator runs a migration.
            try await app.db.transaction { tx in
                try await reshape.revert(on: tx).get()
                try await reshape.prepare(on: tx).get()
            }
            let hits = try await Self.search(app, w, "жарық")
            #expect(hits.map(\.id) == [first, second] && hits[0].rank > hits[1].rank, "\(hits.map(\.number)) \(hits.map(\.rank))")
            let (third, _) = try await Self.register(app, w, essence: "Жарық жоқ, көшеде қараңғы")
            #expect(try await Self.search(app, w, "көшеде").map(\.id) == [third, second], "a new appeal is the newest")
        }
    }

    @Test("Search never returns another body's appeals (two bodies in one installation)", arguments: TestDatabases.all)
    func otherBody(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let (mine, _) = try await Self.register(app, w, essence: "Жер учаскесі туралы")
            let (theirs, _) = try await Self.register(app, w, essence: "Жер учаскесі туралы", as: "outsider")
            let a = try await Self.search(app, w, "жер учаскесі").map(\.id)
            let b = try await Self.search(app, w, "жер учаскесі", as: "outsider").map(\.id)
            #expect(a == [mine] && b == [theirs], "body A \(a), body B \(b)")
        }
    }

    @Test("Search results combine with the worklist's filters (state, mine, executor)", arguments: TestDatabases.all)
    func filters(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let (id, _) = try await Self.register(app, w, essence: "Жарық жоқ, көшеде қараңғы")
            #expect(try await Self.search(app, w, "жарық", "&state=registered").map(\.id) == [id])
            #expect(try await Self.search(app, w, "жарық", "&state=answered").isEmpty, "another state")
            #expect(try await Self.search(app, w, "жарық", "&mine=true", as: "executor").isEmpty, "not assigned to this executor")
            #expect(try await Self.search(app, w, "жарық", "&unassigned=true").map(\.id) == [id])
            #expect(try await Self.search(app, w, "жарық", "&executor=\(w.executor.userID)").isEmpty)
            #expect(try await Self.search(app, w, "жарық", "&overdue=true").isEmpty, "nothing overdue yet")
            let (status, data) = try await Self.get(app, w, "q=x&state=lost")
            #expect(status == .badRequest, "the worklist's own checks: \(String(decoding: data, as: UTF8.self))")
        }
    }

    @Test("Search snippets: matched words in <mark>, everything else escaped (an essence with <script> comes out inert)", arguments: TestDatabases.all)
    func snippetEscaping(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            _ = try await Self.register(app, w, essence: "<script>alert(1)</script> Жер учаскесі & \"тағы\" 'басқа'")
            let hit = try #require(try await Self.search(app, w, "жер").first)
            #expect(hit.snippet.contains("<mark>Жер</mark>"), "\(hit.snippet)")
            #expect(!hit.snippet.contains("<script>") && hit.snippet.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(hit.snippet)")
            #expect(hit.snippet.contains("&amp; &quot;тағы&quot; &#39;басқа&#39;"), "\(hit.snippet)")
            #expect(hit.rank > 0)
        }
    }

    @Test("Search: blank q is 400 query_missing, over 200 characters 422 query_too_long, without a token 401", arguments: TestDatabases.all)
    func errors(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            for (query, status, code) in [("", HTTPStatus.badRequest, "query_missing"), ("q=", .badRequest, "query_missing"),
                                          ("q=%20%20%09", .badRequest, "query_missing"),
                                          ("q=" + String(repeating: "ж", count: 201), .unprocessableEntity, "query_too_long")] {
                let (s, data) = try await Self.get(app, w, query)
                let problem = try? JSONDecoder().decode(Problem.self, from: data)
                #expect(s == status && problem?.code == code, "\(query.prefix(20)): \(s) \(String(decoding: data, as: UTF8.self))")
            }
            #expect(try await Self.search(app, w, String(repeating: "ж", count: 200)).isEmpty, "200 characters are taken")
            try await app.testing().test(.GET, "api/v1/search?q=жер") { res async throws in #expect(res.status == .unauthorized) }
        }
    }

    @Test("The index is written in the appeal's own transaction: a changed essence is found by its new words, a rolled-back change leaves the index as it was",
          arguments: TestDatabases.all)
    func sameTransaction(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let (id, _) = try await Self.register(app, w, essence: "Газ құбыры")
            let store = FluentAppealStore(database: app.db)
            let (stored, length) = try #require(try await store.appeal(id, bodyID: w.bodyA.id))
            var edited = stored
            edited.essence = "Жылу берілмейді"
            let changed = edited
            struct Abandon: Error {}
            await #expect(throws: Abandon.self) {
                try await app.db.transaction { tx in
                    try await FluentAppealStore(database: tx).update(changed, events: [], actor: w.head, recordedAt: app.now, expectedTrailLength: length)
                    throw Abandon()
                }
            }
            #expect(try await Self.search(app, w, "газ").map(\.id) == [id], "rolled back: the old words still find it")
            #expect(try await Self.search(app, w, "жылу").isEmpty, "rolled back: the new words do not")
            try await app.db.transaction { tx in
                try await FluentAppealStore(database: tx).update(changed, events: [], actor: w.head, recordedAt: app.now, expectedTrailLength: length)
            }
            #expect(try await Self.search(app, w, "жылу").map(\.id) == [id], "committed: found by the new essence")
            #expect(try await Self.search(app, w, "газ").isEmpty, "committed: the old words are gone")
            // A registration rolled back after its index row was written leaves no index row behind.
            let sql = try #require(app.db as? any SQLDatabase)
            let before = try await sql.raw("SELECT COUNT(*) AS n FROM appeal_search").first()?.decode(column: "n", as: Int.self)
            var another = stored
            another.id = UUID()
            another.registration.number = "AKM-2026-99999"
            another.registration.sequence = 99_999
            another.essence = "Қоқыс шығарылмайды"
            let copy = another
            await #expect(throws: (any Error).self) {
                try await app.db.transaction { tx in
                    try await FluentAppealStore(database: tx).insert(copy, events: [], actor: w.head, recordedAt: app.now)
                    throw Abandon()
                }
            }
            let after = try await sql.raw("SELECT COUNT(*) AS n FROM appeal_search").first()?.decode(column: "n", as: Int.self)
            #expect(before == after && before == 1)
            #expect(try await Self.search(app, w, "қоқыс").isEmpty)
        }
    }
}

@Suite("Pages: the desk's search box")
struct DeskSearchTests {
    @Test("The desk's search box shows the hits with their snippets (marks rendered, the rest escaped), keeps the filters, refuses an over-long query",
          arguments: TestDatabases.all)
    func deskSearch(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let store = FluentOrganisationStore(database: app.db)
            let body = AdministrativeBody(code: "WEB", nameKk: "Веб әкімдігі", nameRu: "Веб-акимат")
            try await store.add(body)
            let id = try await PagesTests.person(app, body: body.id, login: "all", name: "Бәрін істейтін", position: "басшы", roles: [.head, .registrar, .executor])
            let me = Actor(userID: id, bodyID: body.id, name: "Бәрін істейтін", position: "басшы", roles: [.head, .registrar, .executor])
            let service = app.appealService
            for essence in ["<b>Жер</b> учаскесін беруіңізді сұраймын", "Жалоба на шум от соседей"] {
                _ = try await service.register(Procedure.Draft(channel: .paper, receivedAt: service.now(), applicant: Applicant(surname: "Нұрланов"),
                                                               essence: essence, signaturePresent: true), actor: me, idempotencyKey: nil)
            }
            let b = PagesTests.Browser()
            try await b.signIn(app, "all")
            let (s0, plain, _) = try await b.get(app, "/desk")
            #expect(s0 == .ok && plain.contains(#"<form method="get" action="/desk" class="search" role="search">"#) && plain.contains("Өтініштерден іздеу"))
            let (s, page, _) = try await b.get(app, "/desk?scope=all&state=any&q=jer%20uchaskesi")
            #expect(s == .ok && page.contains("Іздеу нәтижелері"))
            #expect(page.contains("&lt;b&gt;<mark>Жер</mark>&lt;/b&gt; <mark>учаскесін</mark>"), "the snippet, marks rendered and the rest escaped")
            #expect(!page.contains("<b>Жер</b>") && !page.contains("шум от соседей"), "only the hit, escaped")
            #expect(page.contains(#"<input type="hidden" name="state" value="any">"#) && page.contains(#"value="jer uchaskesi""#),
                    "the search form keeps the filters and the words")
            let (_, ru, _) = try await b.get(app, "/desk?q=%D1%81%D0%BE%D1%81%D0%B5%D0%B4%D0%B8&lang=ru")
            #expect(ru.contains("Результаты поиска") && ru.contains("<mark>соседей</mark>"))
            let (_, none, _) = try await b.get(app, "/desk?q=paspor&lang=kk")
            #expect(none.contains("Ештеңе табылмады"))
            let (_, long, _) = try await b.get(app, "/desk?q=" + String(repeating: "a", count: 201))
            #expect(long.contains("Іздеу мәтіні тым ұзын"))
        }
    }
}
