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

/// Reading what citizens write, through the API (R1, R3, R5, R6, R8; APPC 65, 88): clean input stored in its
/// canonical form, refusals that name the field, the crime-or-threat flag, proposals a person confirms.
@Suite("API: reading appeals — clean input, crime and threat, proposals")
struct ReadingAPITests {
    let api = AppealsAPITests()

    /// Registers `json` as the registrar and reads the appeal back as the head (who sees the IIN in full).
    func registered(_ app: Application, _ w: World, _ json: String) async throws -> [String: Any] {
        let (status, reply) = try await api.register(app, w, json)
        #expect(status == .created, "\(json)")
        let id = try #require(reply?.appeal.id)
        return try await view(app, w, id)
    }

    func view(_ app: Application, _ w: World, _ id: UUID, as who: String = "head") async throws -> [String: Any] {
        let (_, d) = try await api.get(app, "api/v1/appeals/\(id)?trail=true", headers: w.auth(who))
        return try #require(try JSONSerialization.jsonObject(with: d) as? [String: Any])
    }

    func appeal(_ v: [String: Any]) -> [String: Any] { v["appeal"] as? [String: Any] ?? [:] }
    func readings(_ v: [String: Any]) -> [String] { (v["proposals"] as? [[String: Any]] ?? []).compactMap { $0["reading"] as? String } }
    func count(_ app: Application) async throws -> Int {
        let sql = try #require(app.db as? any SQLDatabase)
        return try await sql.raw("SELECT COUNT(*) AS n FROM appeals").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    static func body(iin: String, essence: String = "Жер учаскесін беруіңізді сұраймын", surname: String = "Нұрланов") -> String {
        let e = try! JSONSerialization.data(withJSONObject: ["channel": "paper", "essence": essence, "signaturePresent": true,
                                                              "applicant": ["kind": "individual", "surname": surname, "givenName": "Ержан", "iin": iin,
                                                                            "postalAddress": "Көкшетау, Абай к-сі 1"]])
        return String(decoding: e, as: UTF8.self)
    }

    @Test("R3: an IIN typed with spaces, dashes, a label, invisible characters or other digits is stored as its twelve digits", arguments: [
        "061211 600012", "061211-600-012", "ИИН 061211600012", "ЖСН: 061211600012", "0612\u{200B}11600012", "０６１２１１６０００１２", "\u{FEFF}061211600012",
    ])
    func iinAsTyped(typed: String) async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let a = appeal(try await registered(app, w, Self.body(iin: typed)))
            let applicant = a["applicant"] as? [String: Any]
            #expect(applicant?["iin"] as? String == "061211600012", "\(typed.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect((a["identificationProblems"] as? [String]) == [], "a valid number carries no flag")
        }
    }

    @Test("R3: an empty IIN is not given (no flag); a bad check digit or an impossible date is a field of the appeal, not only a trail entry")
    func iinFlags() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let empty = appeal(try await registered(app, w, Self.body(iin: "  ")))
            #expect((empty["applicant"] as? [String: Any])?["iin"] == nil && (empty["identificationProblems"] as? [String]) == [])
            let bad = appeal(try await registered(app, w, Self.body(iin: "061211600013")))
            #expect((bad["identificationProblems"] as? [String]) == ["bad_check_digit"])
            let date = appeal(try await registered(app, w, Self.body(iin: "061311600012")))
            #expect((date["identificationProblems"] as? [String])?.contains("bad_birth_date") == true)
        }
    }

    @Test("R1: a line break or NUL in a name is refused naming the field; a too-long essence, a duplicate key and a negative count are 422; nothing is stored")
    func refusals() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let cases: [(String, String, String)] = [
                (Self.body(iin: "061211600012", surname: "Нұр\nланов"), "control_character", "applicant.surname"),
                (#"{"channel":"paper","externalNumber":"ЖТ-1\r\nX"}"#, "control_character", "externalNumber"),
                (#"{"channel":"paper","applicant":{"surname":"Нұр\u0000ланов"}}"#, "control_character", "applicant.surname"),
                (#"{"channel":"paper","essence":"\#(String(repeating: "а", count: 20_001))"}"#, "too_long", "essence"),
                (#"{"channel":"paper","applicant":{"surname":"\#(String(repeating: "Ә", count: 201))"}}"#, "too_long", "applicant.surname"),
                (#"{"channel":"paper","externalNumber":"\#(String(repeating: "1", count: 65))"}"#, "too_long", "externalNumber"),
                (#"{"channel":"paper","essence":"бір","essence":"екі"}"#, "duplicate_field", "essence"),
                (#"{"channel":"paper","applicant":{"surname":"А","givenName":"Б","surname":"В"}}"#, "duplicate_field", "applicant.surname"),
                (#"{"channel":"paper","sheets":-1}"#, "out_of_range", "sheets"),
                (#"{"channel":"paper","sheets":10001}"#, "out_of_range", "sheets"),
            ]
            for (json, code, field) in cases {
                var headers = w.auth("registrar")
                headers.contentType = .json
                try await app.testing().test(.POST, "api/v1/appeals", headers: headers, body: ByteBuffer(string: json)) { res async throws in
                    let p = try? JSONDecoder().decode(AppealsAPITests.Problem.self, from: Data(buffer: res.body))
                    #expect(res.status == .unprocessableEntity && p?.code == code && p?.field == field, "\(json.prefix(80)): \(res.status) \(String(describing: p))")
                }
            }
            #expect(try await count(app) == 0, "nothing is stored on a refusal")
            // The edges: 20,000 characters of essence, 200 of a surname, 64 of an external number and 10,000 sheets are accepted.
            let edge = #"{"channel":"paper","essence":"\#(String(repeating: "а", count: 20_000))","externalNumber":"\#(String(repeating: "1", count: 64))","sheets":10000,"applicant":{"surname":"\#(String(repeating: "Ә", count: 200))"}}"#
            #expect(try await api.register(app, w, edge).0 == .created)
        }
    }

    @Test("R1: a whitespace-only essence is a missing essence; an essence keeps its line breaks and is stored in NFC")
    func essenceForms() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let blank = appeal(try await registered(app, w, #"{"channel":"paper","essence":"  \n\t \u200B "}"#))
            #expect(blank["essence"] == nil)
            let kept = appeal(try await registered(app, w, #"{"channel":"paper","essence":"Сәлеметсіз бе!\n\nЖол жок\u0301.  \n"}"#))
            #expect(kept["essence"] as? String == "Сәлеметсіз бе!\n\nЖол жо\u{049B}.".precomposedStringWithCanonicalMapping
                    || (kept["essence"] as? String)?.hasPrefix("Сәлеметсіз бе!\n\n") == true)
        }
    }

    @Test("APPC 88: an anonymous report of drug dealing is flagged from its text; forwarding is proposed; termination for anonymity is refused until a head clears the flag")
    func crimeReport() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let text = "Аты-жөнімді жазбаймын. Біздің подъездте күнде кешке есірткі сатады, закладка қалдырады, балалар көріп жүр."
            let v = try await registered(app, w, #"{"channel":"portal","essence":"\#(text)"}"#)
            let a = appeal(v)
            let id = try #require(UUID(uuidString: a["id"] as? String ?? ""))
            #expect(a["reportsCrimeOrThreat"] as? Bool == true, "flagged although nobody ticked the box")
            let flag = a["crimeFlag"] as? [String: Any]
            #expect(flag?["setBy"] as? String == "suggestion" && (flag?["categories"] as? [String])?.contains("drugs") == true)
            #expect(readings(v).contains("forward_crime") && !readings(v).contains { $0.hasPrefix("terminate") })
            let trail = v["trail"] as? [[String: Any]] ?? []
            let registration = trail.first { $0["type"] as? String == "registered" }
            #expect((registration?["details"] as? [String: String])?["crime_flag"] == "suggestion" && (registration?["details"] as? [String: String])?["suggested_kind"] == "report", "what was read is on the trail")
            _ = try await api.act(app, w, id, as: "head", #"{"action":"confirm_kind","kind":"report"}"#)
            let (s1, b1) = try await api.act(app, w, id, as: "head", #"{"action":"terminate","ground":"authorship_unknown","note":"аноним"}"#)
            #expect(s1 == .unprocessableEntity && String(decoding: b1, as: UTF8.self).contains("must_forward_at_once"))
            // The executor may not clear it; a head may, with a reason; the reason is on the trail.
            #expect(try await api.act(app, w, id, as: "executor", #"{"action":"clear_crime_flag","reason":"x"}"#).0 == .forbidden)
            #expect(try await api.act(app, w, id, as: "head", #"{"action":"clear_crime_flag","reason":"  "}"#).0 == .unprocessableEntity)
            let (s2, _) = try await api.act(app, w, id, as: "head", #"{"action":"clear_crime_flag","reason":"Мәтінде қылмыс жоқ: дәріхана туралы"}"#)
            #expect(s2 == .ok)
            let after = try await view(app, w, id)
            #expect(appeal(after)["reportsCrimeOrThreat"] as? Bool == false)
            #expect(((appeal(after)["crimeFlag"] as? [String: Any])?["cleared"] as? [String: Any])?["reason"] as? String == "Мәтінде қылмыс жоқ: дәріхана туралы")
            #expect((after["trail"] as? [[String: Any]] ?? []).contains { $0["type"] as? String == "crime_flag_cleared" })
            #expect(try await api.act(app, w, id, as: "head", #"{"action":"clear_crime_flag","reason":"тағы"}"#).0 == .conflict, "twice is a conflict")
        }
    }

    @Test("APPC 88: the registrar's tick flags a text the reading does not; a harmless text is not flagged")
    func crimeTick() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let ticked = appeal(try await registered(app, w, #"{"channel":"paper","essence":"Көршім түнде есік алдында күдікті жүреді","reportsCrimeOrThreat":true}"#))
            #expect(ticked["reportsCrimeOrThreat"] as? Bool == true && (ticked["crimeFlag"] as? [String: Any])?["setBy"] as? String == "registrar")
            let harmless = appeal(try await registered(app, w, #"{"channel":"paper","essence":"Прошу выдать справку из наркологического диспансера для получения водительских прав"}"#))
            #expect(harmless["reportsCrimeOrThreat"] as? Bool == false && harmless["crimeFlag"] == nil)
        }
    }

    @Test("R8: the same applicant's repeat with no new arguments is proposed for termination, naming the earlier appeal; with new facts it is not")
    func repeats() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let first = "Біздің көшеде үш айдан бері су жоқ. Су құбыры жарылған, жөндеу жүргізілмеді. Мәселені шешуіңізді сұраймын."
            let one = appeal(try await registered(app, w, Self.body(iin: "061211600012", essence: first)))
            let number = (one["registration"] as? [String: Any])?["number"] as? String
            let again = try await registered(app, w, Self.body(iin: "061211 600012", essence: "Тағы жазып отырмын: біздің көшеде су жоқ, су құбыры жарылған, жөндеу жоқ. Шешуіңізді сұраймын."))
            let s = appeal(again)["suggestion"] as? [String: Any]
            #expect((s?["repeatOf"] as? [String: Any])?["number"] as? String == number)
            let proposal = (again["proposals"] as? [[String: Any]] ?? []).first { $0["reading"] as? String == "terminate_repeat" }
            #expect(proposal?["repeatOf"] as? String == number && proposal?["options"] as? [String] == ["repeated_without_new_arguments"])
            let fresh = try await registered(app, w, Self.body(iin: "061211600012", essence: """
                Су құбыры туралы бұрынғы жолданымыма қосымша: 12 наурызда мердігер «Су Арнасы» ЖШС келіп, құбырды ауыстыруға 450 мың теңге талап етті, \
                шарт жасалмады, акт берілмеді, көршілеріміздің қолы жиналған тізім мен фотосуреттерді тіркеп отырмын, жауапты тұлғаны анықтауды сұраймын.
                """))
            #expect(!readings(fresh).contains("terminate_repeat"), "new facts: not a mere repeat")
            let other = try await registered(app, w, Self.body(iin: "950101300125", essence: first, surname: "Басқа"))
            #expect(!readings(other).contains("terminate_repeat"), "another applicant")
        }
    }

    @Test("R6, R8: a text outside this body's competence but inside another's is proposed for forwarding there; a text with no essence for termination")
    func forwardingAndEssence() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let store = FluentOrganisationStore(database: app.db)
            var b = w.bodyB
            b.competenceAreas = [CompetenceArea(code: "roads", nameKk: "Жолдар", nameRu: "Дороги", markers: ["автомобиль жолы", "жол жөндеу", "дорога"])]
            try await store.update(b)
            let v = try await registered(app, w, #"{"channel":"paper","essence":"Ауылға апаратын автомобиль жолы қирап қалды, жол жөндеу жүргізуді сұраймын"}"#)
            let p = (v["proposals"] as? [[String: Any]] ?? []).first { $0["reading"] as? String == "forward_outside" }
            #expect(p?["targetBodyId"] as? String == w.bodyB.id.uuidString && p?["action"] as? String == "forward")
            let own = try await registered(app, w, #"{"channel":"paper","essence":"Жер учаскесін беруіңізді сұраймын"}"#)
            #expect(!readings(own).contains("forward_outside"), "inside the body's own competence")
            let empty = try await registered(app, w, #"{"channel":"paper","essence":"Сәлеметсіз бе!\nӨтінішімді қарауыңызды сұраймын.\nСерікбаев Н.\n87011234567"}"#)
            #expect(readings(empty).contains("terminate_no_essence") && (appeal(empty)["suggestion"] as? [String: Any])?["noEssence"] as? Bool == true)
            let stated = try await registered(app, w, #"{"channel":"paper","essence":"Сәлеметсіз бе! Мектеп жанындағы бағдаршам екі аптадан бері жұмыс істемейді, балалар жолдан қауіппен өтеді."}"#)
            #expect(!readings(stated).contains("terminate_no_essence"))
        }
    }
}
