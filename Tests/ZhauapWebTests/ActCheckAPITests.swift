import Foundation
import NIOFoundationEssentialsCompat
import Testing
import VaporTesting
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// `POST /api/v1/acts/check` (R39–R43, R33, R35), on SQLite and PostgreSQL: a sound act is signable, a flawed
/// one gets its findings, bad input is a 4xx naming the field, and no one signed out may use it.
@Suite("Act check: R39–R43 through the API")
struct ActCheckAPITests {
    struct Answer: Decodable {
        struct Finding: Decodable { var code: String; var severity: String; var section: String?; var language: String?; var basis: String; var why: LocalizedText; var fix: LocalizedText }
        var findings: [Finding]; var errors: Int; var warnings: Int; var signable: Bool
    }
    struct Problem: Decodable { var code: String; var field: String? }

    /// The first sound act of the training corpus, as the API takes it.
    static func corpusAct(_ id: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Corpus/acts/training.jsonl")
        let line = try #require(String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").first { $0.contains("\"id\": \"\(id)\"") })
        var act = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        act["id"] = nil
        act["expect"] = nil
        return act
    }

    static func post(_ app: Application, _ body: Any, headers: HTTPHeaders) async throws -> (HTTPStatus, Data) {
        var h = headers
        h.contentType = .json
        let data = try JSONSerialization.data(withJSONObject: body)
        var out: (HTTPStatus, Data) = (.internalServerError, Data())
        try await app.testing().test(.POST, "api/v1/acts/check", headers: h, body: ByteBuffer(data: data)) { res async throws in
            out = (res.status, Data(res.body.readableBytesView))
        }
        return out
    }

    @Test("R39–R43: a sound act is signable with no finding; a flawed one gets its findings, each with its basis and why/fix in kk, ru, en",
          arguments: TestDatabases.all)
    func soundAndFlawed(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            var (s, body) = try await Self.post(app, try Self.corpusAct("t-build-sound"), headers: w.auth("executor"))
            #expect(s == .ok, "\(String(decoding: body, as: UTF8.self))")
            var a = try JSONDecoder().decode(Answer.self, from: body)
            #expect(a.signable && a.findings.isEmpty && a.errors == 0 && a.warnings == 0)
            (s, body) = try await Self.post(app, try Self.corpusAct("t-build-template"), headers: w.auth("head"))
            a = try JSONDecoder().decode(Answer.self, from: body)
            #expect(s == .ok && !a.signable && a.errors >= 2)
            #expect(Set(a.findings.map(\.code)) == ["template_phrase", "precondition_not_matched"])
            #expect(a.findings.allSatisfy { $0.basis.hasPrefix("R4") || $0.basis.hasPrefix("R3") } && a.findings.allSatisfy { !$0.why.kk.isEmpty && !$0.fix.en.isEmpty })
            (s, body) = try await Self.post(app, try Self.corpusAct("t-build-summary-long"), headers: w.auth("executor"))
            a = try JSONDecoder().decode(Answer.self, from: body)
            #expect(a.signable && a.warnings == 2 && a.findings.allSatisfy { $0.code == "summary_too_long" && $0.severity == "warning" })
        }
    }

    @Test("R33; APPC 73: the draft given the day of the act is draft_too_late, counted on the server's calendar")
    func draftLate() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let (_, body) = try await Self.post(app, try Self.corpusAct("t-build-draft-sameday"), headers: w.auth("executor"))
            #expect(try JSONDecoder().decode(Answer.self, from: body).findings.map(\.code) == ["draft_too_late"])
        }
    }

    @Test("Bad input is a 4xx naming the field: an unknown section key or a too long text is 422; a wrong type, an unknown act type or language, a date that is none, an empty argument 400")
    func badInput() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let sound = try Self.corpusAct("t-build-sound")
            func with(_ change: (inout [String: Any]) -> Void) -> [String: Any] { var b = sound; change(&b); return b }
            func versions(_ b: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
                var v = b["versions"] as! [String: Any]
                var kk = v["kk"] as! [String: Any]
                change(&kk)
                v["kk"] = kk
                b["versions"] = v
            }
            let cases: [([String: Any], HTTPStatus, String?)] = [
                (with { versions(&$0) { $0["preface"] = "x" } }, .unprocessableEntity, "versions.kk.preface"),
                (with { $0["actDate"] = "2026-02-30" }, .badRequest, "actDate"),
                (with { $0["actType"] = "lenient" }, .badRequest, "actType"),
                (with { $0["discretionary"] = "no" }, .badRequest, "discretionary"),
                (with { versions(&$0) { $0["facts"] = String(repeating: "а", count: 20_001) } }, .unprocessableEntity, "versions.kk.facts"),
                (with { $0["versions"] = ["en": ["title": "x"]] }, .badRequest, "versions.en"),
                (with { $0["arguments"] = [["number": 1, "text": ""]] }, .badRequest, "arguments[0].text"),
            ]
            for (body, status, field) in cases {
                let (s, data) = try await Self.post(app, body, headers: w.auth("executor"))
                let p = try? JSONDecoder().decode(Problem.self, from: data)
                #expect(s == status && p?.field == field, "\(field ?? "-"): \(s) \(String(decoding: data, as: UTF8.self))")
            }
        }
    }

    @Test("The check needs a signed-in employee: without a token it is 401")
    func unauthenticated() async throws {
        try await withZhauapApp { app in
            let (s, data) = try await Self.post(app, try Self.corpusAct("t-build-sound"), headers: [:])
            #expect(s == .unauthorized && (try? JSONDecoder().decode(Problem.self, from: data))?.code == "unauthorized")
        }
    }
}
