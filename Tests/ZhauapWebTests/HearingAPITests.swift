import Foundation
import NIOFoundationEssentialsCompat
import Testing
import VaporTesting
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// The hearing through the API (R30–R37; APPC 73, 74), on SQLite and PostgreSQL: the rules' table over HTTP;
/// a burdening decision prepared, the draft sent and delivered across the May 2024 holidays and the decreed
/// working Saturday, the applicant's online objection in and out of the window, the protocol refused without
/// an item and then recorded, the copy sent; the adoption gate the day before, of and after.
@Suite("Hearing: R30–R37 through the API")
struct HearingAPITests {
    struct Rule: Decodable { var decision: String; var rule: String; var reason: LocalizedText; var articles: [String]; var status: String; var omissionReason: String? }
    struct View: Decodable {
        struct Participant: Decodable { var number: Int; var role: String; var draftReceivedOn: String?; var objectionUntil: String?; var adoptableFrom: String? }
        struct Argument: Decodable { var number: Int; var channel: String; var late: Bool; var document: Int? }
        struct Sending: Decodable { var sending: Int; var document: String; var deliveredOn: String?; var channel: String }
        struct Held: Decodable { struct P: Decodable { var secretaryName: String; var documents: [Int]; var draftReceivedOn: String? }; var form: String; var `protocol`: P? }
        struct Hearing: Decodable {
            var ruling: Rule; var participants: [Participant]; var arguments: [Argument]; var sendings: [Sending]; var status: String; var held: Held?
            var drafts: [Draft]; var invitations: [Invitation]
            struct Draft: Decodable { var version: Int; var documents: [Int] }
            struct Invitation: Decodable { var form: String; var documents: [Int] }
        }
        struct Block: Decodable { var code: String; var earliest: String?; var participant: Int? }
        struct Adoption: Decodable { var allowed: Bool; var on: String; var earliest: String?; var blocks: [Block] }
        struct Term: Decodable { var purpose: String; var due: String; var explanation: [String: [String]] }
        var preview: [String: Rule]; var hearing: Hearing?; var adoption: Adoption; var terms: [Term]; var allowedActions: [String]
    }

    let api = AppealsAPITests()

    /// The guide's table (R34, R35), as the API must answer it.
    static func expected(_ kind: AppealKind, _ outcome: HearingOutcome, _ thirdParty: Bool, _ exception: HearingException?) -> String {
        if kind.isSimplified || outcome == .none { return "not_applicable" }
        if outcome == .favourable && !thirdParty { return "optional" }
        if exception != nil { return "may_omit_with_reason" }
        return thirdParty ? "required_with_third_parties" : "required"
    }
    static let application = #"{"channel":"paper","receivedAt":"2024-04-29T10:00:00+05:00","essence":"Жер учаскесін беруіңізді сұраймын","signaturePresent":true,"applicant":{"kind":"individual","surname":"Нұрланов","givenName":"Ержан","iin":"061211600012","postalAddress":"Көкшетау, Абай к-сі 1","email":"e@example.kz"}}"#

    func view(_ app: Application, _ w: World, _ id: UUID, as who: String = "executor") async throws -> View {
        let (s, body) = try await api.get(app, "api/v1/appeals/\(id)/hearing", headers: w.auth(who))
        #expect(s == .ok, "\(String(decoding: body, as: UTF8.self))")
        return try JSONDecoder().decode(View.self, from: body)
    }

    func ok(_ app: Application, _ w: World, _ id: UUID, as who: String = "executor", _ json: String,
            sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (s, body) = try await api.act(app, w, id, as: who, json)
        #expect(s == .ok, "\(json): \(String(decoding: body, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    func problem(_ d: Data) -> AppealsAPITests.Problem? { try? JSONDecoder().decode(AppealsAPITests.Problem.self, from: d) }

    @Test("R34, R35: GET /api/v1/hearing-rule answers the whole table of kind × outcome × third parties × exception")
    func ruleTable() async throws {
        try await withZhauapApp { app in
            for kind in AppealKind.allCases {
                for outcome in HearingOutcome.allCases {
                    for tp in [false, true] {
                        for e in [nil] + HearingException.allCases.map(Optional.some) {
                            var path = "api/v1/hearing-rule?kind=\(kind.rawValue)&outcome=\(outcome.rawValue)&burdensThirdParty=\(tp)"
                            if let e { path += "&exception=\(e.rawValue)" }
                            let (s, body) = try await api.get(app, path)
                            #expect(s == .ok, "\(path)")
                            let r = try JSONDecoder().decode(Rule.self, from: body)
                            #expect(r.decision == Self.expected(kind, outcome, tp, e), "\(path)")
                            #expect(!r.articles.isEmpty && !r.reason.kk.isEmpty && !r.reason.ru.isEmpty && !r.reason.en.isEmpty)
                            #expect((r.omissionReason != nil) == (r.decision == "may_omit_with_reason" || r.decision == "optional"))
                        }
                    }
                }
            }
            var (s, body) = try await api.get(app, "api/v1/hearing-rule?outcome=burdening")
            #expect(problem(body)?.field == "kind" && s.code >= 400 && s.code < 500)
            (s, body) = try await api.get(app, "api/v1/hearing-rule?kind=application&outcome=harsh")
            #expect(problem(body)?.field == "outcome" && s.code >= 400 && s.code < 500)
            (s, body) = try await api.get(app, "api/v1/hearing-rule?kind=application&outcome=burdening&exception=later")
            #expect(problem(body)?.field == "exception" && s.code >= 400 && s.code < 500)
            (s, body) = try await api.get(app, "api/v1/hearing-rule?kind=application&outcome=burdening&on=2021-06-30")
            #expect(s == .unprocessableEntity && problem(body)?.code == "no_hearing_rule")
        }
    }

    @Test("R30–R37: a burdening decision — the draft sent Thu 2 May 2024, delivered Fri 3 May; the applicant objects online on the working Saturday, not on Monday; the video hearing's protocol; the act from Fri 10 May",
          arguments: TestDatabases.all)
    func burdeningFlow(database: DatabaseLocation) async throws {
        let clock = TestClock(kz: "2024-04-29T11:00:00+05:00")
        try await withZhauapApp(database: database, clock: clock) { app in
            let w = try await World.make(app)
            let reg = try #require(try await api.register(app, w, Self.application).1)
            let id = reg.appeal.id
            try await ok(app, w, id, as: "head", #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#)
            var v = try await view(app, w, id)
            #expect(v.hearing == nil && v.preview.isEmpty && !v.allowedActions.contains("plan_hearing"), "the kind is not confirmed yet")
            try await ok(app, w, id, #"{"action":"confirm_kind","kind":"application"}"#)
            v = try await view(app, w, id)
            #expect(v.preview["burdening"]?.decision == "required" && v.preview["favourable"]?.decision == "optional")
            #expect(v.adoption.blocks.map(\.code) == ["hearing_not_planned"])
            // R31: a registrar does not conduct the hearing.
            var (s, body) = try await api.act(app, w, id, as: "registrar", #"{"action":"plan_hearing","outcome":"burdening"}"#)
            #expect(s == .forbidden && problem(body)?.code == "forbidden")
            clock.set(iso: "2024-04-30T11:00:00+05:00")
            try await ok(app, w, id, #"{"action":"plan_hearing","outcome":"burdening"}"#)
            try await ok(app, w, id, #"{"action":"prepare_draft","summaryKk":"Жер учаскесін беруден бас тарту","reasoningKk":"ЖК 43-бабы"}"#)
            v = try await view(app, w, id)
            let draftDoc = try #require(v.hearing?.drafts.first?.documents.first)
            #expect(v.hearing?.ruling.decision == "required" && v.hearing?.participants.map(\.role) == ["addressee"])
            clock.set(iso: "2024-05-02T17:30:00+05:00")
            try await ok(app, w, id, #"{"action":"record_sending","document":"draft_decision","language":"kk","channel":"email","reference":"e@example.kz","participant":1}"#)
            v = try await view(app, w, id)
            let sending = try #require(v.hearing?.sendings.first { $0.document == "draft_decision" }?.sending)
            #expect(v.adoption.blocks.map(\.code) == ["hearing_pending", "draft_not_delivered"])
            // The day before the sending is refused; delivery recorded the next day.
            clock.set(iso: "2024-05-03T09:00:00+05:00")
            (s, body) = try await api.act(app, w, id, as: "executor", #"{"action":"record_delivery","sending":\#(sending),"deliveredOn":"2024-05-01","proof":"x"}"#)
            #expect(s == .unprocessableEntity && problem(body)?.code == "delivery_out_of_range" && problem(body)?.field == "deliveredOn")
            try await ok(app, w, id, #"{"action":"record_delivery","sending":\#(sending),"deliveredOn":"2024-05-03","proof":"оқылды туралы хабарлама"}"#)
            (s, body) = try await api.act(app, w, id, as: "executor", #"{"action":"record_delivery","sending":\#(sending),"proof":"y"}"#)
            #expect(s == .conflict && problem(body)?.code == "delivery_already_recorded")
            v = try await view(app, w, id)
            let p1 = try #require(v.hearing?.participants.first)
            #expect(p1.draftReceivedOn == "2024-05-03" && p1.objectionUntil == "2024-05-04" && p1.adoptableFrom == "2024-05-10")
            #expect(Set(v.terms.map(\.purpose)) == ["objection", "draft_lead"])
            #expect(v.terms.first { $0.purpose == "draft_lead" }?.due == "2024-05-10" && !(v.terms.first?.explanation["kk"] ?? []).isEmpty)
            // APPC 73(3): the applicant objects online with the number and the coupon's code, on the decreed working Saturday.
            clock.set(iso: "2024-05-04T20:00:00+05:00")
            func object(_ code: String, _ text: String) async throws -> (HTTPStatus, Data) {
                var out: (HTTPStatus, Data) = (.internalServerError, Data())
                let json = try JSONEncoder().encode(["number": reg.coupon.number, "code": code, "text": text])
                try await app.testing().test(.POST, "api/v1/track/objection", headers: ["Content-Type": "application/json"],
                                             body: ByteBuffer(data: json)) { res async throws in out = (res.status, Data(buffer: res.body)) }
                return out
            }
            (s, body) = try await object(reg.coupon.trackingCode.lowercased(), "Келіспеймін: учаске бос, 2023 жылғы тексеру актісі қате.")
            #expect(s == .created && String(decoding: body, as: UTF8.self).contains("\"receivedOn\":\"2024-05-04\""))
            (s, body) = try await object("WRONG", "x")
            #expect(s == .notFound)
            clock.set(iso: "2024-05-06T10:00:00+05:00")
            (s, body) = try await object(reg.coupon.trackingCode, "Кеш")
            #expect(s == .unprocessableEntity && problem(body)?.code == "objection_window_closed")
            await #expect(throws: ProcedureError.objectionWindowClosed(until: CivilDate("2024-05-04")!)) {
                _ = try await app.appealService.submitObjection(number: reg.coupon.number, code: reg.coupon.trackingCode, text: "Кеш")
            }
            v = try await view(app, w, id)
            let arg = try #require(v.hearing?.arguments.first)
            #expect(arg.channel == "online" && !arg.late && arg.document != nil && v.hearing?.arguments.count == 1)
            let desk = try await app.appealService.objectionsAwaitingAnswer(actor: w.executor, mine: true)
            #expect(desk.map(\.id) == [id], "the objection waits on the executor's desk")
            try await ok(app, w, id, #"{"action":"answer_argument","number":1,"accepted":false,"reasonKk":"2024 жылғы тексеру актісі учаскенің бос еместігін көрсетеді"}"#)
            #expect(try await app.appealService.objectionsAwaitingAnswer(actor: w.executor, mine: true).isEmpty)
            // An oral objection the registrar records waits on the desk too, until answered.
            try await ok(app, w, id, as: "registrar", #"{"action":"record_objection","channel":"oral","text":"Телефон арқылы: учаске бос"}"#)
            #expect(try await app.appealService.objectionsAwaitingAnswer(actor: w.executor, mine: true).map(\.id) == [id])
            #expect(try await app.appealService.objectionsAwaitingAnswer(actor: w.head, mine: false).map(\.id) == [id])
            try await ok(app, w, id, #"{"action":"answer_argument","number":2,"accepted":true,"reasonKk":"Ескерілді: қосымша тексеру жүргізіледі"}"#)
            #expect(try await app.appealService.objectionsAwaitingAnswer(actor: w.head, mine: false).isEmpty)
            // R32: the invitation, in Kazakh and Russian.
            try await ok(app, w, id, #"{"action":"invite_to_hearing","form":"video_call","app":"WhatsApp","date":"2024-05-07","time":"10:00","place":"+7 701 111 11 11"}"#)
            let invitationDocs = try #require(try await view(app, w, id).hearing?.invitations.first?.documents)
            #expect(invitationDocs.count == 2, "Kazakh and Russian")
            // R37, APPC 74: a protocol without the secretary is refused by name; nothing is stored.
            clock.set(iso: "2024-05-07T15:00:00+05:00")
            let protocolJSON = #"{"action":"record_hearing","form":"video_call","place":"WhatsApp бейнебайланысы","startTime":"10:00","endTime":"10:35","presidingName":"Арман Қасымов","participantsPresent":["Нұрланов Ержан"],"matterKk":"Жер учаскесін беру туралы өтініш","contentKk":"Өтініш беруші қарсылығын түсіндірді; сұрақтарға жауап берді.","recordingMeans":"бейнежазбасыз","signedByPresiding":true,"signedBySecretary":true,"readingPlace":"Көкшетау, Абай к-сі 10, 204 каб.""#
            (s, body) = try await api.act(app, w, id, as: "executor", protocolJSON + "}")
            #expect(s == .unprocessableEntity && problem(body)?.code == "missing_field" && problem(body)?.field == "secretaryName")
            #expect(try await view(app, w, id).hearing?.status == "pending")
            try await ok(app, w, id, protocolJSON + #","secretaryName":"Дана Ахметова"}"#)
            v = try await view(app, w, id)
            let prot = try #require(v.hearing?.held?.protocol)
            #expect(v.hearing?.status == "held" && prot.secretaryName == "Дана Ахметова" && prot.draftReceivedOn == "2024-05-03" && prot.documents.count == 1)
            // R36: the copy goes by messenger, and the sending is recorded.
            try await ok(app, w, id, #"{"action":"record_sending","document":"hearing_protocol","language":"kk","channel":"messenger","reference":"+7 701 000 00 00"}"#)
            // The case file holds the draft, the objection and the protocol.
            let (cs, caseBody) = try await api.get(app, "api/v1/appeals/\(id)/case", headers: w.auth("executor"))
            #expect(cs == .ok)
            let caseText = String(decoding: caseBody, as: UTF8.self)
            #expect(caseText.contains("\"draft_decision\"") && caseText.contains("\"objection\"") && caseText.contains("\"hearing_protocol\""))
            // The documents as frozen in the case (R13): the draft with the right to object, the invitation in both languages, the protocol.
            func document(_ n: Int) async throws -> String {
                let (ds, d) = try await api.get(app, "api/v1/appeals/\(id)/case/documents/\(n)", headers: w.auth("executor"))
                #expect(ds == .ok)
                return String(decoding: d, as: UTF8.self)
            }
            let draftHTML = try await document(draftDoc)
            #expect(draftHTML.contains("ЖОБА") && draftHTML.contains("Жер учаскесін беруден бас тарту") && draftHTML.contains("екі жұмыс күні"))
            let invitationRu = try await document(invitationDocs[1])
            #expect(invitationRu.contains("Приглашение на заслушивание") && invitationRu.contains("WhatsApp") && invitationRu.contains("10:00"))
            let protocolHTML = try await document(prot.documents[0])
            #expect(protocolHTML.contains("Тыңдау хаттамасы") && protocolHTML.contains("Дана Ахметова") && protocolHTML.contains("10:00–10:35"))
            #expect(protocolHTML.contains("Адресат шешім жобасын алған күн"), "R37: when the addressee received the draft")
            // R33: the act — the day before, of and after.
            clock.set(iso: "2024-05-09T11:00:00+05:00")
            v = try await view(app, w, id)
            #expect(!v.adoption.allowed && v.adoption.blocks.map(\.code) == ["too_early"] && v.adoption.blocks.first?.earliest == "2024-05-10")
            clock.set(iso: "2024-05-10T09:00:00+05:00")
            #expect(try await view(app, w, id).adoption.allowed)
            clock.set(iso: "2024-05-13T09:00:00+05:00")
            #expect(try await view(app, w, id).adoption.allowed)
            // The trail names each step.
            let (_, full) = try await api.get(app, "api/v1/appeals/\(id)?trail=true", headers: w.auth("head"))
            let trail = String(decoding: full, as: UTF8.self)
            for kind in ["hearing_planned", "draft_prepared", "delivery_recorded", "objection_recorded", "argument_answered", "hearing_held"] {
                #expect(trail.contains("\"\(kind)\""), "\(kind) on the trail")
            }
        }
    }

    @Test("R35: the hearing omitted for a favourable act that burdens nobody — the reason and its article kept for the act; a required one cannot be omitted",
          arguments: TestDatabases.all)
    func omitted(database: DatabaseLocation) async throws {
        let clock = TestClock(kz: "2024-04-29T11:00:00+05:00")
        try await withZhauapApp(database: database, clock: clock) { app in
            let w = try await World.make(app)
            let id = try #require(try await api.register(app, w, Self.application).1?.appeal.id)
            try await ok(app, w, id, as: "head", #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#)
            try await ok(app, w, id, #"{"action":"confirm_kind","kind":"application"}"#)
            try await ok(app, w, id, #"{"action":"plan_hearing","outcome":"burdening"}"#)
            var (s, body) = try await api.act(app, w, id, as: "executor", #"{"action":"omit_hearing","reason":"favourable_no_third_party"}"#)
            #expect(s == .unprocessableEntity && problem(body)?.code == "omission_not_allowed" && problem(body)?.field == "reason")
            try await ok(app, w, id, as: "head", #"{"action":"plan_hearing","outcome":"favourable","burdensThirdParty":false}"#)
            try await ok(app, w, id, #"{"action":"omit_hearing","reason":"favourable_no_third_party","note":"адресатқа ғана қатысты"}"#)
            let (_, raw) = try await api.get(app, "api/v1/appeals/\(id)/hearing", headers: w.auth("executor"))
            let text = String(decoding: raw, as: UTF8.self)
            #expect(text.contains("\"omitted\"") && text.contains("APPC 73") && text.contains("favourable_no_third_party"))
            let v = try await view(app, w, id)
            #expect(v.hearing?.status == "omitted" && v.adoption.allowed && !v.allowedActions.contains("record_hearing"))
            (s, body) = try await api.act(app, w, id, as: "executor", #"{"action":"record_hearing","form":"email"}"#)
            #expect(s == .conflict && problem(body)?.code == "hearing_concluded")
        }
    }
}
