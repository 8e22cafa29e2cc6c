import Foundation
import Testing
import VaporTesting
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// Finding the law through the API and the pages (R24–R29), on SQLite and PostgreSQL: an executor finds the
/// norms, applies one, answers its checklist with the case's facts; the registry changes under the case.
@Suite("Law: the finder and the checklist through the API and the pages")
struct LawAPITests {
    struct LawView: Decodable {
        struct Norm: Decodable { var id: String; var rank: Int; var status: String; var matched: [MatchedWord]; var inForce: Bool }
        struct Conflict: Decodable { var first: Norm; var second: Norm; var verdict: String; var prevailing: String?; var detailed: String? }
        struct Item: Decodable { var number: Int; var answer: String?; var facts: [Int]; var status: String; var explainKk: String? }
        struct Applied: Decodable {
            var norm: String; var registryNow: String; var registryChangedOn: String?; var preconditions: [Item]; var outcome: String
            var versionFrom: String; var relevantOn: String; var purposes: [String]
        }
        struct Missing: Decodable { var code: String; var norm: String?; var number: Int? }
        struct Proposal: Decodable { var code: String; var norms: [String]; var notMet: [String: [Int]]; var missing: [Missing] }
        var picked: [String]; var markers: [String]; var candidates: [Norm]; var conflicts: [Conflict]; var applied: [Applied]; var proposal: Proposal
    }

    let api = AppealsAPITests()
    static let land = #"{"channel":"paper","receivedAt":"2024-01-25T10:00:00+06:00","essence":"Маған ЖТҮҚ үшін жер учаскесін бөліп беруіңізді сұраймын, 2016 жылдан бері кезекте тұрмын","signaturePresent":true,"applicant":{"kind":"individual","surname":"Нұрланов","givenName":"Ержан","iin":"061211600012","postalAddress":"Көкшетау, Абай к-сі 1"}}"#

    func law(_ app: Application, _ w: World, _ id: UUID, as who: String = "executor", query: String = "") async throws -> LawView {
        let (s, body) = try await api.get(app, "api/v1/appeals/\(id)/law\(query)", headers: w.auth(who))
        #expect(s == .ok, "\(String(decoding: body, as: UTF8.self))")
        return try JSONDecoder().decode(LawView.self, from: body)
    }

    func problem(_ d: Data) -> AppealsAPITests.Problem? { try? JSONDecoder().decode(AppealsAPITests.Problem.self, from: d) }

    /// A land application, assigned, with one fact resting on the appeal (document 1).
    func prepared(_ app: Application, _ w: World) async throws -> UUID {
        let id = try #require(try await api.register(app, w, Self.land).1?.appeal.id)
        var (s, _) = try await api.act(app, w, id, as: "head", #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#)
        #expect(s == .ok)
        (s, _) = try await api.act(app, w, id, as: "executor", #"{"action":"record_fact","statement":"2016 жылдан бері кезекте","status":"established","bearing":"favours","evidence":[1]}"#)
        #expect(s == .ok)
        return id
    }

    @Test("R24–R28: the executor runs the finder, applies the code's norm over the akimat's, and the checklist goes not ready → refusal → consequence",
          arguments: TestDatabases.all)
    func finderAndChecklist(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let id = try await prepared(app, w)
            var v = try await law(app, w, id)
            #expect(v.picked.contains("ЖТҮҚ") && v.markers == v.picked, "R24: the marker words picked out of the text: \(v.picked)")
            #expect(v.candidates.map(\.rank) == v.candidates.map(\.rank).sorted(), "R29: by legal force")
            #expect(v.candidates.contains { $0.id == "land-code-50" } && v.candidates.allSatisfy { !$0.matched.isEmpty })
            let c = try #require(v.conflicts.first { $0.first.id == "land-code-50" && $0.second.id == "akimat-ihc-rules-queue" }, "R25: the conflict shown")
            #expect(c.verdict == "higher_prevails" && c.prevailing == "land-code-50" && c.detailed == "akimat-ihc-rules-queue")
            #expect(v.proposal.code == "not_ready" && v.proposal.missing.map(\.code).contains("law"))
            // The executor's own marker words.
            let own = try await law(app, w, id, query: "?markers=%D0%BB%D0%B8%D1%86%D0%B5%D0%BD%D0%B7%D0%B8%D1%8F")
            #expect(own.markers == ["лицензия"] && own.candidates.contains { $0.id == "permits-licence-issue" })

            var (s, body) = try await api.act(app, w, id, as: "executor",
                                              #"{"action":"apply_norm","norm":"land-code-50","purposes":["decides","empowers"],"reason":"ЖТҮҚ үшін жер беру кодекстің нормасымен шешіледі","prevailsOver":["akimat-ihc-rules-queue"]}"#)
            #expect(s == .ok, "\(String(decoding: body, as: UTF8.self))")
            (s, body) = try await api.act(app, w, id, as: "executor", #"{"action":"apply_norm","norm":"land-code-competence","purposes":["competence"],"reason":"әкімдіктің құзыреті"}"#)
            #expect(s == .ok)
            v = try await law(app, w, id)
            let applied = try #require(v.applied.first { $0.norm == "land-code-50" })
            #expect(applied.relevantOn == "2024-01-25" && applied.registryNow == "current" && applied.purposes == ["decides", "empowers"])
            #expect(v.proposal.code == "not_ready" && v.proposal.missing.allSatisfy { $0.code == "precondition" } && v.proposal.missing.count == applied.preconditions.count)
            // Answer every precondition "met" with fact 1, then make one "not met".
            for item in applied.preconditions {
                (s, body) = try await api.act(app, w, id, as: "executor", #"{"action":"check_precondition","norm":"land-code-50","precondition":\#(item.number),"answer":"met","facts":[1]}"#)
                #expect(s == .ok, "\(String(decoding: body, as: UTF8.self))")
            }
            v = try await law(app, w, id)
            #expect(v.proposal.code == "consequence" && v.proposal.norms == ["land-code-50"])
            #expect(v.applied.first { $0.norm == "land-code-50" }?.preconditions.allSatisfy { $0.answer == "met" && $0.facts == [1] } == true)
            (s, _) = try await api.act(app, w, id, as: "executor", #"{"action":"check_precondition","norm":"land-code-50","precondition":2,"answer":"not_met","facts":[1],"note":"бұрын берілген"}"#)
            v = try await law(app, w, id)
            #expect(v.proposal.code == "refusal" && v.proposal.notMet == ["land-code-50": [2]])
            (s, _) = try await api.act(app, w, id, as: "executor", #"{"action":"check_precondition","norm":"land-code-50","precondition":2,"answer":"unclear"}"#)
            v = try await law(app, w, id)
            #expect(v.proposal.code == "not_ready" && v.proposal.missing.first?.number == 2)
            // The trail records each step.
            let trail = try await app.appealService.view(id, actor: w.executor).trail.map(\.type)
            #expect(trail.filter { $0 == "norm_applied" }.count == 2 && trail.filter { $0 == "precondition_checked" }.count >= 3)
        }
    }

    @Test("R24: a pinned norm repealed later in the registry: the case says so, and keeps the version it applied", arguments: TestDatabases.all)
    func repealedLater(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let id = try await prepared(app, w)
            let (s, _) = try await api.act(app, w, id, as: "executor", #"{"action":"apply_norm","norm":"land-code-50","reason":"ЖТҮҚ"}"#)
            #expect(s == .ok)
            let admin = Actor(userID: UUID(), bodyID: w.bodyA.id, name: "Әкімші", position: "", roles: [.installationAdmin])
            var r = try await app.lawLibrary.current().registry
            let i = try #require(r.norms.firstIndex { $0.id == "land-code-50" })
            r.norms[i].versions[r.norms[i].versions.count - 1].to = CivilDate("2025-12-31")
            r.norms[i].versions.append(NormVersion(from: CivilDate("2026-01-01")!, repealed: true, note: "repealed"))
            r.version = "test-2"
            // A body's executor may not change the law; the installation's administrator may.
            await #expect(throws: LawError.forbidden) { try await app.lawLibrary.save(r, expected: nil, actor: w.executor, at: app.now) }
            let revision = try await app.lawLibrary.save(r, expected: nil, actor: admin, at: app.now)
            #expect(revision == 1)
            await #expect(throws: StorageError.concurrentChange) { try await app.lawLibrary.save(r, expected: nil, actor: admin, at: app.now) }
            let v = try await law(app, w, id)
            let applied = try #require(v.applied.first)
            #expect(applied.registryNow == "repealed" && applied.registryChangedOn == "2026-01-01")
            #expect(applied.versionFrom <= "2024-01-25", "the version applied stays")
        }
    }

    @Test("R24–R28: refusals name their field — unknown norm, twice applied, an answer without facts, an unknown fact, a wrong number; other bodies and roles")
    func refusals() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let id = try await prepared(app, w)
            func act(_ json: String, as who: String = "executor") async throws -> (HTTPStatus, AppealsAPITests.Problem?) {
                let (s, b) = try await api.act(app, w, id, as: who, json)
                return (s, problem(b))
            }
            var r = try await act(#"{"action":"apply_norm","norm":"no-such-norm","reason":"x"}"#)
            #expect(r.0 == .unprocessableEntity && r.1?.code == "unknown_norm" && r.1?.field == "norm")
            r = try await act(#"{"action":"apply_norm","norm":"land-code-50","reason":"x","relevantOn":"2099-01-01"}"#)
            #expect(r.0 == .unprocessableEntity && r.1?.field == "sentOn" || r.1?.code == "date_out_of_range")
            r = try await act(#"{"action":"apply_norm","norm":"land-code-50","reason":"  "}"#)
            #expect(r.0 == .unprocessableEntity && r.1?.code == "missing_field" && r.1?.field == "reason")
            r = try await act(#"{"action":"apply_norm","norm":"land-code-50","reason":"x"}"#, as: "registrar")
            #expect(r.0 == .forbidden)
            r = try await act(#"{"action":"apply_norm","norm":"land-code-50","reason":"x"}"#)
            #expect(r.0 == .ok)
            r = try await act(#"{"action":"apply_norm","norm":"land-code-50","reason":"x"}"#)
            #expect(r.0 == .conflict && r.1?.code == "norm_already_applied")
            r = try await act(#"{"action":"check_precondition","norm":"land-code-50","precondition":1,"answer":"met"}"#)
            #expect(r.0 == .unprocessableEntity && r.1?.field == "facts")
            r = try await act(#"{"action":"check_precondition","norm":"land-code-50","precondition":1,"answer":"met","facts":[7]}"#)
            #expect(r.0 == .unprocessableEntity && r.1?.code == "unknown_fact" && r.1?.field == "facts")
            r = try await act(#"{"action":"check_precondition","norm":"land-code-50","precondition":99,"answer":"unclear"}"#)
            #expect(r.0 == .unprocessableEntity && r.1?.code == "unknown_precondition" && r.1?.field == "precondition")
            r = try await act(#"{"action":"check_precondition","norm":"land-code-50","precondition":1,"answer":"maybe"}"#)
            #expect(r.0 == .badRequest && r.1?.field == "answer")
            r = try await act(#"{"action":"record_analogy","kind":"statute","basis":"ұқсас","reason":"жоқ"}"#)
            #expect(r.0 == .unprocessableEntity && r.1?.field == "norms")
            r = try await act(#"{"action":"record_analogy","kind":"law","basis":"Жалпы қағидаттар","reason":"норма жоқ"}"#)
            #expect(r.0 == .ok)
            // Another body's people do not see the case's law.
            let (s, _) = try await api.get(app, "api/v1/appeals/\(id)/law", headers: w.auth("outsider"))
            #expect(s == .notFound)
            let (m, mb) = try await api.get(app, "api/v1/appeals/\(id)/law?markers=" + Array(repeating: "a", count: 21).joined(separator: ","), headers: w.auth("executor"))
            #expect(m == .unprocessableEntity && problem(mb)?.code == "too_many")
        }
    }

    @Test("R24: the norms' search finds inflected, look-alike and Latin forms on both databases; a missing query is refused",
          arguments: TestDatabases.all)
    func normSearch(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            struct Hits: Decodable { struct Hit: Decodable { var id: String }; var items: [Hit] }
            for q in ["жер%20учаскесин", "jer%20uchaskesi", "%D0%B7%D0%B5%D0%BC%D0%B5%D0%BB%D1%8C%D0%BD%D1%8B%D0%B5%20%D1%83%D1%87%D0%B0%D1%81%D1%82%D0%BA%D0%B8"] {
                let (s, body) = try await api.get(app, "api/v1/search/norms?q=\(q.replacingOccurrences(of: "жер", with: "%D0%B6%D0%B5%D1%80").replacingOccurrences(of: "учаскесин", with: "%D1%83%D1%87%D0%B0%D1%81%D0%BA%D0%B5%D1%81%D0%B8%D0%BD"))", headers: w.auth("registrar"))
                #expect(s == .ok)
                let hits = try JSONDecoder().decode(Hits.self, from: body)
                #expect(hits.items.contains { $0.id == "land-code-50" }, "\(q)")
            }
            let (s, body) = try await api.get(app, "api/v1/search/norms?q=%20", headers: w.auth("registrar"))
            #expect(s == .badRequest && problem(body)?.code == "query_missing")
            let (u, _) = try await api.get(app, "api/v1/search/norms?q=jer")
            #expect(u == .unauthorized)
        }
    }
}

@Suite("Malformed JSON bodies")
struct MalformedBodyTests {
    @Test("A body that closes what it never opened is refused as malformed, and the server keeps serving")
    func closeWithoutOpen() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            for body in ["}", "]{", "\u{0}}", "{\"a\":1}}"] {
                var headers = w.auth("registrar")
                headers.contentType = .json
                var status: HTTPStatus = .internalServerError
                try await app.testing().test(.POST, "api/v1/appeals", headers: headers, body: ByteBuffer(string: body)) { res async throws in status = res.status }
                #expect(status == .badRequest, "\(body.debugDescription)")
                try await app.testing().test(.POST, "api/v1/law/registry/check", headers: headers, body: ByteBuffer(string: body)) { res async throws in status = res.status }
                #expect(status == .badRequest || status == .unprocessableEntity, "\(body.debugDescription)")
            }
            let (s, _) = try await AppealsAPITests().register(app, w)
            #expect(s == .created)
        }
    }
}
