import Fluent
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

/// The act through the API (R38–R44; APPC 73, 79–81, 91–100), on SQLite and PostgreSQL, in a two-body
/// installation where body B is A's higher body: a burdening act after a hearing by e-mail, signed by the
/// head from the hearing's earliest day with both versions frozen and hashed, delivered (the three months
/// start), the applicant's online complaint, the case export, the complaint registered at B and decided
/// there, the decision back in A's case; the exported case read back as PDF.
@Suite("Act: R38–R44 and the complaint through the API")
struct ActAPITests {
    struct View: Decodable {
        struct Draft: Decodable { var kind: String; var revision: Int; var versions: [String: [String: String]] }
        struct Finding: Decodable { var code: String; var severity: String; var section: String?; var language: String? }
        struct Check: Decodable { var findings: [Finding]; var errors: Int; var signable: Bool; var blocks: [String]; var earliest: String? }
        struct Signed: Decodable { var number: String; var signedOn: String; var documents: [Int]; var sha256: [String: String]; var cancelledBy: String? }
        struct Delivery: Decodable { var sending: Int; var deliveredOn: String? }
        struct Term: Decodable { var purpose: String; var due: String }
        struct Decision: Decodable { var outcome: String; var number: String; var documents: [Int] }
        struct Complaint: Decodable { var number: Int; var against: String; var late: Bool; var passedOn: String?; var higherBody: String?; var decision: Decision? }
        struct Origin: Decodable { var appealNumber: String; var complaint: Int }
        var state: String; var draft: Draft?; var check: Check?; var signed: Signed?; var deliveries: [Delivery]; var terms: [Term]
        var complaints: [Complaint]; var complaintOf: Origin?; var allowedActions: [String]; var deemedRefusalSince: String?
    }

    let api = AppealsAPITests()
    let hearing = HearingAPITests()

    func view(_ app: Application, _ w: World, _ id: UUID, as who: String = "executor") async throws -> View {
        let (s, body) = try await api.get(app, "api/v1/appeals/\(id)/act", headers: w.auth(who))
        #expect(s == .ok, "\(String(decoding: body, as: UTF8.self))")
        return try JSONDecoder().decode(View.self, from: body)
    }

    func edit(_ kk: ActSections, _ ru: ActSections) throws -> String {
        func map(_ s: ActSections) -> [String: String] { Dictionary(uniqueKeysWithValues: s.map { ($0.key.rawValue, $0.value) }) }
        struct Edit: Encodable { var action = "edit_act"; var kk: [String: String]; var ru: [String: String] }
        return String(decoding: try JSONEncoder().encode(Edit(kk: map(kk), ru: map(ru))), as: UTF8.self)
    }

    /// The higher body's decision on the complaint, in both languages.
    static let decisionKk: ActSections = [
        .introduction: "Қарағанды облысының әкімдігі. Жауапты қызметкер: Сергей Ким. Адресат: Ержан Нұрланов, ЖСН 061211600012.",
        .title: "Ержан Нұрлановтың шағымы бойынша шешім",
        .salutation: "Құрметті Ержан!",
        .operativeSummary: "Ержан Нұрлановтың шағымы қанағаттандырусыз қалдырылды.",
        .facts: "1) 14.05.2024 шағым тіркелді (іс құжаты № 1).\n2) Ақмола облысының әкімдігінің әкімшілік ісі қаралды (іс құжаты № 2): учаске 12.03.2024 басқа тұлғаға берілген.",
        .legalReasoning: "Жер кодексінің 43-бабының 1-тармағында жер учаскесі тек бос жерлерден берілетіні көзделген; бұл шарт орындалмады, себебі учаске 12.03.2024 басқа тұлғаға берілген (іс құжаты № 2). Шағымды қарау құзыреті ӘРПК 91-бабының 4-тармағымен белгіленген: жоғары тұрған орган шағымды қарайды.",
        .arguments: "Өтініш берушінің учаске бос деген дәлелі қабылданбады, себебі іс құжаты № 2 оның берілгенін растайды.",
        .appealProcedure: "Осы шешімге ӘРПК-де белгіленген тәртіппен әкімшілік сотқа шағым жасалуы мүмкін (ӘРПК 91-бабының 5-тармағы).",
        .signature: "аким Сергей Ким"]
    static let decisionRu: ActSections = [
        .introduction: "Акимат Карагандинской области. Ответственный сотрудник: Сергей Ким. Адресат: Ержан Нурланов, ИИН 061211600012.",
        .title: "Решение по жалобе Ержана Нурланова",
        .salutation: "Уважаемый Ержан!",
        .operativeSummary: "Жалоба Ержана Нурланова оставлена без удовлетворения.",
        .facts: "1) 14.05.2024 зарегистрирована жалоба (документ дела № 1).\n2) Рассмотрено административное дело акимата Акмолинской области (документ дела № 2): участок 12.03.2024 предоставлен другому лицу.",
        .legalReasoning: "Пункт 1 статьи 43 Земельного кодекса предусматривает, что земельный участок предоставляется только из свободных земель; это условие не выполнено, поскольку участок 12.03.2024 предоставлен другому лицу (документ дела № 2). Компетенция рассматривать жалобу установлена пунктом 4 статьи 91 АППК: жалобу рассматривает вышестоящий орган.",
        .arguments: "Довод заявителя о том, что участок свободен, не принят, поскольку документ дела № 2 подтверждает его предоставление.",
        .appealProcedure: "Настоящее решение может быть обжаловано в административный суд в порядке, установленном АППК (ст. 91, п. 5).",
        .signature: "аким Сергей Ким"]

    @Test("R38–R44, APPC 91–100: a burdening act after the hearing, signed from Fri 10 May 2024, delivered Mon 13 May; the complaint passed to the higher body and decided there",
          .enabled(if: CaseExportTests.available, "no Chromium, pdftotext or qpdf here (CI requires them)"), arguments: TestDatabases.all)
    func wholeWay(database: DatabaseLocation) async throws {
        guard let chromium = PDFTests.chromium else { Issue.record("Chromium is required"); return }
        let clock = TestClock(kz: "2024-04-29T11:00:00+05:00")
        try await withZhauapApp(database: database, clock: clock) { app in
            app.pdfRenderer = PDFRenderer(executable: chromium)
            let w = try await World.make(app)
            var a = w.bodyA
            a.higherBodyID = w.bodyB.id
            try await FluentOrganisationStore(database: app.db).update(a)
            let reg = try #require(try await api.register(app, w, HearingAPITests.application).1)
            let id = reg.appeal.id
            try await hearing.ok(app, w, id, as: "head", #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#)
            try await hearing.ok(app, w, id, #"{"action":"confirm_kind","kind":"application","area":"land"}"#)
            clock.set(iso: "2024-04-30T11:00:00+05:00")
            try await hearing.ok(app, w, id, #"{"action":"plan_hearing","outcome":"burdening"}"#)
            try await hearing.ok(app, w, id, #"{"action":"prepare_draft","summaryKk":"Жер учаскесін беруден бас тарту","summaryRu":"Отказ в предоставлении земельного участка"}"#)
            clock.set(iso: "2024-05-02T17:30:00+05:00")
            try await hearing.ok(app, w, id, #"{"action":"record_sending","document":"draft_decision","language":"kk","channel":"email","reference":"e@example.kz","participant":1}"#)
            clock.set(iso: "2024-05-03T09:00:00+05:00")
            try await hearing.ok(app, w, id, #"{"action":"record_delivery","sending":1,"deliveredOn":"2024-05-03","proof":"оқылды туралы хабарлама"}"#)
            clock.set(iso: "2024-05-06T10:00:00+05:00")
            try await hearing.ok(app, w, id, #"{"action":"record_hearing","form":"email"}"#)

            // R42, R43: proposed from the case in both languages; the executor writes what the case does not hold.
            var (s, body) = try await api.act(app, w, id, as: "executor", #"{"action":"draft_act","kind":"favourable","outcome":"cancel"}"#)
            #expect(s == .unprocessableEntity && hearing.problem(body)?.code == "act_kind_not_allowed")
            try await hearing.ok(app, w, id, #"{"action":"draft_act","kind":"burdening"}"#)
            var v = try await view(app, w, id)
            #expect(v.draft?.kind == "burdening" && v.draft?.versions["kk"]?["salutation"] == "Құрметті Ержан!")
            #expect(v.draft?.versions["ru"]?["operative_summary"]?.contains("отказано") == true)
            #expect(v.check?.signable == false && v.check?.earliest == "2024-05-10")
            (s, body) = try await api.act(app, w, id, as: "executor", #"{"action":"edit_act","kk":{"verdict":"x"}}"#)
            #expect(s == .badRequest || s == .unprocessableEntity, "an unknown section is refused")
            try await hearing.ok(app, w, id, try edit(SoundAct.kk(number: reg.coupon.number), SoundAct.ru(number: reg.coupon.number)))
            v = try await view(app, w, id)
            // R33: before the hearing's earliest day the only error is the draft's lead time.
            #expect(v.check?.findings.filter { $0.severity == "error" }.map(\.code) == ["draft_too_late"],
                    "\(v.check?.findings.map { "\($0.code) \($0.section ?? "") \($0.language ?? "")" } ?? [])")
            // APPC 73: not before the hearing's earliest day; R44: a head signs, an executor does not.
            (s, body) = try await api.act(app, w, id, as: "head", #"{"action":"sign_act"}"#)
            #expect(s == .conflict && hearing.problem(body)?.code == "adoption_blocked")
            clock.set(iso: "2024-05-10T09:30:00+05:00")
            (s, body) = try await api.act(app, w, id, as: "executor", #"{"action":"sign_act"}"#)
            #expect(s == .forbidden)
            v = try await view(app, w, id, as: "head")
            #expect(v.check?.errors == 0 && v.check?.findings.isEmpty == true, "a sound act on its day: \(v.check?.findings.map(\.code) ?? [])")
            for f in v.check?.findings ?? [] where f.severity == "warning" {
                let json = #"{"action":"acknowledge_warning","code":"\#(f.code)","reason":"Тексерілді, мәтін дұрыс"}"#
                (s, body) = try await api.act(app, w, id, as: "executor", json)
            }
            try await hearing.ok(app, w, id, as: "head", #"{"action":"sign_act"}"#)
            v = try await view(app, w, id, as: "head")
            let signed = try #require(v.signed)
            #expect(v.state == "decided" && signed.signedOn == "2024-05-10" && signed.documents.count == 2)
            // R44: the frozen versions' SHA-256 are the files' and are on the trail.
            for (n, lang) in zip(signed.documents, ["kk", "ru"]) {
                let (ds, file) = try await api.get(app, "api/v1/appeals/\(id)/case/documents/\(n)", headers: w.auth("executor"))
                #expect(ds == .ok && HTMLFreezer.sha256(file) == signed.sha256[lang])
                let html = String(decoding: file, as: UTF8.self)
                #expect(html.contains(lang == "kk" ? "Жер учаскесін беруден бас тарту туралы" : "Об отказе в предоставлении земельного участка"))
                #expect(html.contains(signed.number) && !html.contains(lang == "kk" ? "Уважаемый" : "Құрметті"), "one language per document")
            }
            let (_, appealBody) = try await api.get(app, "api/v1/appeals/\(id)", headers: w.auth("executor"))
            let trail = try JSONDecoder().decode(AppealsAPITests.Reply.self, from: appealBody)
            #expect(String(decoding: appealBody, as: UTF8.self).contains(signed.sha256["kk"]!))
            _ = trail

            // APPC 66, 81, 92: delivered by post on Mon 13 May: three months to complain, to Tue 13 Aug.
            try await hearing.ok(app, w, id, as: "registrar", #"{"action":"record_sending","document":"administrative_act","language":"kk","channel":"post","reference":"RR123456789KZ"}"#)
            clock.set(iso: "2024-05-13T12:00:00+05:00")
            v = try await view(app, w, id)
            let sending = try #require(v.deliveries.first?.sending)
            try await hearing.ok(app, w, id, as: "registrar", #"{"action":"record_delivery","sending":\#(sending),"deliveredOn":"2024-05-13","proof":"хабарламаға қол қойылды"}"#)
            v = try await view(app, w, id)
            #expect(v.terms.first { $0.purpose == "complaint_filing" }?.due == "2024-08-13")
            // The applicant's tracking shows the act and the last day to complain, no personal data.
            let (_, tracked) = try await api.get(app, "api/v1/track?number=\(reg.coupon.number)&code=\(reg.coupon.trackingCode)")
            let trackedText = String(decoding: tracked, as: UTF8.self)
            #expect(trackedText.contains("\"actNumber\":\"\(signed.number)\"") && trackedText.contains("\"complainBy\":\"2024-08-13\"") && trackedText.contains("\"state\":\"decided\""))

            // APPC 91(4): the applicant complains online; passed with the case export to the higher body.
            clock.set(iso: "2024-05-14T10:00:00+05:00")
            func complain(_ code: String) async throws -> (HTTPStatus, Data) {
                var out: (HTTPStatus, Data) = (.internalServerError, Data())
                let json = try JSONEncoder().encode(["number": reg.coupon.number, "code": code, "text": "Актіге келіспеймін: учаске бос."])
                try await app.testing().test(.POST, "api/v1/track/complaint", headers: ["Content-Type": "application/json"],
                                             body: ByteBuffer(data: json)) { res async throws in out = (res.status, Data(buffer: res.body)) }
                return out
            }
            #expect(try await complain("WRONG").0 == .notFound)
            (s, body) = try await complain(reg.coupon.trackingCode)
            #expect(s == .created && String(decoding: body, as: UTF8.self).contains("\"passBy\":\"2024-05-16\""))
            (s, body) = try await api.act(app, w, id, as: "registrar", #"{"action":"pass_complaint"}"#)
            #expect(s == .conflict && hearing.problem(body)?.code == "export_required")
            try await app.testing().test(.POST, "api/v1/appeals/\(id)/case/exports?lang=kk", headers: w.auth("executor")) { res async throws in
                #expect(res.status == .created)
            }
            let (_, pdf) = try await api.get(app, "api/v1/appeals/\(id)/case/exports/1/pdf", headers: w.auth("executor"))
            let text = try PDFTests.text(of: pdf)
            #expect(text.contains("Жер учаскесін беруден бас тарту туралы") && text.contains("Об отказе в предоставлении земельного участка"),
                    "both versions of the act are in the exported case")
            try await hearing.ok(app, w, id, as: "registrar", #"{"action":"pass_complaint"}"#)
            v = try await view(app, w, id)
            #expect(v.complaints.first?.passedOn == "2024-05-14" && v.complaints.first?.against == "act")

            // At the higher body: a registered complaint with the case attached, 20 working days, decided there.
            let (_, list) = try await api.get(app, "api/v1/appeals", headers: w.auth("outsider"))
            struct Item: Decodable { var id: UUID; var kind: String? }
            struct List: Decodable { var items: [Item] }
            let incoming = try #require(try JSONDecoder().decode(List.self, from: list).items.first)
            #expect(incoming.kind == "complaint")
            let (_, incomingBody) = try await api.get(app, "api/v1/appeals/\(incoming.id)", headers: w.auth("outsider"))
            #expect(String(decoding: incomingBody, as: UTF8.self).contains("appc-99-complaint"))
            #expect(try await view(app, w, incoming.id, as: "outsider").complaintOf?.appealNumber == reg.coupon.number)
            try await hearing.ok(app, w, incoming.id, as: "outsider", #"{"action":"assign","executorId":"\#(w.outsider.userID)"}"#)
            try await hearing.ok(app, w, incoming.id, as: "outsider", #"{"action":"draft_act","kind":"complaint_decision","outcome":"leave_unsatisfied"}"#)
            try await hearing.ok(app, w, incoming.id, as: "outsider", try edit(Self.decisionKk, Self.decisionRu))
            var iv = try await view(app, w, incoming.id, as: "outsider")
            for f in iv.check?.findings ?? [] where f.severity == "warning" {
                _ = try await api.act(app, w, incoming.id, as: "outsider", #"{"action":"acknowledge_warning","code":"\#(f.code)","reason":"Тексерілді"}"#)
            }
            iv = try await view(app, w, incoming.id, as: "outsider")
            #expect(iv.check?.errors == 0, "\(iv.check?.findings.map { "\($0.code) \($0.section ?? "") \($0.language ?? "")" } ?? [])")
            try await hearing.ok(app, w, incoming.id, as: "outsider", #"{"action":"sign_act"}"#)
            // APPC 100: the decision is back in the lower body's case; A cannot see B's case itself.
            v = try await view(app, w, id)
            let decision = try #require(v.complaints.first?.decision)
            #expect(decision.outcome == "leave_unsatisfied" && decision.documents.count == 2)
            #expect(v.signed?.cancelledBy == nil, "left unsatisfied: the act stands")
            #expect(try await api.get(app, "api/v1/appeals/\(incoming.id)/act", headers: w.auth("executor")).0 == .notFound)
            // APPC 91(5): the decision on the complaint goes to court, not to another complaint.
            (s, body) = try await api.act(app, w, incoming.id, as: "outsider", #"{"action":"file_complaint","text":"Келіспеймін"}"#)
            #expect(s == .conflict && hearing.problem(body)?.code == "complaint_goes_to_court")
        }
    }
}

extension ActAPITests {
    @Test("APPC 91(2): the applicant's tracking says the application is deemed refused from the day after its term, and the online complaint is taken then, not before",
          arguments: TestDatabases.all)
    func deemedRefusal(database: DatabaseLocation) async throws {
        let clock = TestClock(kz: "2024-01-25T10:00:00+06:00")
        try await withZhauapApp(database: database, clock: clock) { app in
            let w = try await World.make(app)
            let reg = try #require(try await api.register(app, w).1)
            try await hearing.ok(app, w, reg.appeal.id, as: "head", #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#)
            try await hearing.ok(app, w, reg.appeal.id, #"{"action":"confirm_kind","kind":"application","area":"land"}"#)
            func tracked() async throws -> String {
                String(decoding: try await api.get(app, "api/v1/track?number=\(reg.coupon.number)&code=\(reg.coupon.trackingCode)").1, as: UTF8.self)
            }
            func complain() async throws -> (HTTPStatus, Data) {
                var out: (HTTPStatus, Data) = (.internalServerError, Data())
                let json = try JSONEncoder().encode(["number": reg.coupon.number, "code": reg.coupon.trackingCode, "text": "Жауап жоқ"])
                try await app.testing().test(.POST, "api/v1/track/complaint", headers: ["Content-Type": "application/json"],
                                             body: ByteBuffer(data: json)) { res async throws in out = (res.status, Data(buffer: res.body)) }
                return out
            }
            clock.set(iso: "2024-02-14T17:00:00+06:00")
            #expect(try await !tracked().contains("deemedRefusalSince"))
            var (s, body) = try await complain()
            #expect(s == .conflict && hearing.problem(body)?.code == "nothing_to_complain_about")
            clock.set(iso: "2024-02-15T09:00:00+06:00")
            #expect(try await tracked().contains("\"deemedRefusalSince\":\"2024-02-15\""))
            (s, body) = try await complain()
            #expect(s == .created, "\(String(decoding: body, as: UTF8.self))")
            let v = try await view(app, w, reg.appeal.id)
            #expect(v.deemedRefusalSince == "2024-02-15" && v.complaints.first?.against == "deemed_refusal")
        }
    }
}

extension ActAPITests {
    /// A favourable act on the land application, written as the guide asks, in both languages.
    static func favourable(_ number: String) -> (kk: ActSections, ru: ActSections) {
        let kk: ActSections = [
            .introduction: "Ақмола облысының әкімдігі, Көкшетау қ., Абай к-сі 83.\nЖауапты қызметкер: Арман Қасымов, бас маман.\nӨтініш № \(number).\nАдресат: Ержан Нұрланов, ЖСН 061211600012, Көкшетау, Абай к-сі 1.",
            .title: "Жеке тұрғын үй құрылысы үшін жер учаскесін беру туралы",
            .salutation: "Құрметті Ержан!",
            .operativeSummary: "Ержан Нұрлановқа Көкшетау қаласында жеке тұрғын үй құрылысы үшін 0,10 га жер учаскесі берілді.",
            .facts: "1) 29.04.2024 өтініш тіркелді (іс құжаты № 1).\n2) 30.04.2024 жер-кадастр картасы бойынша учаске бос екені анықталды (іс құжаты № 1, кадастр анықтамасы).",
            .legalReasoning: "Жер кодексінің 43-бабының 1-тармағында жер учаскесі бос жерлерден өтініш бойынша берілетіні көзделген. Бұл шарт орындалды, себебі учаске бос (іс құжаты № 1) және өтініш берілген; сондықтан учаске беріледі. Әкімдіктің құзыреті Жер кодексінің 17-бабымен белгіленген: облыс әкімдігі жер учаскелерін беру туралы шешім қабылдайды.",
            .hearing: "Тыңдау өткізілмеді, себебі шешім өтініш берушіге қолайлы және басқа тұлғалардың құқықтарын қозғамайды.",
            .appealProcedure: "Актіге ол туралы білген күннен бастап үш ай ішінде шағым жасауға болады (ӘРПК 92-бабы). Шағымды жоғары тұрған орган — Қарағанды облысының әкімдігі (мекенжайы: Қарағанды қ., Бұқар жырау даңғылы, 47) қарайды. Шағым жазбаша немесе электрондық нысанда беріледі. Сотқа сотқа дейінгі тәртіппен шағым жасалғаннан кейін жүгінуге болады (ӘРПК 91-бабының 5-тармағы).",
            .signature: "басшы Бақыт Омаров"]
        let ru: ActSections = [
            .introduction: "Акимат Акмолинской области, г. Кокшетау, ул. Абая, 83.\nОтветственный сотрудник: Арман Касымов, главный специалист.\nОбращение № \(number).\nАдресат: Ержан Нурланов, ИИН 061211600012, Кокшетау, ул. Абая, 1.",
            .title: "О предоставлении земельного участка под индивидуальное жилищное строительство",
            .salutation: "Уважаемый Ержан!",
            .operativeSummary: "Ержану Нурланову предоставлен земельный участок площадью 0,10 га в городе Кокшетау под индивидуальное жилищное строительство.",
            .facts: "1) 29.04.2024 зарегистрировано заявление (документ дела № 1).\n2) 30.04.2024 по земельно-кадастровой карте установлено, что участок свободен (документ дела № 1, кадастровая справка).",
            .legalReasoning: "Пункт 1 статьи 43 Земельного кодекса предусматривает, что земельный участок предоставляется из свободных земель по заявлению. Это условие выполнено, поскольку участок свободен (документ дела № 1) и заявление подано; поэтому участок предоставляется. Компетенция акимата установлена статьей 17 Земельного кодекса: акимат области принимает решения о предоставлении земельных участков.",
            .hearing: "Заслушивание не проводилось, так как решение благоприятно для заявителя и не затрагивает прав других лиц.",
            .appealProcedure: "Акт может быть обжалован в течение трех месяцев со дня, когда вы узнали о нем (АППК, ст. 92). Жалобу рассматривает вышестоящий орган — акимат Карагандинской области (адрес: г. Караганда, пр. Бухар жырау, 47). Жалоба подается письменно или в электронной форме. Обращение в суд возможно после обжалования в досудебном порядке (АППК, ст. 91, п. 5).",
            .signature: "аким Бакыт Омаров"]
        return (kk, ru)
    }

    @Test("R38, R42, R44: a favourable act with the hearing omitted (R35) is drafted, written in both languages, signed the same day and read back as PDF from the exported case",
          .enabled(if: CaseExportTests.available, "no Chromium, pdftotext or qpdf here (CI requires them)"), arguments: TestDatabases.all)
    func favourableAct(database: DatabaseLocation) async throws {
        guard let chromium = PDFTests.chromium else { Issue.record("Chromium is required"); return }
        let clock = TestClock(kz: "2024-04-29T11:00:00+05:00")
        try await withZhauapApp(database: database, clock: clock) { app in
            app.pdfRenderer = PDFRenderer(executable: chromium)
            let w = try await World.make(app)
            let reg = try #require(try await api.register(app, w, HearingAPITests.application).1)
            let id = reg.appeal.id
            try await hearing.ok(app, w, id, as: "head", #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#)
            try await hearing.ok(app, w, id, #"{"action":"confirm_kind","kind":"application","area":"land"}"#)
            clock.set(iso: "2024-04-30T11:00:00+05:00")
            try await hearing.ok(app, w, id, #"{"action":"plan_hearing","outcome":"favourable","burdensThirdParty":false}"#)
            try await hearing.ok(app, w, id, #"{"action":"omit_hearing","reason":"favourable_no_third_party"}"#)
            try await hearing.ok(app, w, id, #"{"action":"draft_act","kind":"favourable"}"#)
            var v = try await view(app, w, id)
            #expect(v.draft?.versions["kk"]?["operative_summary"]?.contains("қанағаттандырылды") == true)
            #expect(v.draft?.versions["kk"]?["hearing"]?.hasPrefix("Тыңдау өткізілмеді") == true, "R35: why no hearing, from the omission")
            let act = Self.favourable(reg.coupon.number)
            try await hearing.ok(app, w, id, try edit(act.kk, act.ru))
            v = try await view(app, w, id, as: "head")
            #expect(v.check?.findings.isEmpty == true && v.check?.signable == true, "\(v.check?.findings.map(\.code) ?? [])")
            try await hearing.ok(app, w, id, as: "head", #"{"action":"sign_act"}"#)
            v = try await view(app, w, id)
            #expect(v.state == "decided" && v.signed?.signedOn == "2024-04-30" && v.signed?.sha256.count == 2)
            try await app.testing().test(.POST, "api/v1/appeals/\(id)/case/exports?lang=ru", headers: w.auth("executor")) { res async throws in
                #expect(res.status == .created)
            }
            let (_, pdf) = try await api.get(app, "api/v1/appeals/\(id)/case/exports/1/pdf", headers: w.auth("executor"))
            // pdftotext breaks lines where the page does: the words read back in order.
            let text = try PDFTests.text(of: pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("Жеке тұрғын үй құрылысы үшін жер учаскесін беру туралы") && text.contains("О предоставлении земельного участка"))
            #expect(text.contains("Құрметті Ержан!") && text.contains("Уважаемый Ержан!"))
        }
    }
}
