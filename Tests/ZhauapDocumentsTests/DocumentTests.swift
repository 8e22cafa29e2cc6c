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
        a.issued = [IssuedDocument(document: .correctionNotice, number: "ALM-2024-00012/1", issuedOn: CivilDate(year: 2024, month: 1, day: 26)!,
                                   signatoryName: "Қасымов А.", signatoryPosition: "Бас маман")]
        let kk = AppealDocument.correctionNotice.render(a, body: Self.body, lang: .kk)
        for needle in ["Құрметті Нұрланов Ержан!", "Қолы жоқ", "Қол қойыңыз", "2024 жылғы 1 ақпанға дейін", "2024 жылғы 26 қаңтар", "Қаралмай қайтарылады",
                       "Шығыс № ALM-2024-00012/1", "Бас маман", "Қасымов А."] {
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
        for needle in ["Қарау мерзімін ұзарту туралы хабарлама", "ALM-2024-00012", "2024 жылғы 14 ақпанның орнына", "2024 жылғы 14 наурызға дейін",
                       "Басқа органнан &lt;мәлімет&gt; сұралды", "76-бабының 2-тармағына"] {
            #expect(kk.contains(needle), "\(needle)")
        }
        let ru = AppealDocument.extensionNotice.render(a, body: Self.body, lang: .ru)
        #expect(ru.contains("продлён до 14 марта 2024 г. (вместо 14 февраля 2024 г.)") && !ru.contains("ұзартылды"))
    }

    /// The appeal through the procedure: assigned, of a kind that ends in an answer, in `language`.
    static func considered(language: Language?) throws -> (Appeal, ProcedureContext) {
        var a = try appeal()
        a.language = language
        a.applicant.postalAddress = "Алматы қ., Абай даңғылы 10, 5-пәтер"
        let executor = Actor(userID: UUID(), bodyID: body.id, name: "Арман Қасымов", position: "Бас маман", roles: [.executor])
        let head = Actor(userID: UUID(), bodyID: body.id, name: "Бақыт Омаров", position: "Басшы", roles: [.head])
        let calendar = try WorkingDayCalendar.kazakhstan()
        func ctx(_ actor: Actor) throws -> ProcedureContext {
            ProcedureContext(actor: actor, body: body, today: CivilDate(year: 2024, month: 2, day: 5)!, calendar: calendar, rules: try TermRules.bundled())
        }
        a = try Procedure.apply(.assign(executorID: executor.userID), to: a, context: ctx(head)).0
        a = try Procedure.apply(.confirmKind(.request, area: nil, special: nil), to: a, context: ctx(executor)).0
        return (a, try ctx(executor))
    }

    @Test("R46, Law on languages Art. 11: an answer to a Russian appeal is a letter in Russian and in Kazakh, each with its own text, number, date, address and signatory")
    func answerLetterInBothLanguages() throws {
        let (a, c) = try Self.considered(language: .ru)
        #expect(throws: ProcedureError.missingField("textKk")) {
            _ = try Procedure.apply(.answer(text: "Освещение восстановлено.", character: .satisfied), to: a, context: c)
        }
        let answered = try Procedure.apply(.answer(text: nil, character: .satisfied, textKk: "Жарық қалпына келтірілді.",
                                                   textRu: "Освещение восстановлено."), to: a, context: c).0
        #expect(AppealDocument.answerLetter.languages(for: answered) == [.kk, .ru])
        let issue = try #require(answered.issue(of: .answerLetter))
        #expect(issue.number == "ALM-2024-00012/1" && issue.signatoryName == "Арман Қасымов")
        let kk = AppealDocument.answerLetter.render(answered, body: Self.body, lang: .kk)
        let ru = AppealDocument.answerLetter.render(answered, body: Self.body, lang: .ru)
        for needle in ["Жолданымға жауап", "Жарық қалпына келтірілді.", "Шығыс № ALM-2024-00012/1", "2024 жылғы 5 ақпан",
                       "Абай даңғылы 10", "Бас маман", "Арман Қасымов", "қанағаттандырылды", "91-бабына"] {
            #expect(kk.contains(needle), "kk: \(needle)")
        }
        #expect(!kk.contains("Освещение") && !ru.contains("Жарық қалпына"))
        for needle in ["Ответ на обращение", "Освещение восстановлено.", "Исх. № ALM-2024-00012/1", "5 февраля 2024 г.", "удовлетворено"] {
            #expect(ru.contains(needle), "ru: \(needle)")
        }
    }

    @Test("R46: an answer to a Kazakh appeal typed in Kazakh alone is produced in Kazakh only; an empty text is refused")
    func answerLetterKazakhOnly() throws {
        let (a, c) = try Self.considered(language: .kk)
        #expect(throws: ProcedureError.missingField("text")) { _ = try Procedure.apply(.answer(text: "  ", character: .explained), to: a, context: c) }
        let answered = try Procedure.apply(.answer(text: "Түсіндіреміз.", character: .explained), to: a, context: c).0
        #expect(AppealDocument.answerLetter.languages(for: answered) == [.kk])
        #expect(throws: ProcedureError.languageNotProduced(.ru)) {
            _ = try Procedure.apply(.recordSending(document: .answerLetter, language: .ru, channel: .post, sentOn: nil, reference: nil),
                                    to: answered, context: c)
        }
        let sent = try Procedure.apply(.recordSending(document: .answerLetter, language: .kk, channel: .post, sentOn: nil, reference: "RR123"),
                                       to: answered, context: c).0
        #expect(sent.sendings.last?.document == .answerLetter)
    }

    @Test("R8, R46: the termination notice states the ground with its article in each language, and how to complain")
    func terminationNotice() throws {
        let (a, _) = try Self.considered(language: .kk)
        let head = Actor(userID: UUID(), bodyID: Self.body.id, name: "Бақыт Омаров", position: "Басшы", roles: [.head])
        let c = ProcedureContext(actor: head, body: Self.body, today: CivilDate(year: 2024, month: 2, day: 6)!,
                                 calendar: try WorkingDayCalendar.kazakhstan(), rules: try TermRules.bundled())
        let ended = try Procedure.apply(.terminate(ground: .withdrawn, note: "Өтініш беруші 06.02.2024 жазбаша өтінішпен қайтарып алды"), to: a, context: c).0
        #expect(AppealDocument.terminationNotice.isAvailable(for: ended))
        let kk = AppealDocument.terminationNotice.render(ended, body: Self.body, lang: .kk)
        let ru = AppealDocument.terminationNotice.render(ended, body: Self.body, lang: .ru)
        #expect(kk.contains("кері қайтарып алды (ҚР ӘРПК 70-бабы)") && kk.contains("Басшы") && kk.contains("2024 жылғы 6 ақпан"))
        #expect(ru.contains("заявитель отозвал обращение (статья 70 АППК РК)") && ru.contains("статьёй 91"))
        #expect(!ru.contains("жазбаша өтінішпен"), "the note typed in Kazakh is not put into the Russian notice")
    }
}

/// Law "On languages" Art. 11: free text typed in one language never goes into the other language's document.
@Suite("Documents: the text of each language typed in that language")
struct DocumentWordingTests {
    @Test("R4: for an appeal in Russian the correction needs its Russian wording; each notice carries its own language's words")
    func correctionInBothLanguages() throws {
        let (a0, c) = try DocumentTests.considered(language: .ru)
        let a = try Procedure.apply(.recordCompleteness(missing: [.postalAddress], feeRequired: false), to: a0, context: c).0
        #expect(throws: ProcedureError.missingField("deficiencyRu")) {
            _ = try Procedure.apply(.returnForCorrection(deficiency: "Мекенжай жоқ", remedy: "Мекенжайды жазыңыз", consequence: "Қайтарылады",
                                                         workingDays: 5), to: a, context: c)
        }
        #expect(throws: ProcedureError.missingField("remedyRu")) {
            _ = try Procedure.apply(.returnForCorrection(deficiency: "Мекенжай жоқ", remedy: "Мекенжайды жазыңыз", consequence: "Қайтарылады",
                                                         workingDays: 5, ru: CorrectionWording(deficiency: "Нет адреса", remedy: " ", consequence: "Вернут")),
                                    to: a, context: c)
        }
        let returned = try Procedure.apply(.returnForCorrection(deficiency: "Мекенжай жоқ", remedy: "Мекенжайды жазыңыз", consequence: "Қайтарылады",
                                                                workingDays: 5, ru: CorrectionWording(deficiency: "Нет адреса", remedy: "Укажите адрес",
                                                                                                      consequence: "Обращение вернут")),
                                           to: a, context: c).0
        #expect(AppealDocument.correctionNotice.languages(for: returned) == [.kk, .ru])
        let kk = AppealDocument.correctionNotice.render(returned, body: DocumentTests.body, lang: .kk)
        let ru = AppealDocument.correctionNotice.render(returned, body: DocumentTests.body, lang: .ru)
        #expect(kk.contains("Мекенжай жоқ") && !kk.contains("Нет адреса"))
        #expect(ru.contains("Нет адреса") && ru.contains("Укажите адрес") && !ru.contains("Мекенжай жоқ"))
    }

    @Test("R4: for an appeal in Kazakh the correction typed in Kazakh alone makes a Kazakh notice only")
    func correctionKazakhOnly() throws {
        let (a0, c) = try DocumentTests.considered(language: .kk)
        let a = try Procedure.apply(.recordCompleteness(missing: [.postalAddress], feeRequired: false), to: a0, context: c).0
        let returned = try Procedure.apply(.returnForCorrection(deficiency: "Мекенжай жоқ", remedy: "Жазыңыз", consequence: "Қайтарылады",
                                                                workingDays: 5), to: a, context: c).0
        #expect(AppealDocument.correctionNotice.languages(for: returned) == [.kk])
    }

    @Test("R15: an extension of an appeal in Russian needs the reason in Russian; the Russian notice prints it and the signatory's Russian position")
    func extensionReason() throws {
        let (a, _) = try DocumentTests.considered(language: .ru)
        let head = Actor(userID: UUID(), bodyID: DocumentTests.body.id, name: "Бақыт Омаров", position: "Басшы", roles: [.head], positionRu: "Руководитель")
        let c = ProcedureContext(actor: head, body: DocumentTests.body, today: CivilDate(year: 2024, month: 2, day: 6)!,
                                 calendar: try WorkingDayCalendar.kazakhstan(), rules: try TermRules.bundled())
        let until = CivilDate(year: 2024, month: 3, day: 14)!
        #expect(throws: ProcedureError.missingField("reasonRu")) { _ = try Procedure.apply(.extend(until: until, reason: "Сараптама"), to: a, context: c) }
        let extended = try Procedure.apply(.extend(until: until, reason: "Сараптама", reasonRu: "Экспертиза"), to: a, context: c).0
        let ru = AppealDocument.extensionNotice.render(extended, body: DocumentTests.body, lang: .ru)
        let kk = AppealDocument.extensionNotice.render(extended, body: DocumentTests.body, lang: .kk)
        #expect(ru.contains("Экспертиза") && !ru.contains("Сараптама") && ru.contains("Руководитель") && !ru.contains("Басшы"))
        #expect(kk.contains("Сараптама") && kk.contains("Басшы") && !kk.contains("Руководитель"))
    }
}

@Suite("Documents: the body's contacts on every letter")
struct LetterContactsTests {
    @Test("R46: the body's address and contacts are printed at the foot of a letter, in both languages")
    func contactsPrinted() throws {
        var body = DocumentTests.body
        body.address = "Алматы, Абай д-лы 1"
        body.contacts = "+7 727 000 00 00 · info@example.kz"
        let (a, c) = try DocumentTests.considered(language: .kk)
        let answered = try Procedure.apply(.answer(text: "Түсіндіреміз.", character: .explained), to: a, context: c).0
        let kk = AppealDocument.answerLetter.render(answered, body: body, lang: .kk)
        #expect(kk.contains("Мекенжайы: Алматы, Абай д-лы 1") && kk.contains("Байланыс: +7 727 000 00 00 · info@example.kz"))
        body.contacts = ""
        #expect(!AppealDocument.answerLetter.render(answered, body: body, lang: .kk).contains("Байланыс:"))
    }
}
