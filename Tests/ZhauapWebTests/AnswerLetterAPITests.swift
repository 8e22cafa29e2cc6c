import Foundation
import Testing
import Vapor
import VaporTesting
@testable import ZhauapWeb
import ZhauapDomain
import ZhauapService
import ZhauapTestSupport

/// R46 and Law "On languages" Art. 11 through the API: the answer letter in each language produced, a
/// version never produced from text typed in another; a step retried with its key taken once; the worklist's
/// filters and sorts.
@Suite("API: answer letters, retried steps, worklist filters")
struct AnswerLetterAPITests {
    let api = AppealsAPITests()

    func considered(_ app: Application, _ w: World, language: String) async throws -> UUID {
        let json = #"{"channel":"email","language":"\#(language)","essence":"Прошу предоставить информацию о ремонте дороги","applicant":{"kind":"individual","surname":"Иванова","givenName":"Анна","postalAddress":"Алматы, ул. Абая 5"}}"#
        let id = try #require(try await api.register(app, w, json).1?.appeal.id)
        #expect(try await api.act(app, w, id, as: "head", #"{"action":"check_competence","competence":"whole"}"#).0 == .ok)
        #expect(try await api.act(app, w, id, as: "head", #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#).0 == .ok)
        #expect(try await api.act(app, w, id, as: "executor", #"{"action":"confirm_kind","kind":"request"}"#).0 == .ok)
        return id
    }

    @Test("R46: an appeal in Russian is answered in Russian and Kazakh; without the Kazakh text the answer is refused, naming textKk")
    func russianAppeal() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let id = try await considered(app, w, language: "ru")
            let (s1, b1) = try await api.act(app, w, id, as: "executor", #"{"action":"answer","character":"explained","text":"Ремонт в мае."}"#)
            let p1 = try JSONDecoder().decode(AppealsAPITests.Problem.self, from: b1)
            #expect(s1 == .unprocessableEntity && p1.code == "missing_field" && p1.field == "textKk")
            let (s2, _) = try await api.act(app, w, id, as: "executor",
                                           #"{"action":"answer","character":"explained","textRu":"Ремонт в мае.","textKk":"Жөндеу мамырда."}"#)
            #expect(s2 == .ok)
            let (ks, kk) = try await api.get(app, "api/v1/appeals/\(id)/documents/answer_letter?lang=kk", headers: w.auth("executor"))
            let (rs, ru) = try await api.get(app, "api/v1/appeals/\(id)/documents/answer_letter?lang=ru", headers: w.auth("executor"))
            let kkText = String(decoding: kk, as: UTF8.self), ruText = String(decoding: ru, as: UTF8.self)
            #expect(ks == .ok && kkText.contains("Жөндеу мамырда.") && !kkText.contains("Ремонт"))
            #expect(rs == .ok && ruText.contains("Ремонт в мае.") && ruText.contains("Исх. №") && ruText.contains("ул. Абая 5"))
        }
    }

    @Test("R46: an answer typed in Kazakh alone has no Russian letter (404 naming lang) and its Russian sending is refused")
    func kazakhOnly() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let id = try await considered(app, w, language: "kk")
            #expect(try await api.act(app, w, id, as: "executor", #"{"action":"answer","character":"explained","text":"Жөндеу мамырда."}"#).0 == .ok)
            let (s, b) = try await api.get(app, "api/v1/appeals/\(id)/documents/answer_letter?lang=ru", headers: w.auth("executor"))
            let p = try JSONDecoder().decode(AppealsAPITests.Problem.self, from: b)
            #expect(s == .notFound && p.code == "language_not_produced" && p.field == "lang")
            let (s2, b2) = try await api.act(app, w, id, as: "executor", #"{"action":"record_sending","document":"answer_letter","language":"ru","channel":"post"}"#)
            let p2 = try JSONDecoder().decode(AppealsAPITests.Problem.self, from: b2)
            #expect(s2 == .unprocessableEntity && p2.code == "language_not_produced")
        }
    }

    @Test("A step retried with the same Idempotency-Key is taken once: one sending recorded, not two")
    func retriedStep() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let id = try await considered(app, w, language: "kk")
            var headers = w.auth("executor")
            headers.contentType = .json
            headers.add(name: "Idempotency-Key", value: "send-coupon-1")
            for _ in 0..<2 {
                try await app.testing().test(.POST, "api/v1/appeals/\(id)/actions", headers: headers,
                                             body: ByteBuffer(string: #"{"action":"record_sending","document":"coupon","language":"kk","channel":"email"}"#)) { res async throws in
                    #expect(res.status == .ok)
                }
            }
            let view = try await app.appealService.view(id, actor: w.head)
            #expect(view.appeal.sendings.count == 1 && view.trail.filter { $0.type == "document_sent" }.count == 1)
        }
    }

    @Test("R47: the worklist through the API — unassigned, by executor, sorted by number, and a wrong sort named")
    func worklistFilters() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let assigned = try await considered(app, w, language: "kk")
            let loose = try #require(try await api.register(app, w).1?.appeal.id)
            struct List: Decodable { struct Row: Decodable { var id: UUID; var finalDue: String?; var subject: String? }; var items: [Row] }
            let (_, u) = try await api.get(app, "api/v1/appeals?unassigned=true", headers: w.auth("head"))
            #expect(try JSONDecoder().decode(List.self, from: u).items.map(\.id) == [loose])
            let (_, e) = try await api.get(app, "api/v1/appeals?executor=\(w.executor.userID)", headers: w.auth("head"))
            let rows = try JSONDecoder().decode(List.self, from: e).items
            #expect(rows.map(\.id) == [assigned] && rows.first?.finalDue != nil && rows.first?.subject?.hasPrefix("Прошу") == true)
            let (_, n) = try await api.get(app, "api/v1/appeals?sort=number&mine=false", headers: w.auth("head"))
            #expect(try JSONDecoder().decode(List.self, from: n).items.map(\.id) == [loose, assigned], "ALM-2024-… before ALM-2026-…")
            let (bad, badBody) = try await api.get(app, "api/v1/appeals?sort=sideways", headers: w.auth("head"))
            let problem = try JSONDecoder().decode(AppealsAPITests.Problem.self, from: badBody)
            #expect(bad == .badRequest && problem.field == "sort")
        }
    }
}
