import Foundation
import Testing
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain

@Suite("R46: documents in Kazakh and Russian, one language each")
struct DocumentTests {
    static let body = AdministrativeBody(code: "ALM", nameKk: "Алматы қаласының әкімдігі", nameRu: "Акимат города Алматы")

    static func appeal(essence: String = "Жер учаскесі", surname: String = "Нұрланов") throws -> Appeal {
        let calendar = try WorkingDayCalendar.kazakhstan()
        let registrar = Actor(userID: UUID(), bodyID: body.id, name: "Әлия Серікқызы", position: "тіркеуші", roles: [.registrar])
        let ctx = ProcedureContext(actor: registrar, body: body, today: CivilDate(year: 2024, month: 1, day: 25)!, calendar: calendar,
                                   rules: try TermRules.bundled())
        let received = ISO8601DateFormatter().date(from: "2024-01-25T10:00:00+06:00")!
        return try Procedure.register(Procedure.Draft(channel: .paper, receivedAt: received,
                                                      applicant: Applicant(surname: surname, givenName: "Ержан"), essence: essence),
                                      id: UUID(), sequence: 12, recordedAt: received, trackingCode: "K7Q2M4XA", context: ctx).0
    }

    @Test("R1, R46: the coupon in Kazakh has the number, the moment of receipt in words, receiver and due date, and no Russian")
    func couponKk() throws {
        let html = AppealDocument.coupon.render(try Self.appeal(), body: Self.body, lang: .kk)
        for needle in ["lang=\"kk\"", "Жолданымды қабылдау туралы талон", "ALM-2024-00012", "2024 жылғы 25 қаңтар, 10:00", "Әлия Серікқызы, тіркеуші",
                       "2024 жылғы 14 ақпанға дейін", "K7Q2M4XA", "Алматы қаласының әкімдігі"] {
            #expect(html.contains(needle), "\(needle)")
        }
        #expect(!html.contains("Акимат города Алматы") && !html.contains("Талон о приёме"))
    }

    @Test("R46: the coupon in Russian is a separate document")
    func couponRu() throws {
        let html = AppealDocument.coupon.render(try Self.appeal(), body: Self.body, lang: .ru)
        #expect(html.contains("Талон о приёме обращения") && html.contains("до 14 февраля 2024 г.") && html.contains("25 января 2024 г., 10:00") && html.contains("Акимат города Алматы"))
        #expect(!html.contains("Алматы қаласының әкімдігі"))
    }

    @Test("Applicant-written text is escaped, never markup")
    func escaping() throws {
        let html = AppealDocument.coupon.render(try Self.appeal(surname: "<script>alert(1)</script><img src=x onerror=alert(2)>"),
                                                body: Self.body, lang: .ru)
        #expect(!html.contains("<script>alert") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"))
    }

    @Test("R4: the correction notice states the deficiency, the remedy, the deadline and the consequence")
    func correctionNotice() throws {
        var a = try Self.appeal()
        #expect(!AppealDocument.correctionNotice.isAvailable(for: a))
        a.stage = .awaitingCorrection(CorrectionRequest(deficiency: "Қолы жоқ", remedy: "Қол қойыңыз", consequence: "Қаралмай қайтарылады",
                                                        requestedOn: CivilDate(year: 2024, month: 1, day: 26)!,
                                                        due: CivilDate(year: 2024, month: 2, day: 1)!), executor: nil)
        let kk = AppealDocument.correctionNotice.render(a, body: Self.body, lang: .kk)
        for needle in ["Құрметті Нұрланов Ержан!", "Қолы жоқ", "Қол қойыңыз", "2024 жылғы 1 ақпанға дейін", "2024 жылғы 26 қаңтар", "Қаралмай қайтарылады"] {
            #expect(kk.contains(needle), "\(needle)")
        }
        #expect(AppealDocument.correctionNotice.render(a, body: Self.body, lang: .ru).contains("до 1 февраля 2024 г. включительно"))
    }

    @Test("R15, R46: the extension notice gives the old and the new date and the reason, in one language each")
    func extensionNotice() throws {
        var a = try Self.appeal()
        #expect(!AppealDocument.extensionNotice.isAvailable(for: a))
        let i = try #require(a.terms.firstIndex { $0.purpose == .consideration })
        a.terms[i].originalDue = a.terms[i].due
        a.terms[i].due = CivilDate(year: 2024, month: 3, day: 14)!
        a.terms[i].extensionReason = "Басқа органнан <мәлімет> сұралды"
        let kk = AppealDocument.extensionNotice.render(a, body: Self.body, lang: .kk)
        for needle in ["Қарау мерзімін ұзарту туралы хабарлама", "ALM-2024-00012", "2024 жылғы 14 ақпан орнына", "2024 жылғы 14 наурызға дейін",
                       "Басқа органнан &lt;мәлімет&gt; сұралды", "76-бабының 2-тармағына"] {
            #expect(kk.contains(needle), "\(needle)")
        }
        let ru = AppealDocument.extensionNotice.render(a, body: Self.body, lang: .ru)
        #expect(ru.contains("продлён до 14 марта 2024 г. (вместо 14 февраля 2024 г.)") && !ru.contains("ұзартылды"))
    }
}
