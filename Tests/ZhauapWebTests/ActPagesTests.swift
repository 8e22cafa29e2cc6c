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

/// The act's page as the executor and the head use it (R38–R44; APPC 73, 79–81, 91–100): drafted from the
/// case in both languages, edited where the check asks, signed by the head after the hearing's earliest
/// day, delivered (the three months to complain), complained about — on paper or online — and passed with
/// the case to the higher body, whose decision comes back; in Kazakh and in Russian.
@Suite("Pages: the act")
struct ActPagesTests {
    typealias Browser = PagesTests.Browser
    typealias Case = HearingPagesTests.Case

    /// The higher body of the case's body, with its head and executor (signed in as `head`).
    struct Higher {
        var body: AdministrativeBody
        var head: Actor
        var executor: Actor
        var browser: Browser
    }

    /// An application like the hearing page's, its body under a higher body of the same installation.
    static func withCase(_ body: @escaping (Application, Case, Higher, TestClock) async throws -> Void) async throws {
        let clock = TestClock(pinnedMoment)
        try await withZhauapApp(clock: clock) { app in
            let c = try await HearingPagesTests.application(app, clock: clock)
            let org = FluentOrganisationStore(database: app.db)
            let higher = AdministrativeBody(code: "AKMH", nameKk: "Ақмола облысы әкімінің аппараты", nameRu: "Аппарат акима Акмолинской области")
            try await org.add(higher)
            var lower = try #require(try await org.body(c.executor.bodyID))
            lower.higherBodyID = higher.id
            try await org.update(lower)
            let hh = try await PagesTests.person(app, body: higher.id, login: "hhead", name: "Серік", position: "аппарат басшысы", roles: [.head])
            let he = try await PagesTests.person(app, body: higher.id, login: "hexe", name: "Гүлнар", position: "бас маман", roles: [.executor])
            let b = Browser()
            try await b.signIn(app, "hhead")
            try await body(app, c, Higher(body: higher, head: Actor(userID: hh, bodyID: higher.id, name: "Серік", position: "аппарат басшысы", roles: [.head]),
                                          executor: Actor(userID: he, bodyID: higher.id, name: "Гүлнар", position: "бас маман", roles: [.executor]),
                                          browser: b), clock)
        }
    }

    /// Posts one of the act page's forms as a browser does: the page's CSRF token, a one-time key.
    @discardableResult
    static func post(_ b: Browser, _ app: Application, _ path: String, _ action: String, _ fields: [String: String]) async throws
        -> (HTTPStatus, String, HTTPHeaders) {
        let (_, page, _) = try await b.get(app, path + "/act")
        var form = fields
        form["_csrf"] = PagesTests.csrf(page)
        form["_once"] = UUID().uuidString
        return try await b.post(app, path + "/act/steps/" + action, form: form)
    }

    /// The hearing of a burdening act: the draft decision delivered on 9 June 2026, the hearing held in writing.
    static func heard(_ app: Application, _ c: Case) async throws {
        try await HearingPagesTests.draftDelivered(app, c)
        let (s, _, _) = try await HearingPagesTests.post(c.browser, app, c.path, "record_hearing",
                                                         ["form": "email", "heldOn": "2026-06-09", "_form": "record_hearing_written"])
        #expect(s == .seeOther)
    }

    /// The edit form of one language version with every section of `sections`.
    static func fields(_ lang: String, _ sections: ActSections) -> [String: String] {
        var f = ["_form": "edit_act-\(lang)"]
        for (k, v) in sections { f["\(lang)_\(k.rawValue)"] = v }
        return f
    }

    /// Drafts the burdening act and writes the legal reasoning the case does not hold, in both versions.
    static func drafted(_ app: Application, _ c: Case) async throws {
        var (s, _, h) = try await post(c.browser, app, c.path, "draft_act", ["kind": "burdening", "_form": "draft_act"])
        #expect(s == .seeOther && h.first(name: .location) == c.path + "/act?done=draft_act")
        // The executor writes the act as the check asks (R39–R43): every section, both versions alike.
        let number = c.appeal.registration.number
        (s, _, _) = try await post(c.browser, app, c.path, "edit_act", fields("kk", SoundAct.kk(number: number)))
        #expect(s == .seeOther)
        (s, _, _) = try await post(c.browser, app, c.path, "edit_act", fields("ru", SoundAct.ru(number: number)))
        #expect(s == .seeOther)
    }

    /// Moves the clock to 11:00 on the hearing's earliest day of the act (the executor signs in again: days
    /// later the session has ended).
    static func toEarliestDay(_ app: Application, _ c: Case, _ clock: TestClock) async throws -> CivilDate {
        let view = try await c.service.actView(c.appeal.id, actor: c.executor)
        let earliest = try #require(view.readiness?.gate?.earliest)
        clock.set(iso: "\(earliest.description)T11:00:00+05:00")
        try await c.browser.signIn(app, "exe")
        return earliest
    }

    /// Signed by the head on the earliest day.
    static func signed(_ app: Application, _ c: Case, _ clock: TestClock) async throws -> Browser {
        try await heard(app, c)
        try await drafted(app, c)
        _ = try await toEarliestDay(app, c, clock)
        let head = Browser()
        try await head.signIn(app, "head")
        let (s, _, _) = try await post(head, app, c.path, "sign_act", ["_form": "sign_act"])
        #expect(s == .seeOther)
        return head
    }

    /// Sends the signed act in person and records its delivery today.
    static func delivered(_ app: Application, _ c: Case) async throws {
        var (s, _, _) = try await post(c.browser, app, c.path, "record_sending", ["language": "kk", "channel": "in_person", "_form": "record_sending"])
        #expect(s == .seeOther)
        let n = try await c.service.view(c.appeal.id, actor: c.executor).appeal.sendings.count
        (s, _, _) = try await post(c.browser, app, c.path, "record_delivery",
                                   ["sending": "\(n)", "proof": "қолын қойып алды", "_form": "record_delivery-\(n)"])
        #expect(s == .seeOther)
    }

    @Test("R42, R43: the act drafted from the case shows every section of the model structure, Kazakh and Russian side by side, each editable; the check's errors name the empty section and block the signature")
    func sectionsInBothLanguages() async throws {
        try await Self.withCase { app, c, _, _ in
            try await Self.heard(app, c)
            var (_, page, _) = try await c.browser.get(app, c.path)
            #expect(page.contains("id=\"act-link\"") && page.contains("\(c.path)/act"), "the appeal page links the act")
            (_, page, _) = try await c.browser.get(app, c.path + "/act")
            #expect(page.contains("id=\"act-not-drafted\"") && page.contains("id=\"form-draft_act\"") && page.contains("Ауыртпалық түсіретін акт"))
            let (s, _, _) = try await Self.post(c.browser, app, c.path, "draft_act", ["kind": "burdening", "_form": "draft_act"])
            #expect(s == .seeOther)
            (_, page, _) = try await c.browser.get(app, c.path + "/act?done=draft_act")
            #expect(page.contains("Акт жобасы істен жасалды."))
            for section in ActSection.required {
                #expect(page.contains("id=\"section-\(section.rawValue)\""), "\(section) is a block of its own")
                #expect(page.contains("name=\"kk_\(section.rawValue)\" form=\"form-edit-kk\"") && page.contains("name=\"ru_\(section.rawValue)\" form=\"form-edit-ru\""))
            }
            #expect(page.contains("Құқықтық негіздеме") && page.contains("Мән-жайлар мен дәлелдемелер"), "the sections' headings in Kazakh")
            #expect(page.contains("№ \(c.appeal.registration.number) өтінішті қанағаттандырудан бас тарту туралы")
                    && page.contains("Об отказе в удовлетворении заявления № \(c.appeal.registration.number)"), "both versions' titles")
            #expect(page.contains("finding-error") && page.contains("id=\"finding-section_missing-legal_reasoning\"") && page.contains(ActFindingCode.sectionMissing.why.kk))
            #expect(page.contains("id=\"sign-not-head\""), "an executor sees who signs, not the button")
            // The appeal page's one line.
            (_, page, _) = try await c.browser.get(app, c.path)
            #expect(page.contains("id=\"act-summary\"") && page.contains("Акт жобасы жасалды"))
            // In Russian: the headings and the check's words.
            (_, page, _) = try await c.browser.get(app, c.path + "/act?lang=ru")
            #expect(page.contains("Правовое обоснование") && page.contains(ActFindingCode.sectionMissing.why.ru) && page.contains("Сохранить русскую версию"))
            // The Kazakh form saves the Kazakh version only.
            (_, _, _) = try await Self.post(c.browser, app, c.path, "edit_act", ["_form": "edit_act-kk", "kk_legal_reasoning": "Жер кодексінің 43-бабы.",
                                                                               "ru_legal_reasoning": "не отсюда"])
            let act = try #require(try await c.service.view(c.appeal.id, actor: c.executor).appeal.act)
            #expect(act.kk[.legalReasoning] == "Жер кодексінің 43-бабы." && (act.ru[.legalReasoning] ?? "").isEmpty && act.revision == 2)
        }
    }

    @Test("R44, APPC 73: the head signs only from the hearing's earliest day: before it the button is disabled with the reason and a post is refused; on it the act is signed, both versions frozen with their SHA-256")
    func headSignsAfterTheGate() async throws {
        try await Self.withCase { app, c, _, clock in
            try await Self.heard(app, c)
            try await Self.drafted(app, c)
            let head = Browser()
            try await head.signIn(app, "head")
            var (_, page, _) = try await head.get(app, c.path + "/act")
            #expect(page.contains("id=\"sign-act\" disabled") && page.contains("id=\"sign-blocked\"") && page.contains("үш жұмыс күні өтпеген"))
            var (s, refused, _) = try await Self.post(head, app, c.path, "sign_act", ["_form": "sign_act"])
            #expect(s != .seeOther && refused.contains("id=\"act-error\"") && refused.contains("Тыңдау рәсімі актіні әлі қабылдауға мүмкіндік бермейді"))
            let earliest = try await Self.toEarliestDay(app, c, clock)
            try await head.signIn(app, "head")
            (_, page, _) = try await head.get(app, c.path + "/act")
            #expect(page.contains("id=\"sign-act\">") && !page.contains("id=\"sign-blocked\""))
            (s, _, _) = try await Self.post(head, app, c.path, "sign_act", ["_form": "sign_act"])
            #expect(s == .seeOther)
            let a = try await c.service.view(c.appeal.id, actor: c.executor).appeal
            let signed = try #require(a.signedAct)
            #expect(signed.signedOn == earliest && signed.documents.count == 2 && signed.sha256.count == 2)
            (_, page, _) = try await head.get(app, c.path + "/act?done=sign_act")
            #expect(page.contains("id=\"act-signed\"") && page.contains("№ \(signed.number)") && page.contains("Бақыт"))
            for n in signed.documents { #expect(page.contains("href=\"\(c.path)/case/documents/\(n)\"")) }
            #expect(page.contains(signed.sha256["kk"]!) && page.contains(signed.sha256["ru"]!))
            (_, page, _) = try await head.get(app, c.path + "/act?lang=ru")
            #expect(page.contains("Подписанный акт") && page.contains("Исходящий номер"))
            // The frozen document is served from the case file.
            let (fs, file, _) = try await head.get(app, "\(c.path)/case/documents/\(signed.documents[1])")
            #expect(fs == .ok && file.contains("Об отказе в предоставлении земельного участка"))
        }
    }

    @Test("R44: an executor cannot sign the act: the step is refused and the page says why, in Kazakh and in Russian")
    func executorCannotSign() async throws {
        try await Self.withCase { app, c, _, clock in
            try await Self.heard(app, c)
            try await Self.drafted(app, c)
            _ = try await Self.toEarliestDay(app, c, clock)
            var (s, page, _) = try await Self.post(c.browser, app, c.path, "sign_act", ["_form": "sign_act"])
            #expect(s == .forbidden && page.contains("id=\"act-error\"") && page.contains("Бұл әрекет сіздің рөліңізге рұқсат етілмеген."))
            #expect(page.contains("id=\"sign-not-head\""), "and no sign button")
            (_, page, _) = try await c.browser.get(app, c.path + "/act?lang=ru")
            (s, page, _) = try await Self.post(c.browser, app, c.path, "sign_act", ["_form": "sign_act"])
            #expect(s == .forbidden && page.contains("Действие не выполнено: Это действие не разрешено вашей роли."))
            #expect(try await c.service.view(c.appeal.id, actor: c.executor).appeal.signedAct == nil)
        }
    }

    @Test("R39–R43: an open warning of the check carries its form; once let pass with a reason it shows with the reason, who and when; a warning the check did not raise is refused")
    func warningAcknowledged() async throws {
        try await Self.withCase { app, c, _, _ in
            try await Self.heard(app, c)
            try await Self.drafted(app, c)
            var view = try await c.service.actView(c.appeal.id, actor: c.executor)
            let warning = ActFinding(code: "template_phrase", severity: .warning, section: .facts, language: .ru, excerpt: "в установленном порядке",
                                     otherExcerpt: "белгіленген тәртіппен", basis: "R39; APPC 79",
                                     why: LocalizedText(kk: "Үлгі сөз", ru: "Шаблонная фраза", en: "A template phrase"),
                                     fix: LocalizedText(kk: "Нақты жазыңыз", ru: "Напишите конкретно", en: "Say what exactly"))
            view.readiness?.findings.append(warning)
            view.readiness?.openWarnings = [warning]
            var page = ActPage.make(view, actor: c.executor, colleagues: [], lang: .ru, t: app.strings[.ru])
            let shown = try #require(page.findings.first { $0.code == "template_phrase" })
            #expect(shown.acknowledge?.values["code"] == "template_phrase" && shown.acknowledge?.values["section"] == "facts"
                    && shown.acknowledge?.values["language"] == "ru")
            #expect(shown.why == "Шаблонная фраза" && shown.excerpt == "в установленном порядке" && shown.otherExcerpt == "белгіленген тәртіппен")
            #expect(page.signBlocks.contains { $0.contains("непринятые предупреждения") })
            // Let pass: the acknowledgement shows with its reason, who and when; the warning has no form any more.
            let json = #"{"code":"template_phrase","section":"facts","language":"ru","reason":"Так в законе","by":"\#(c.executor.userID)","on":"\#(view.today)"}"#
            view.appeal.act?.acknowledgements = [try JSONDecoder().decode(WarningAcknowledgement.self, from: Data(json.utf8))]
            view.readiness?.openWarnings = []
            page = ActPage.make(view, actor: c.executor, colleagues: [c.executor], lang: .kk, t: app.strings[.kk])
            #expect(page.acknowledged.first?.reason == "Так в законе" && page.acknowledged.first?.by == "Арман")
            #expect(page.findings.first { $0.code == "template_phrase" }?.acknowledge == nil)
            #expect(page.findings.first { $0.code == "template_phrase" }?.severity == "Ескерту (себебімен қабылданды)")
            // Through the page: the check raised no such warning, so it is refused in words and nothing is recorded.
            let (s, refused, _) = try await Self.post(c.browser, app, c.path, "acknowledge_warning",
                                                      ["code": "template_phrase", "section": "facts", "language": "ru", "reason": "Так в законе",
                                                       "_form": "acknowledge_warning-1"])
            #expect(s != .seeOther && refused.contains("Бұл актіде мұндай ашық ескерту жоқ."))
            #expect(try await c.service.view(c.appeal.id, actor: c.executor).trail.contains { $0.type == "warning_acknowledged" } == false)
        }
    }

    @Test("APPC 92: the act's sending and delivery are recorded on its page; the three months to complain show from the delivery, in Kazakh and in Russian")
    func deliveryShowsComplaintTerm() async throws {
        try await Self.withCase { app, c, _, clock in
            _ = try await Self.signed(app, c, clock)
            var (_, page, _) = try await c.browser.get(app, c.path + "/act")
            #expect(page.contains("id=\"form-record_sending\"") && page.contains("value=\"eotinish\"") && page.contains("value=\"in_person\""))
            try await Self.delivered(app, c)
            let a = try await c.service.view(c.appeal.id, actor: c.executor).appeal
            let term = try #require(a.terms.last { $0.purpose == .complaintFiling })
            let delivered = try #require(a.sendings.last?.deliveredOn)
            #expect(term.due > delivered.adding(days: 85))
            (_, page, _) = try await c.browser.get(app, c.path + "/act")
            #expect(page.contains("id=\"complaint-until\"") && page.contains(term.due.inWords(.kk)) && page.contains("қолын қойып алды"))
            (_, page, _) = try await c.browser.get(app, c.path + "/act?lang=ru")
            #expect(page.contains("Срок обжалования — до") && page.contains(term.due.inWords(.ru)))
            (_, page, _) = try await c.browser.get(app, c.path + "?lang=kk")
            #expect(page.contains("id=\"act-summary\"") && page.contains("табыс етілді \(delivered.dotted)"))
        }
    }

    @Test("APPC 91(4), 100: a complaint filed by the registrar is passed with the case export to the higher body of the installation, registered there with the export, decided by its head, and the decision comes back",
          .enabled(if: CaseExportTests.available, "no Chromium or qpdf here (CI requires them)"))
    func complaintToHigherBody() async throws {
        try await Self.withCase { app, c, higher, clock in
            if let chromium = PDFTests.chromium { app.pdfRenderer = PDFRenderer(executable: chromium) }
            _ = try await Self.signed(app, c, clock)
            try await Self.delivered(app, c)
            let registrar = Browser()
            try await registrar.signIn(app, "reg")
            var (s, page, _) = try await Self.post(registrar, app, c.path, "file_complaint", ["text": "", "_form": "file_complaint"])
            #expect(s != .seeOther && page.contains("id=\"act-error\""), "an empty complaint is refused")
            (s, _, _) = try await Self.post(registrar, app, c.path, "file_complaint", ["text": "Актімен келіспеймін: бос учаске бар", "_form": "file_complaint"])
            #expect(s == .seeOther)
            (_, page, _) = try await registrar.get(app, c.path + "/act")
            #expect(page.contains("id=\"complaint-1\"") && page.contains("Актімен келіспеймін") && page.contains("pass-complaint"))
            // APPC 91(4): the registrar's desk lists it with the day it must be passed by.
            (_, page, _) = try await registrar.get(app, "/desk")
            #expect(page.contains("id=\"complaints-to-pass\"") && page.contains("\(c.path)/act#complaint-1"))
            (s, page, _) = try await Self.post(registrar, app, c.path, "pass_complaint", ["complaint": "1", "_form": "pass_complaint-1"])
            #expect(s == .seeOther, "\(page.prefix(400))")
            var a = try await c.service.view(c.appeal.id, actor: c.executor).appeal
            let passing = try #require(a.complaints.first?.passing)
            #expect(passing.higherBodyID == higher.body.id && passing.export == a.exports.last?.number)
            (_, page, _) = try await registrar.get(app, c.path + "/act")
            #expect(page.contains("Ақмола облысы әкімінің аппараты") && !page.contains("pass-complaint"))
            (_, page, _) = try await registrar.get(app, "/desk")
            #expect(!page.contains("id=\"complaints-to-pass\""), "passed: off the desk")
            // At the higher body: a complaint, from the lower body, with the export attached.
            let path = "/appeals/\(passing.complaintAppealID)"
            try await higher.browser.signIn(app, "hhead")
            (s, page, _) = try await higher.browser.get(app, path + "/act")
            #expect(s == .ok && page.contains("id=\"act-origin\"") && page.contains(c.appeal.registration.number) && page.contains("id=\"origin-export\""))
            _ = try await c.service.perform(.assign(executorID: higher.executor.userID), on: passing.complaintAppealID, actor: higher.head)
            (_, page, _) = try await higher.browser.get(app, path + "/act")
            #expect(page.contains("value=\"complaint_decision\"") && page.contains("value=\"return_with_violations\"") && !page.contains("value=\"burdening\""))
            (s, _, _) = try await Self.post(higher.browser, app, path, "draft_act", ["kind": "complaint_decision", "outcome": "leave_unsatisfied", "_form": "draft_act"])
            #expect(s == .seeOther)
            (s, _, _) = try await Self.post(higher.browser, app, path, "edit_act", Self.fields("kk", ActAPITests.decisionKk))
            (s, _, _) = try await Self.post(higher.browser, app, path, "edit_act", Self.fields("ru", ActAPITests.decisionRu))
            (s, page, _) = try await Self.post(higher.browser, app, path, "sign_act", ["_form": "sign_act"])
            #expect(s == .seeOther, "\(page.prefix(600))")
            // Back in the lower body's case: the decision with its documents.
            a = try await c.service.view(c.appeal.id, actor: c.executor).appeal
            let decision = try #require(a.complaints.first?.decision)
            #expect(decision.outcome == .leaveUnsatisfied && decision.documents.count == 2)
            (_, page, _) = try await c.browser.get(app, c.path + "/act")
            #expect(page.contains("complaint-decision") && page.contains("Шағымды қанағаттандырусыз қалдыру") && page.contains("№ \(decision.number)"))
            (_, page, _) = try await c.browser.get(app, c.path + "/act?lang=ru")
            #expect(page.contains("Оставить жалобу без удовлетворения") && page.contains("Решение вышестоящего органа"))
        }
    }

    @Test("APPC 91(4), 92: the applicant complains online through /track/complaint once the act is signed; a wrong code is not found; an empty text is refused in words, never a 500")
    func trackingComplaint() async throws {
        try await Self.withCase { app, c, _, clock in
            let a = c.appeal
            let citizen = Browser()
            var (_, page, _) = try await citizen.get(app, "/track")
            var (s, tracked, _) = try await citizen.post(app, "/track", form: ["_csrf": PagesTests.csrf(page), "number": a.registration.number,
                                                                               "code": a.registration.trackingCode])
            #expect(s == .ok && !tracked.contains("id=\"complaint-form\""), "nothing to complain about yet")
            _ = try await Self.signed(app, c, clock)
            try await Self.delivered(app, c)
            (_, page, _) = try await citizen.get(app, "/track")
            (s, tracked, _) = try await citizen.post(app, "/track", form: ["_csrf": PagesTests.csrf(page), "number": a.registration.number,
                                                                           "code": a.registration.trackingCode])
            #expect(s == .ok && tracked.contains("id=\"complaint-form\"") && tracked.contains("action=\"/track/complaint\"") && tracked.contains("id=\"track-act\""))
            (s, page, _) = try await citizen.post(app, "/track/complaint", form: ["_csrf": PagesTests.csrf(tracked), "number": a.registration.number,
                                                                                 "code": "WRONG1", "text": "Келіспеймін"])
            #expect(s == .notFound && page.contains("Мұндай нөмір мен код бойынша жолданым табылмады."))
            (s, page, _) = try await citizen.post(app, "/track/complaint", form: ["_csrf": PagesTests.csrf(tracked), "number": a.registration.number,
                                                                                 "code": a.registration.trackingCode, "text": "  "])
            #expect(s.code >= 400 && s.code < 500 && page.contains("id=\"complaint-error\""))
            (s, page, _) = try await citizen.post(app, "/track/complaint", form: ["_csrf": PagesTests.csrf(tracked), "number": a.registration.number,
                                                                                 "code": a.registration.trackingCode.lowercased(),
                                                                                 "text": "Актімен келіспеймін"])
            #expect(s == .ok && page.contains("id=\"complaint-received\"") && page.contains(a.registration.number))
            let stored = try await c.service.view(a.id, actor: c.executor).appeal
            #expect(stored.complaints.count == 1 && stored.complaints[0].late == false && stored.complaints[0].text == "Актімен келіспеймін")
            (_, page, _) = try await c.browser.get(app, c.path + "/act")
            #expect(page.contains("id=\"complaint-1\"") && page.contains("Актімен келіспеймін"))
            // In Russian.
            (_, page, _) = try await citizen.get(app, "/track?lang=ru")
            (s, page, _) = try await citizen.post(app, "/track/complaint", form: ["_csrf": PagesTests.csrf(page), "number": a.registration.number,
                                                                                 "code": a.registration.trackingCode, "text": "Не согласен"])
            #expect(s == .ok && page.contains("Жалоба принята, обращение"))
        }
    }

    @Test("APPC 91(2): an application with no act by the end of its term is shown deemed refused on the act page and the tracking page, and the applicant may complain")
    func deemedRefusal() async throws {
        try await Self.withCase { app, c, _, clock in
            let due = try #require(c.appeal.term(.consideration)?.due)
            clock.set(iso: "\(due.adding(days: 2).description)T11:00:00+05:00")
            try await c.browser.signIn(app, "exe")
            var (_, page, _) = try await c.browser.get(app, c.path + "/act")
            #expect(page.contains("id=\"deemed-refusal\"") && page.contains(due.adding(days: 1).inWords(.kk)))
            (_, page, _) = try await c.browser.get(app, c.path + "/act?lang=ru")
            #expect(page.contains("считается отказано с") && page.contains(due.adding(days: 1).inWords(.ru)))
            let citizen = Browser()
            (_, page, _) = try await citizen.get(app, "/track")
            let (_, tracked, _) = try await citizen.post(app, "/track", form: ["_csrf": PagesTests.csrf(page), "number": c.appeal.registration.number,
                                                                               "code": c.appeal.registration.trackingCode])
            #expect(tracked.contains("id=\"track-deemed-refusal\"") && tracked.contains("id=\"complaint-form\""))
        }
    }
}
