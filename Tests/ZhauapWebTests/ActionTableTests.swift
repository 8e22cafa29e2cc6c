import Foundation
import Testing
import ZhauapService
import VaporTesting
import ZhauapDomain
import ZhauapTestSupport
@testable import ZhauapWeb

/// The API, the pages and the allowed-actions list all take their action names from `Action`.
@Suite("Actions: one vocabulary for the API, the pages and the permissions")
struct ActionTableTests {
    /// The parameters each step cannot do without, as the API names them.
    static let required: [Action: String] = [
        .returnForCorrection: "deficiency", .resolveUncorrected: "outcome", .confirmKind: "kind", .assign: "executorId",
        .forward: "targetName", .requestRecusal: "source", .decideRecusal: "accept", .terminate: "ground", .extend: "until",
        .requestExtension: "until", .decideExtension: "accept", .answer: "character", .recordSending: "document", .checkCompetence: "competence",
    ]

    @Test("Every action is decoded by its own step: a missing parameter is named, never an unknown action", arguments: Action.allCases)
    func decodedByItsStep(action: Action) async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let api = AppealsAPITests()
            let id = try #require(try await api.register(app, w).1?.appeal.id)
            let (status, body) = try await api.act(app, w, id, as: "head", #"{"action":"\#(action.rawValue)"}"#)
            let problem = try? JSONDecoder().decode(AppealsAPITests.Problem.self, from: body)
            guard action.step.viaActions else {
                // A step with a file goes to its upload route; the export is the server's own step.
                #expect(status == .badRequest && problem?.field == "action", "\(action) is not sent as an action")
                return
            }
            #expect(problem?.code != "invalid_action" && status != .internalServerError)
            if let field = Self.required[action] {
                #expect(status == .badRequest && problem?.code == "missing_parameter" && problem?.field == field)
            }
        }
    }

    @Test("An unknown action and a wrong value are named")
    func unknownAction() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let api = AppealsAPITests()
            let id = try #require(try await api.register(app, w).1?.appeal.id)
            let (s1, b1) = try await api.act(app, w, id, as: "head", #"{"action":"asign","executorId":"\#(w.executor.userID)"}"#)
            let p1 = try JSONDecoder().decode(AppealsAPITests.Problem.self, from: b1)
            #expect(s1 == .badRequest && p1.code == "invalid_action" && p1.field == "action")
            let (s2, b2) = try await api.act(app, w, id, as: "head", #"{"action":"terminate","ground":"tired","note":"x"}"#)
            let p2 = try JSONDecoder().decode(AppealsAPITests.Problem.self, from: b2)
            #expect(s2 == .badRequest && p2.code == "invalid_value" && p2.field == "ground")
        }
    }

    @Test("Every action has its own form on its own page; the card's menu links exactly the steps allowed now")
    func everyActionHasAForm() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let a = try await app.appealService.register(Procedure.Draft(channel: .paper, receivedAt: app.now, essence: "Жарық жоқ"),
                                                         actor: w.registrar, idempotencyKey: nil).appeal
            try await PagesTests.person(app, body: w.bodyA.id, login: "boss", name: "Бастық", position: "басшы", roles: [.head])
            let b = PagesTests.Browser()
            try await b.signIn(app, "boss")
            let path = "/appeals/\(a.id)"
            let (_, card, _) = try await b.get(app, path)
            let allowed = Set(Permissions.available(actor: Actor(userID: UUID(), bodyID: w.bodyA.id, name: "", position: "", roles: [.head]), appeal: a))
            for action in Action.allCases {
                guard action.step.viaActions else {
                    // A step with a file (or the export) is a form of the case file, not a page of its own.
                    let (status, _, headers) = try await b.get(app, path + "/steps/" + action.rawValue)
                    #expect(status == .seeOther && headers.first(name: .location) == path + "#case", "\(action.rawValue) leads to the case file")
                    #expect(!card.contains(#"data-action="\#(action.rawValue)""#))
                    continue
                }
                if HearingPagesController.pageOnly.contains(action) {
                    // R30–R37: the hearing's steps are forms of the hearing page, where the card's menu leads.
                    let (status, _, headers) = try await b.get(app, path + "/steps/" + action.rawValue)
                    #expect(status == .seeOther && headers.first(name: .location) == path + "/hearing#form-" + action.rawValue)
                    #expect(card.contains(#"data-action="\#(action.rawValue)""#) == allowed.contains(action), "menu: \(action.rawValue)")
                    continue
                }
                if ActPagesController.pageOnly.contains(action) {
                    // R38–R44: the act's steps are forms of the act page, where the card's menu leads.
                    let (status, _, headers) = try await b.get(app, path + "/steps/" + action.rawValue)
                    #expect(status == .seeOther && headers.first(name: .location) == path + "/act#form-" + action.rawValue)
                    #expect(card.contains(#"data-action="\#(action.rawValue)""#) == allowed.contains(action), "menu: \(action.rawValue)")
                    continue
                }
                let (status, page, _) = try await b.get(app, path + "/steps/" + action.rawValue)
                #expect(status == .ok && page.contains(#"action="\#(path)/steps/\#(action.rawValue)""#), "no page for \(action.rawValue)")
                #expect(page.contains(#"name="action" value="\#(action.rawValue)""#))
                #expect(card.contains(#"data-action="\#(action.rawValue)""#) == allowed.contains(action), "menu: \(action.rawValue)")
            }
            #expect(card.contains(#"action="\#(path)/case/documents""#) == allowed.contains(.addDocument))
            #expect(card.contains(#"action="\#(path)/case/exports""#) == allowed.contains(.recordExport))
            #expect(try await b.get(app, path + "/steps/no_such_step").0 == .notFound)
        }
    }
}

@Suite("Actions in the OpenAPI document")
struct ActionOpenAPITests {
    @Test("The OpenAPI document lists exactly the actions of the step table")
    func openAPIActions() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ZhauapWeb/Resources/openapi.json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let schemas = (doc["components"] as? [String: Any])?["schemas"] as? [String: Any]
        // One schema per step, each naming its action as a constant.
        let branches = try #require((schemas?["Action"] as? [String: Any])?["oneOf"] as? [[String: Any]])
        let names = branches.compactMap { (($0["properties"] as? [String: Any])?["action"] as? [String: Any])?["const"] as? String }
        let sent = Action.allCases.filter { $0.step.viaActions }
        #expect(Set(names) == Set(sent.map(\.rawValue)) && names.count == sent.count)
    }
}

@Suite("Refusals name the field as the API spells it")
struct RefusalFieldTests {
    @Test("An empty required text is 422 missing_field naming the API field")
    func emptyTextNamesField() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let api = AppealsAPITests()
            let id = try #require(try await api.register(app, w).1?.appeal.id)
            for (json, field) in [(#"{"action":"forward","targetName":"  "}"#, "targetName"),
                                  (#"{"action":"terminate","ground":"withdrawn","note":""}"#, "note"),
                                  (#"{"action":"request_recusal","source":"participant","reason":" "}"#, "reason")] {
                let (s, body) = try await api.act(app, w, id, as: "head", json)
                let p = try JSONDecoder().decode(AppealsAPITests.Problem.self, from: body)
                #expect(s == .unprocessableEntity && p.code == "missing_field" && p.field == field, "\(json)")
            }
        }
    }
}
