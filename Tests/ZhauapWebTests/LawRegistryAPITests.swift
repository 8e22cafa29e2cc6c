import Fluent
import Foundation
import NIOFoundationEssentialsCompat
import Testing
import Vapor
import VaporTesting
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// The registry of normative acts over the API: read by everyone signed in, replaced only by the
/// installation's administrator on the revision it was read at, and only whole and without a problem.
@Suite("API: the registry of normative acts")
struct LawRegistryAPITests {
    struct Problem: Decodable { var code: String; var field: String?; var problems: [RegistryProblem]? }
    struct Problems: Decodable { var problems: [RegistryProblem] }

    /// The world, and tokens of an installation administrator (`root`) and a body's administrator (`bodyAdmin`).
    static func world(_ app: Application) async throws -> (World, [String: String]) {
        let w = try await World.make(app)
        let store = FluentOrganisationStore(database: app.db)
        var tokens = w.tokens
        for (login, roles) in [("root", Set<Role>([.installationAdmin, .admin])), ("bodyAdmin", [.admin])] {
            let id = try await store.addUser(bodyID: w.bodyA.id, login: login, passwordHash: "not-a-real-hash", name: login, position: "", roles: roles)
            let token = "token-\(login)-\(UUID().uuidString)"
            try await store.addToken(token, userID: id, expiresAt: app.now.addingTimeInterval(86400))
            tokens[login] = token
        }
        return (w, tokens)
    }

    static func send(_ app: Application, _ tokens: [String: String], _ who: String, _ method: HTTPMethod, _ path: String, body: Data? = nil,
                     ifMatch: String? = nil) async throws -> (HTTPStatus, Data, HTTPHeaders) {
        var h = HTTPHeaders()
        h.bearerAuthorization = BearerAuthorization(token: tokens[who]!)
        if body != nil { h.contentType = .json }
        if let ifMatch { h.replaceOrAdd(name: .ifMatch, value: ifMatch) }
        var out: (HTTPStatus, Data, HTTPHeaders) = (.internalServerError, Data(), [:])
        try await app.testing().test(method, "api/v1/" + path, headers: h, body: body.map { ByteBuffer(data: $0) }) { res async throws in
            out = (res.status, Data(res.body.readableBytesView), res.headers)
        }
        return out
    }

    /// The starter registry, changed by `edit`, as a file.
    static func file(_ edit: (inout LawRegistry) -> Void = { _ in }) throws -> Data {
        var r = try LawRegistry.bundled()
        edit(&r)
        return try r.encoded()
    }

    /// Bad files: an unknown level, a duplicate id, overlapping versions and a term that disagrees with its term rule, all in one.
    static func brokenFile() throws -> Data {
        try file { r in
            r.acts[0].level = "decree_of_nobody"
            r.norms[2].id = r.norms[1].id
            let i = r.norms.firstIndex { $0.id == "appc-76-1" }!
            r.norms[i].term = NormTerm(unit: .workingDays, amount: 10)
            r.norms[i].versions.append(NormVersion(from: CivilDate("2022-01-01")!, preconditions: r.norms[i].versions[0].preconditions,
                                                   consequence: r.norms[i].versions[0].consequence))
        }
    }

    @Test("R29: the registry import refuses a file with an unknown level, a duplicate id, overlapping versions and a term against its term rule, listing every problem; nothing is stored",
          arguments: TestDatabases.all)
    func refusesBadFiles(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let (_, tokens) = try await Self.world(app)
            let (s, data, _) = try await Self.send(app, tokens, "root", .PUT, "law/registry", body: try Self.brokenFile(), ifMatch: "bundled")
            #expect(s == .unprocessableEntity)
            let p = try JSONDecoder().decode(Problem.self, from: data)
            #expect(p.code == "invalid_registry")
            let codes = Set((p.problems ?? []).map(\.code))
            #expect(codes.isSuperset(of: ["unknown_level", "duplicate", "period", "term_rule_disagrees"]), "\(codes)")
            #expect(p.problems?.contains { $0.code == "unknown_level" && $0.path == "acts[0].level" } == true)
            #expect(p.problems?.contains { $0.code == "duplicate" && $0.path == "norms[2].id" } == true)

            // A field of the wrong type names its path; bad JSON is refused before anything is read.
            var object = try #require(try JSONSerialization.jsonObject(with: try Self.file()) as? [String: Any])
            object["format"] = "one"
            let wrongType = try JSONSerialization.data(withJSONObject: object)
            let (s2, d2, _) = try await Self.send(app, tokens, "root", .PUT, "law/registry", body: wrongType, ifMatch: "bundled")
            let p2 = try JSONDecoder().decode(Problem.self, from: d2)
            #expect(s2 == .unprocessableEntity && p2.problems?.first?.code == "invalid_json" && p2.problems?.first?.path == "format", "\(String(decoding: d2, as: UTF8.self))")
            let (s3, _, _) = try await Self.send(app, tokens, "root", .PUT, "law/registry", body: Data("{\"format\": 1,".utf8), ifMatch: "bundled")
            #expect(s3 == .badRequest)

            // The check lists the same problems and stores nothing either.
            let (s4, d4, _) = try await Self.send(app, tokens, "executor", .POST, "law/registry/check", body: try Self.brokenFile())
            let checked = Set(try JSONDecoder().decode(Problems.self, from: d4).problems.map(\.code))
            #expect(s4 == .ok && checked == codes)
            let (_, d5, _) = try await Self.send(app, tokens, "executor", .POST, "law/registry/check", body: try Self.file())
            #expect(try JSONDecoder().decode(Problems.self, from: d5).problems.isEmpty)

            #expect(try await FluentLawStore(database: app.db).revision() == nil)
            let (_, _, h) = try await Self.send(app, tokens, "executor", .GET, "law/registry")
            #expect(h.first(name: "X-Registry-Revision") == "bundled")
        }
    }

    @Test("R29: a good registry is stored as revision 1 and served; a stale If-Match is 412, none is 428; only the installation's administrator replaces it",
          arguments: TestDatabases.all)
    func storesAndServes(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let (_, tokens) = try await Self.world(app)
            let changed = try Self.file { $0.version = "2026.12.04"; $0.acts[0].titleEn = "The Constitution (amended title)" }
            for who in ["bodyAdmin", "executor"] {
                let (s, d, _) = try await Self.send(app, tokens, who, .PUT, "law/registry", body: changed, ifMatch: "bundled")
                #expect(s == .forbidden && (try? JSONDecoder().decode(Problem.self, from: d))?.code == "forbidden", "\(who)")
            }
            let (missing, dm, _) = try await Self.send(app, tokens, "root", .PUT, "law/registry", body: changed)
            #expect(missing == .preconditionRequired && (try? JSONDecoder().decode(Problem.self, from: dm))?.code == "precondition_required")

            let (s, d, h) = try await Self.send(app, tokens, "root", .PUT, "law/registry", body: changed, ifMatch: "bundled")
            #expect(s == .ok && h.first(name: "X-Registry-Revision") == "1", "\(String(decoding: d, as: UTF8.self))")
            let (stale, ds, _) = try await Self.send(app, tokens, "root", .PUT, "law/registry", body: changed, ifMatch: "bundled")
            #expect(stale == .preconditionFailed && (try? JSONDecoder().decode(Problem.self, from: ds))?.code == "revision_mismatch")

            let (g, body, gh) = try await Self.send(app, tokens, "executor", .GET, "law/registry")
            #expect(g == .ok && gh.first(name: "X-Registry-Revision") == "1")
            #expect(gh.first(name: .contentDisposition) == #"attachment; filename="law-registry-2026.12.04.json""#)
            #expect(try LawRegistry.decode(body) == (try LawRegistry.decode(changed)))

            struct Acts: Decodable { var revision: String; var acts: [NormativeAct] }
            let (_, a, _) = try await Self.send(app, tokens, "head", .GET, "law/acts")
            let acts = try JSONDecoder().decode(Acts.self, from: a)
            #expect(acts.revision == "1" && acts.acts[0].titleEn == "The Constitution (amended title)" && acts.acts.allSatisfy { !$0.source.isEmpty })
            struct NormView: Decodable { var norm: Norm; var act: NormativeAct? }
            let (ns, nd, _) = try await Self.send(app, tokens, "head", .GET, "law/norms/appc-76-1")
            let view = try JSONDecoder().decode(NormView.self, from: nd)
            #expect(ns == .ok && view.norm.term == NormTerm(unit: .workingDays, amount: 15) && view.act?.id == "appc" && view.norm.status == .verified)
            let (unknown, ud, _) = try await Self.send(app, tokens, "head", .GET, "law/norms/no-such-norm")
            #expect(unknown == .notFound && (try? JSONDecoder().decode(Problem.self, from: ud))?.code == "unknown_norm")
            struct Levels: Decodable { var levels: [LegalLevel] }
            let (_, ld, _) = try await Self.send(app, tokens, "head", .GET, "law/hierarchy")
            let levels = try JSONDecoder().decode(Levels.self, from: ld).levels
            #expect(levels.first?.code == "constitution" && levels.map(\.rank) == levels.map(\.rank).sorted())
        }
    }

    @Test("R29: the export round-trips: what GET gives, PUT takes back unchanged as the next revision")
    func roundTrip() async throws {
        try await withZhauapApp { app in
            let (_, tokens) = try await Self.world(app)
            let (_, exported, _) = try await Self.send(app, tokens, "root", .GET, "law/registry")
            let (s, _, _) = try await Self.send(app, tokens, "root", .PUT, "law/registry", body: exported, ifMatch: "bundled")
            #expect(s == .ok)
            let (_, again, h) = try await Self.send(app, tokens, "root", .GET, "law/registry")
            #expect(h.first(name: "X-Registry-Revision") == "1" && again == exported)
            #expect(try LawRegistry.decode(again) == (try LawRegistry.bundled()))
        }
    }
}
