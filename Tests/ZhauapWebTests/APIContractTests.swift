import Foundation
import Testing
import Vapor
import VaporTesting
import ZhauapDomain
import ZhauapTestSupport
@testable import ZhauapWeb

/// The API keeps to its OpenAPI document: what it documents it accepts, what violates it is refused with a
/// 4xx naming the field (the holes an outside schemathesis run found, each pinned here).
@Suite("API contract: the OpenAPI document is what the server checks")
struct APIContractTests {
    struct Problem: Decodable { var code: String; var field: String? }

    static func send(_ app: Application, _ w: World, _ method: HTTPMethod, _ path: String, _ body: String? = nil,
                     contentType: HTTPMediaType? = .json) async throws -> (HTTPStatus, Problem?, HTTPHeaders) {
        var h = w.auth("head")
        if let contentType, body != nil { h.contentType = contentType }
        var out: (HTTPStatus, Problem?, HTTPHeaders) = (.internalServerError, nil, [:])
        try await app.testing().test(method, path, headers: h, body: body.map { ByteBuffer(string: $0) }) { res async throws in
            out = (res.status, try? JSONDecoder().decode(Problem.self, from: Data(res.body.readableBytesView)), res.headers)
        }
        return out
    }

    @Test("A method a path does not take is 405 with Allow (TRACE /health, PUT /api/v1/appeals), not 404")
    func methodNotAllowed() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let (s, p, h) = try await Self.send(app, w, .TRACE, "health")
            #expect(s == .methodNotAllowed && p?.code == "method_not_allowed" && h.first(name: .allow) == "GET, HEAD")
            let (s2, _, h2) = try await Self.send(app, w, .PUT, "api/v1/appeals")
            #expect(s2 == .methodNotAllowed && h2.first(name: .allow) == "GET, HEAD, POST")
            #expect(try await Self.send(app, w, .GET, "api/v1/no-such-thing").0 == .notFound)
        }
    }

    @Test("Worklist flags are true or false: overdue=null and mine=maybe are refused, naming the parameter")
    func strictBooleans() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            for q in ["overdue=null", "mine=maybe", "unassigned=1"] {
                let (s, p, _) = try await Self.send(app, w, .GET, "api/v1/appeals?" + q)
                #expect(s == .badRequest && p?.field == String(q.split(separator: "=")[0]), "\(q)")
            }
            // Not a number is not of the documented shape (400); a number out of its range cannot be meant (422).
            for (q, status) in [("dueWithin=0", HTTPStatus.unprocessableEntity), ("dueWithin=61", .unprocessableEntity), ("limit=501", .unprocessableEntity),
                                ("limit=abc", .badRequest)] {
                #expect(try await Self.send(app, w, .GET, "api/v1/appeals?" + q).0 == status, "\(q)")
            }
            #expect(try await Self.send(app, w, .GET, "api/v1/appeals?overdue=true&mine=false&dueWithin=60&limit=500").0 == .ok)
        }
    }

    @Test("R1: a registration body is checked against the schema — types, ranges, unknown fields — and an applicant without a kind is an individual")
    func registrationBody() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let cases: [(String, HTTPStatus, String, String?)] = [
                (#"{"channel":"paper","sheets":2.5}"#, .badRequest, "wrong_type", "sheets"),
                (#"{"channel":"paper","sheets":"2"}"#, .badRequest, "wrong_type", "sheets"),
                (#"{"channel":"paper","attachments":[{"name":"a.pdf","pages":-1}]}"#, .unprocessableEntity, "out_of_range", "attachments[0].pages"),
                (#"{"channel":"paper","attachments":[{"pages":1}]}"#, .badRequest, "missing_parameter", "attachments[0].name"),
                (#"{"channel":"paper","colour":"red"}"#, .badRequest, "unknown_field", "colour"),
                (#"{"channel":"paper","applicant":{"kind":"individual","nickname":"x"}}"#, .badRequest, "unknown_field", "applicant.nickname"),
                (#"{"channel":"paper","appealDate":"9999-01-01"}"#, .unprocessableEntity, "appeal_date_after_receipt", "appealDate"),
                (#"{"channel":"paper","appealDate":"2024-02-30"}"#, .badRequest, "invalid_date", "appealDate"),
                (#"{"channel":"paper","receivedAt":"2000-01-01T00:00:00Z"}"#, .unprocessableEntity, "before_rules_in_force", "receivedAt"),
                (#"[]"#, .badRequest, "wrong_type", nil),
            ]
            for (json, status, code, field) in cases {
                let (s, p, _) = try await Self.send(app, w, .POST, "api/v1/appeals", json)
                #expect(s == status && p?.code == code && p?.field == field, "\(json): \(s) \(String(describing: p))")
            }
            var keyed = w.auth("registrar")
            keyed.contentType = .json
            keyed.add(name: "Idempotency-Key", value: "ключ с пробелом")
            try await app.testing().test(.POST, "api/v1/appeals", headers: keyed, body: ByteBuffer(string: #"{"channel":"paper"}"#)) { res async throws in
                #expect(res.status == .badRequest && res.body.string.contains("Idempotency-Key"))
            }
            let (empty, p, _) = try await Self.send(app, w, .POST, "api/v1/appeals", "")
            #expect(empty == .badRequest && p?.code == "missing_body")
            var h = w.auth("registrar")
            h.contentType = .json
            try await app.testing().test(.POST, "api/v1/appeals", headers: h, body: ByteBuffer(string: #"{"channel":"paper","applicant":{"surname":"Сейіт"}}"#)) { res async throws in
                #expect(res.status == .created)
            }
        }
    }

    @Test("An action carries its step's fields only: a missing one is named, another step's field or a null is refused")
    func actionBodies() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let id = try #require(try await AppealsAPITests().register(app, w).1).appeal.id
            let path = "api/v1/appeals/\(id)/actions"
            let cases: [(String, String, String?)] = [
                (#"{"action":"assign","executorId":"\#(w.executor.userID)","ground":"withdrawn"}"#, "unknown_field", "ground"),
                (#"{"action":"record_sending","document":"coupon","language":"kk","channel":"post","reference":null}"#, "wrong_type", "reference"),
                (#"{"action":"return_for_correction","deficiency":"a","remedy":"b","consequence":"c","workingDays":1.5}"#, "wrong_type", "workingDays"),
                (#"{"action":"fly"}"#, "invalid_action", "action"),
                (#"{"action":"forward"}"#, "missing_parameter", "targetName"),
            ]
            for (json, code, field) in cases {
                let (s, p, _) = try await Self.send(app, w, .POST, path, json)
                #expect(s == .badRequest && p?.code == code && p?.field == field, "\(json): \(s) \(String(describing: p))")
            }
            #expect(try await Self.send(app, w, .POST, path, #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#).0 == .ok)
        }
    }

    @Test("Sign-in without a JSON body is 415, with a broken one 400 — both documented")
    func signInStatuses() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            #expect(try await Self.send(app, w, .POST, "api/v1/auth/login", "login=a", contentType: nil).0 == .unsupportedMediaType)
            #expect(try await Self.send(app, w, .POST, "api/v1/auth/login", "\u{0}").0.code / 100 == 4)
            #expect(try await Self.send(app, w, .POST, "api/v1/auth/login", "{").1?.code == "malformed_body")
            let data = try #require(OpenAPIController.document)
            let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let login = (((doc["paths"] as? [String: Any])?["/api/v1/auth/login"] as? [String: Any])?["post"] as? [String: Any])?["responses"] as? [String: Any]
            let documented = Set((login ?? [:]).keys)
            #expect(documented.isSuperset(of: ["200", "400", "401", "415", "422", "429"]))
        }
    }
}
