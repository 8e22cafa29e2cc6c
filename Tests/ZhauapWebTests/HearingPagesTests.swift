import Fluent
import Foundation
import Testing
import VaporTesting
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// The hearing's page as an executor uses it (R30–R37; APPC 73, 74), the applicant's objection through the
/// public tracking page, and the desk's list of objections awaiting an answer — in Kazakh and in Russian.
@Suite("Pages: the hearing")
struct HearingPagesTests {
    typealias Browser = PagesTests.Browser

    /// An application under consideration, its kind confirmed, assigned to `exe` (signed in as `browser`).
    struct Case {
        var appeal: Appeal
        var path: String
        var executor: Actor
        var browser: Browser
        var service: AppealService
    }

    static func application(_ app: Application, clock: TestClock, essence: String = "Маған ЖТҮҚ үшін жер учаскесін бөліп беруіңізді сұраймын") async throws -> Case {
        let org = FluentOrganisationStore(database: app.db)
        let body = AdministrativeBody(code: "AKM", nameKk: "Ақмола облысының әкімдігі", nameRu: "Акимат Акмолинской области")
        try await org.add(body)
        let registrar = try await PagesTests.person(app, body: body.id, login: "reg", name: "Әлия", position: "тіркеуші", roles: [.registrar])
        let executor = try await PagesTests.person(app, body: body.id, login: "exe", name: "Арман", position: "маман", roles: [.executor])
        let head = try await PagesTests.person(app, body: body.id, login: "head", name: "Бақыт", position: "басшы", roles: [.head])
        let service = app.appealService
        let appeal = try await service.register(
            Procedure.Draft(channel: .paper, receivedAt: clock.now,
                            applicant: Applicant(surname: "Нұрланов", givenName: "Ержан", postalAddress: "Астана, Бейбітшілік к-сі 1"),
                            essence: essence, signaturePresent: true),
            actor: Actor(userID: registrar, bodyID: body.id, name: "Әлия", position: "тіркеуші", roles: [.registrar]), idempotencyKey: nil).appeal
        let exec = Actor(userID: executor, bodyID: body.id, name: "Арман", position: "маман", roles: [.executor])
        _ = try await service.perform(.assign(executorID: executor), on: appeal.id,
                                      actor: Actor(userID: head, bodyID: body.id, name: "Бақыт", position: "басшы", roles: [.head]))
        let confirmed = try await service.perform(.confirmKind(.application, area: nil, special: nil), on: appeal.id, actor: exec)
        let browser = Browser()
        try await browser.signIn(app, "exe")
        return Case(appeal: confirmed, path: "/appeals/\(appeal.id)", executor: exec, browser: browser, service: service)
    }

    /// Runs `body` on an application of its own with an application ready for the hearing (its draft sent and
    /// delivered on 9 June 2026 when `delivered`), the clock pinned at 9 June 2026.
    static func withCase(delivered: Bool = false, _ body: @escaping (Application, Case, TestClock) async throws -> Void) async throws {
        let clock = TestClock(pinnedMoment)
        try await withZhauapApp(clock: clock) { app in
            let c = try await Self.application(app, clock: clock)
            if delivered { try await Self.draftDelivered(app, c) }
            try await body(app, c, clock)
        }
    }

    /// Posts one of the hearing page's forms as a browser does: the page's CSRF token, a one-time key.
    @discardableResult
    static func post(_ b: Browser, _ app: Application, _ path: String, _ action: String, _ fields: [String: String]) async throws
        -> (HTTPStatus, String, HTTPHeaders) {
        let (_, page, _) = try await b.get(app, path + "/hearing")
        var form = fields
        form["_csrf"] = PagesTests.csrf(page)
        form["_once"] = UUID().uuidString
        return try await b.post(app, path + "/hearing/steps/" + action, form: form)
    }

    /// Plans a burdening act, prepares the draft, sends it to the applicant by post and records its delivery today.
    static func draftDelivered(_ app: Application, _ c: Case) async throws {
        var (s, _, h) = try await post(c.browser, app, c.path, "plan_hearing", ["outcome": "burdening", "_form": "plan_hearing"])
        #expect(s == .seeOther && h.first(name: .location) == c.path + "/hearing?done=plan_hearing")
        (s, _, _) = try await post(c.browser, app, c.path, "prepare_draft",
                                   ["summaryKk": "Жер учаскесін беруден бас тарту көзделеді <b>бос жер жоқ</b>", "factsKk": "Ауылда бос учаске жоқ",
                                    "reasoningKk": "Жер кодексінің 43-бабы", "_form": "prepare_draft"])
        #expect(s == .seeOther)
        (s, _, _) = try await post(c.browser, app, c.path, "record_sending",
                                   ["document": "draft_decision", "participant": "1", "language": "kk", "channel": "post", "sentOn": "2026-06-09",
                                    "reference": "RR000111222KZ", "_form": "record_sending"])
        #expect(s == .seeOther)
        let sending = try await c.service.view(c.appeal.id, actor: c.executor).appeal.sendings.count
        (s, _, _) = try await post(c.browser, app, c.path, "record_delivery",
                                   ["sending": "\(sending)", "deliveredOn": "2026-06-09", "proof": "хабарламаға қол қойылды", "_form": "record_delivery-\(sending)"])
        #expect(s == .seeOther)
    }

    @Test("R34: an executor plans a burdening hearing on an application and the page says it is required, citing APPC 73; a registrar sees no plan form")
    func burdeningRequired() async throws {
        try await Self.withCase { app, c, _ in
            var (status, page, _) = try await c.browser.get(app, c.path)
            #expect(page.contains("id=\"hearing-link\"") && page.contains("\(c.path)/hearing"), "the appeal page links the hearing")
            #expect(page.contains("\(c.path)/hearing#form-plan_hearing"), "the step menu leads to the hearing page's form")
            (status, page, _) = try await c.browser.get(app, c.path + "/hearing")
            #expect(status == .ok && page.contains("id=\"hearing-not-planned\""))
            #expect(page.contains("Ауыртпалық түсіретін акт") && page.contains("Тыңдау міндетті") && page.contains("Тыңдау міндетті емес"),
                    "before planning: what a burdening and a favourable act would need")
            #expect(page.contains("id=\"form-plan_hearing\""))
            let (s, _, h) = try await Self.post(c.browser, app, c.path, "plan_hearing", ["outcome": "burdening", "_form": "plan_hearing"])
            #expect(s == .seeOther && h.first(name: .location) == c.path + "/hearing?done=plan_hearing")
            (_, page, _) = try await c.browser.get(app, c.path + "/hearing?done=plan_hearing")
            #expect(page.contains("Тыңдау жоспарланды.") && page.contains("decision-required") && page.contains("Тыңдау міндетті"))
            #expect(page.contains("APPC 73, APPC 74") && page.contains("badge status-S"), "the rule's articles and its status")
            #expect(page.contains("Нұрланов Ержан") && page.contains("актінің адресаты"), "the applicant is the first participant")
            #expect(page.contains("id=\"gate-blocked\"") && page.contains("шешім жобасы дайындалмаған"), "the gate says what is missing")
            let stored = try await c.service.view(c.appeal.id, actor: c.executor).appeal
            #expect(stored.hearing?.ruling.decision == .required)
            // The appeal page states the rules' answer with its reasoning, and that the hearing is still to come.
            (_, page, _) = try await c.browser.get(app, c.path)
            #expect(page.contains("id=\"hearing-summary\"") && page.contains("Тыңдау міндетті: Ауыртпалық түсіретін әкімшілік акт алдында")
                    && page.contains("Тыңдау әлі өткізілген жоқ."))
            // In Russian.
            (_, page, _) = try await c.browser.get(app, c.path + "/hearing?lang=ru")
            #expect(page.contains("Заслушивание обязательно") && page.contains("Перед обременяющим административным актом") && page.contains("Участники"))
            // A registrar (not the executor) sees the page but not the plan form.
            let registrar = Browser()
            try await registrar.signIn(app, "reg")
            (status, page, _) = try await registrar.get(app, c.path + "/hearing")
            #expect(status == .ok && page.contains("Тыңдау") && !page.contains("id=\"form-plan_hearing\"") && !page.contains("/hearing/steps/plan_hearing"))
            #expect(!page.contains("/hearing/steps/prepare_draft"), "nor the draft's")
        }
    }

    @Test("R33: the hearing page shows the earliest day of the act after the draft's delivery, each participant's last day to object, the draft escaped")
    func draftDeliveredEarliestDay() async throws {
        try await Self.withCase(delivered: true) { app, c, _ in
            let view = try await c.service.hearingView(c.appeal.id, actor: c.executor)
            let receipt = try #require(view.receipts.first)
            let earliest = try #require(receipt.adoptableFrom), until = try #require(receipt.objectionUntil)
            #expect(receipt.receivedOn == CivilDate("2026-06-09") && until > receipt.receivedOn! && earliest > until)
            let (_, page, _) = try await c.browser.get(app, c.path + "/hearing")
            #expect(page.contains("<td data-label=\"Қарсылықтың соңғы күні\" class=\"date objection-until\">\(until.dotted)</td>"))
            #expect(page.contains("class=\"date adoptable-from\">\(earliest.dotted)</td>"))
            #expect(page.contains("үш жұмыс күні өтпеген") && page.contains(earliest.inWords(.kk)), "the gate names the earliest day")
            #expect(page.contains("табыс етілді 09.06.2026") && page.contains("хабарламаға қол қойылды"), "the sending with its delivery and proof")
            #expect(page.contains("&lt;b&gt;бос жер жоқ&lt;/b&gt;") && !page.contains("<b>бос жер жоқ</b>"), "the draft's text is escaped")
            #expect(page.contains("\(c.path)/case/documents/"), "the draft links its case document")
            #expect(page.contains("Шешім жобасына қарсылық"), "the objection window as a term, explained")
            // The delivery form is gone once recorded; a second delivery of the same sending is refused in words.
            #expect(!page.contains("/hearing/steps/record_delivery\""))
            let (s, refused, _) = try await Self.post(c.browser, app, c.path, "record_delivery",
                                                      ["sending": "1", "proof": "тағы", "_form": "record_delivery-1"])
            #expect(s == .conflict && refused.contains("Бұл құжаттың табыс етілгені белгіленген."))
        }
    }

    @Test("APPC 73(3): an online objection through /track/objection within the window lands in the case file and on the executor's desk; after the window it is refused with the date; a wrong code is not found")
    func onlineObjection() async throws {
        try await Self.withCase(delivered: true) { app, c, clock in
            let a = try await c.service.view(c.appeal.id, actor: c.executor).appeal
            let until = try #require(a.draftReceipts(calendar: try await app.calendarProvider.current(), rules: app.termRules).first?.objectionUntil)
            // The applicant, not signed in, tracks the appeal and reads the draft.
            let citizen = Browser()
            var (_, page, _) = try await citizen.get(app, "/track")
            var (s, tracked, _) = try await citizen.post(app, "/track", form: ["_csrf": PagesTests.csrf(page), "number": a.registration.number,
                                                                               "code": a.registration.trackingCode.lowercased()])
            #expect(s == .ok && tracked.contains("id=\"draft\"") && tracked.contains("Жер учаскесін беруден бас тарту көзделеді"))
            #expect(tracked.contains("id=\"objection-until\"") && tracked.contains(until.dotted) && tracked.contains("action=\"/track/objection\""))
            #expect(!tracked.contains("Нұрланов") && !tracked.contains(a.registration.trackingCode), "no other data than tracking shows")
            // A wrong code: the tracking page's not-found answer.
            (s, page, _) = try await citizen.post(app, "/track/objection", form: ["_csrf": PagesTests.csrf(tracked), "number": a.registration.number,
                                                                                 "code": "WRONG1", "text": "Келіспеймін"])
            #expect(s == .notFound && page.contains("Мұндай нөмір мен код бойынша жолданым табылмады."))
            #expect(!page.contains("id=\"draft\""))
            #expect(try await citizen.post(app, "/track/objection", form: ["number": a.registration.number, "code": a.registration.trackingCode,
                                                                          "text": "x"]).0 == .forbidden, "CSRF as the track form")
            // Within the window: received, in the case file, on the executor's desk and the head's page.
            (s, page, _) = try await citizen.post(app, "/track/objection", form: ["_csrf": PagesTests.csrf(tracked), "number": a.registration.number,
                                                                                 "code": a.registration.trackingCode,
                                                                                 "text": "Келіспеймін: көршімнің учаскесі бос тұр"])
            #expect(s == .ok && page.contains("id=\"objection-received\"") && page.contains(a.registration.number))
            let stored = try await c.service.view(c.appeal.id, actor: c.executor).appeal
            let argument = try #require(stored.hearing?.arguments.first)
            #expect(argument.channel == .online && !argument.late && argument.document != nil)
            #expect(stored.documents.contains { $0.kind == .objection && $0.number == argument.document })
            (_, page, _) = try await c.browser.get(app, "/desk")
            #expect(page.contains("id=\"objections\"") && page.contains("\(c.path)/hearing#arguments") && page.contains(a.registration.number))
            let head = Browser()
            try await head.signIn(app, "head")
            (_, page, _) = try await head.get(app, "/head")
            #expect(page.contains("\(c.path)/hearing#arguments"), "the head sees the body's")
            (_, page, _) = try await c.browser.get(app, c.path + "/hearing")
            #expect(page.contains("id=\"argument-1\"") && page.contains("бақылау беті арқылы") && page.contains("көршімнің учаскесі бос тұр"))
            #expect(page.contains("/hearing/steps/answer_argument"), "each argument has its answer form")
            // Answered: it leaves the desk.
            let (answered, _, _) = try await Self.post(c.browser, app, c.path, "answer_argument",
                                                       ["number": "1", "accepted": "false", "reasonKk": "Көрші учаске басқа адамға берілген",
                                                        "_form": "answer_argument-1"])
            #expect(answered == .seeOther)
            (_, page, _) = try await c.browser.get(app, "/desk")
            #expect(!page.contains("\(c.path)/hearing#arguments"))
            // After the window: refused with its last day, the text kept for the applicant.
            clock.set(iso: "2026-06-16T11:00:00+05:00")
            (_, page, _) = try await citizen.get(app, "/track")
            (s, page, _) = try await citizen.post(app, "/track/objection", form: ["_csrf": PagesTests.csrf(page), "number": a.registration.number,
                                                                                 "code": a.registration.trackingCode, "text": "Тағы бір қарсылық"])
            #expect(s == .unprocessableEntity && page.contains("id=\"objection-error\"") && page.contains(until.inWords(.kk)) && page.contains("Тағы бір қарсылық"))
            #expect(try await c.service.view(c.appeal.id, actor: c.executor).appeal.hearing?.arguments.count == 1)
            // In Russian, the same refusal in Russian.
            (_, page, _) = try await citizen.get(app, "/track?lang=ru")
            (_, page, _) = try await citizen.post(app, "/track/objection", form: ["_csrf": PagesTests.csrf(page), "number": a.registration.number,
                                                                                 "code": a.registration.trackingCode, "text": "Возражаю"])
            #expect(page.contains("Срок для возражения истёк") && page.contains(until.inWords(.ru)))
        }
    }

    @Test("APPC 74, R37: the protocol form missing the secretary is refused naming the field, the typed values kept; the complete one is recorded and its copy sent by messenger (R32: the invitation to a WhatsApp call; R35: an interested person joins)")
    func protocolNeedsSecretary() async throws {
        try await Self.withCase(delivered: true) { app, c, _ in
            // R32: invited to a WhatsApp call; a video call without its application is refused naming the field.
            var invitation = ["form": "video_call", "date": "2026-06-09", "time": "15:00", "place": "+7 701 000 00 00", "_form": "invite_to_hearing"]
            var (s, page, _) = try await Self.post(c.browser, app, c.path, "invite_to_hearing", invitation)
            #expect(s == .unprocessableEntity && page.contains("Қолданба (WhatsApp, Zoom…)") && page.contains("value=\"+7 701 000 00 00\""))
            invitation["app"] = "WhatsApp"
            (s, _, _) = try await Self.post(c.browser, app, c.path, "invite_to_hearing", invitation)
            #expect(s == .seeOther)
            // R35: an interested person joins, with contacts and a channel.
            (s, _, _) = try await Self.post(c.browser, app, c.path, "add_participant",
                                            ["name": "Серікова Гүлжан", "contacts": "+7 702 111 22 33", "channel": "messenger", "_form": "add_participant"])
            #expect(s == .seeOther)
            (_, page, _) = try await c.browser.get(app, c.path + "/hearing")
            #expect(page.contains("id=\"invitation-1\"") && page.contains("Бейнеқоңырау (WhatsApp, Zoom т.б.) (WhatsApp)"))
            #expect(page.contains("id=\"participant-2\"") && page.contains("Серікова Гүлжан") && page.contains("мүдделі тұлға"))
            #expect(page.contains("шешім жобасы қатысушыға табыс етілмеген: № 2 Серікова Гүлжан"), "the gate waits for the new participant's receipt")
            var fields = ["form": "video_call", "heldOn": "2026-06-09", "place": "WhatsApp бейнеқоңырауы", "startTime": "15:00", "endTime": "15:30",
                          "presidingName": "Арман Қасымов, бөлім басшысы", "presentText": "Нұрланов Ержан\nАрман Қасымов",
                          "matterKk": "Жер учаскесін беру туралы өтініш", "contentKk": "Өтініш беруші көрші учаске бос деп түсіндірді",
                          "signedByPresiding": "true", "signedBySecretary": "true", "readyOn": "2026-06-09", "readingPlace": "Әкімдік, 12-кабинет",
                          "_form": "record_hearing"]
            (s, page, _) = try await Self.post(c.browser, app, c.path, "record_hearing", fields)
            #expect(s == .unprocessableEntity && page.contains("id=\"hearing-error\"") && page.contains("Хатшы (аты-жөні)"))
            #expect(page.contains("id=\"rh-secretaryName\" name=\"secretaryName\" value=\"\" maxlength=\"500\" required aria-invalid=\"true\""),
                    "the field is marked")
            #expect(page.contains("value=\"Әкімдік, 12-кабинет\"") && page.contains("Нұрланов Ержан\nАрман Қасымов</textarea>"), "the typed values are kept")
            #expect(page.contains("<details id=\"form-record_hearing\" open>"), "the refused form stays open")
            #expect(try await c.service.view(c.appeal.id, actor: c.executor).appeal.hearing?.isHeld == false)
            fields["secretaryName"] = "Дана Ахметова"
            (s, _, _) = try await Self.post(c.browser, app, c.path, "record_hearing", fields)
            #expect(s == .seeOther)
            (_, page, _) = try await c.browser.get(app, c.path + "/hearing")
            #expect(page.contains("id=\"hearing-held\"") && page.contains("Дана Ахметова") && page.contains("15:00–15:30"))
            #expect(!page.contains("id=\"form-record_hearing\""), "held once")
            (s, _, _) = try await Self.post(c.browser, app, c.path, "record_sending",
                                            ["document": "hearing_protocol", "participant": "1", "language": "kk", "channel": "messenger",
                                             "reference": "WhatsApp +7 701 000 00 00", "_form": "record_sending"])
            #expect(s == .seeOther)
            let stored = try await c.service.view(c.appeal.id, actor: c.executor).appeal
            #expect(stored.sendings.last?.document == .hearingProtocol && stored.sendings.last?.channel == .messenger)
            (_, page, _) = try await c.browser.get(app, c.path + "/hearing?lang=ru")
            #expect(page.contains("Копия протокола заслушивания") && page.contains("Мессенджер") && page.contains("Протокол заслушивания"))
        }
    }

    @Test("R35: a favourable act that burdens nobody: the hearing is omitted with its reason, shown on the page with the articles the act will state")
    func omittedShowsReason() async throws {
        try await Self.withCase { app, c, _ in
            var (s, page, _) = try await Self.post(c.browser, app, c.path, "plan_hearing", ["outcome": "favourable", "_form": "plan_hearing"])
            #expect(s == .seeOther)
            (_, page, _) = try await c.browser.get(app, c.path + "/hearing")
            #expect(page.contains("decision-optional") && page.contains("id=\"form-omit_hearing\""))
            // A reason the rules do not allow here is refused.
            (s, page, _) = try await Self.post(c.browser, app, c.path, "omit_hearing", ["reason": "urgent", "_form": "omit_hearing"])
            #expect(s == .unprocessableEntity && page.contains("id=\"hearing-error\""))
            (s, _, _) = try await Self.post(c.browser, app, c.path, "omit_hearing", ["reason": "favourable_no_third_party", "_form": "omit_hearing"])
            #expect(s == .seeOther)
            (_, page, _) = try await c.browser.get(app, c.path + "/hearing?done=omit_hearing")
            #expect(page.contains("id=\"hearing-omitted\"") && page.contains("Акт адресаттың пайдасына және басқа тұлғалардың құқықтарын"))
            #expect(page.contains("<strong>Баптар:</strong> APPC 73"))
            #expect(page.contains("id=\"gate-open\""), "no wait once omitted")
            (_, page, _) = try await c.browser.get(app, c.path + "/hearing?lang=ru")
            #expect(page.contains("Акт благоприятен для адресата") && page.contains("Причина (указывается в акте)"))
            (_, page, _) = try await c.browser.get(app, c.path + "/hearing?lang=en")
            #expect(page.contains("The act favours the addressee") && page.contains("Hearing optional"))
        }
    }
}
