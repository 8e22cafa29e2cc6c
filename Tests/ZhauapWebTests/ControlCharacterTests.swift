import Foundation
import Testing
import Vapor
import VaporTesting
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// A NUL or another control character in any text is refused with a 422 naming the field — on SQLite and
/// PostgreSQL alike, signed in or not — and nothing is stored; log lines cannot be forged through a path.
@Suite("Control characters: refused everywhere, named", .serialized)
struct ControlCharacterTests {
    struct Problem: Decodable { var code: String; var field: String? }

    @Test("A NUL in the essence, the applicant's name, a step's reason, a login, a form or the tracking query: 422 naming the field",
          arguments: TestDatabases.all)
    func refused(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let api = AppealsAPITests()
            for (json, field) in [(#"{"channel":"paper","essence":"Жол\u0000жөндеу"}"#, "essence"),
                                  (#"{"channel":"paper","applicant":{"kind":"individual","surname":"Ив\u0007анов"}}"#, "applicant.surname"),
                                  (#"{"channel":"paper","attachments":[{"name":"a\u001bb"}]}"#, "attachments[0].name")] {
                var h = w.auth("registrar")
                h.contentType = .json
                try await app.testing().test(.POST, "api/v1/appeals", headers: h, body: ByteBuffer(string: json)) { res async throws in
                    let p = try? JSONDecoder().decode(Problem.self, from: Data(res.body.readableBytesView))
                    #expect(res.status == .unprocessableEntity && p?.code == "control_character" && p?.field == field, "\(json): \(res.status)")
                }
            }
            let id = try #require(try await api.register(app, w).1?.appeal.id)
            let (s, b) = try await api.act(app, w, id, as: "head", #"{"action":"terminate","ground":"withdrawn","note":"x\u0000y"}"#)
            #expect(s == .unprocessableEntity && (try? JSONDecoder().decode(Problem.self, from: b))?.field == "note")
            var form = HTTPHeaders()
            form.contentType = .urlEncodedForm
            try await app.testing().test(.POST, "login", headers: form, body: ByteBuffer(string: "login=ad%00min&password=x")) { res async throws in
                #expect(res.status == .unprocessableEntity)
            }
            try await app.testing().test(.GET, "api/v1/track?number=A%00&code=B") { res async throws in
                let p = try? JSONDecoder().decode(Problem.self, from: Data(res.body.readableBytesView))
                #expect(res.status == .unprocessableEntity && p?.field == "number")
            }
            var json = HTTPHeaders()
            json.contentType = .json
            try await app.testing().test(.POST, "session", headers: json, body: ByteBuffer(string: #"{"login":"a\u0000","password":"x"}"#)) { res async throws in
                #expect(res.status == .unprocessableEntity)
            }
            // Line breaks and tabs are text: an essence of several lines is registered.
            let multi = try await api.register(app, w, #"{"channel":"paper","essence":"Бірінші жол\nЕкінші жол\tсоңы"}"#)
            #expect(multi.0 == .created)
            let stored = try await app.appealService.view(id, actor: w.head).trail
            #expect(stored.count == 1, "nothing was stored by the refused step")
        }
    }

    @Test("A logged path writes every control character as an escape: an encoded line break starts no line of its own")
    func logEscapes() {
        #expect(SafeRequestLogging.escaped("/track\n2026-12-01 notice fake") == "/track\\u{0A}2026-12-01 notice fake")
        #expect(SafeRequestLogging.escaped("/appeals/ок") == "/appeals/ок")
        #expect(ControlCharacterGuard.forbidden("a\u{85}b") && !ControlCharacterGuard.forbidden("жол\nжол\tжол"))
    }
}
