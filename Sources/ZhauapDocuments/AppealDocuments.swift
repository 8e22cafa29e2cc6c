import Foundation
import WorkingCalendar
import ZhauapDomain

/// The documents an applicant receives about an appeal, in Kazakh or Russian — each language a separate
/// document (R46). Every letter carries the body and its contacts, its outgoing number and date, the
/// applicant's address, and its signatory.
public enum AppealDocument: String, Sendable, CaseIterable {
    /// The coupon (талон) given at registration (APPC 64(2)).
    case coupon
    /// The return for correction: the deficiency, how to remedy it, the deadline, the consequence (R4).
    case correctionNotice = "correction_notice"
    /// The notice that the appeal (or part of it) was sent to the competent body (APPC 65, R6).
    case forwardingNotice = "forwarding_notice"
    /// The notice that the consideration term was extended: the reason and the new date (APPC 76(2), R15).
    case extensionNotice = "extension_notice"
    /// The notice that the procedure was terminated, with its ground (APPC 70, 88; R8).
    case terminationNotice = "termination_notice"
    /// The answer of the simplified procedure (APPC 87–89, R46).
    case answerLetter = "answer_letter"

    /// The same document as the procedure knows it (for recording its sending).
    public var outgoing: OutgoingDocument { OutgoingDocument(rawValue: rawValue)! }

    /// Whether the appeal has what this document needs.
    public func isAvailable(for a: Appeal) -> Bool { outgoing.isAvailable(for: a) }

    /// The languages this document is produced in for the appeal.
    public func languages(for a: Appeal) -> [Language] { outgoing.languages(for: a) }

    /// The document as HTML in `lang` (kk or ru). Every value from the appeal is escaped.
    public func render(_ a: Appeal, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang == .kk
        let r = a.registration
        let letter = Letter(appeal: a, body: body, lang: lang, issue: a.issue(of: outgoing))
        let number = escapeHTML(r.number)
        switch self {
        case .coupon:
            let local = RegistrationDay.local(r.receivedAt, timeZone: body.timeZone)
            let received = local.date.inWords(lang) + String(format: ", %02d:%02d", local.minute / 60, local.minute % 60)
            let title = kk ? "Жолданымды қабылдау туралы талон" : "Талон о приёме обращения"
            return page(lang: lang.rawValue, title: title, body: """
                \(letter.head)<h1>\(title)</h1>
                <dl>
                <dt>\(kk ? "Тіркеу нөмірі" : "Регистрационный номер")</dt><dd>\(number)</dd>
                <dt>\(kk ? "Қабылданған күні мен уақыты" : "Дата и время приёма")</dt><dd>\(received)</dd>
                <dt>\(kk ? "Тіркелген күні" : "Дата регистрации")</dt><dd>\(r.registeredOn.inWords(lang))</dd>
                <dt>\(kk ? "Өтініш беруші" : "Заявитель")</dt><dd>\(letter.applicant)</dd>
                <dt>\(kk ? "Қабылдаған қызметкер" : "Принял")</dt><dd>\(escapeHTML(r.receivedByName)), \(escapeHTML(lang == .ru ? (r.receivedByPositionRu ?? r.receivedByPosition) : r.receivedByPosition))</dd>
                <dt>\(kk ? "Қарау мерзімі" : "Срок рассмотрения")</dt><dd>\(a.term(.consideration).map { $0.due.untilInWords(lang) } ?? "—")</dd>
                <dt>\(kk ? "Бақылау коды" : "Код для отслеживания")</dt><dd>\(escapeHTML(r.trackingCode))</dd>
                </dl>
                <p>\(kk ? "Жолданымның жай-күйін органның сайтындағы «Жолданымды бақылау» бетінде (/track) тіркеу нөмірі мен бақылау кодын енгізіп тексеруге болады; код бас әріппен де, кіші әріппен де қабылданады."
                        : "Состояние обращения можно проверить на странице «Отслеживание обращения» (/track) на сайте органа, введя регистрационный номер и код; код принимается в любом регистре.")</p>
                \(letter.contacts)
                """)
        case .correctionNotice:
            let c = a.correction
            let w = c?.wording(lang)
            let title = kk ? "Кемшілікті жою туралы хабарлама" : "Уведомление об устранении недостатков"
            return letter.render(title: title, content: """
                <p>\(kk ? "Сіздің № \(number) жолданымыңызда мынадай кемшілік анықталды" : "Ваше обращение № \(number) содержит следующий недостаток"):</p>
                <p>\(escapeHTML(w?.deficiency ?? ""))</p>
                <p>\(kk ? "Оны жою тәсілі" : "Как его устранить"): \(escapeHTML(w?.remedy ?? ""))</p>
                <p>\(kk ? "Мерзімі" : "Срок"): \(c.map { $0.due.untilInWords(lang) + (kk ? " (қоса алғанда)" : " включительно") } ?? "")</p>
                <p>\(kk ? "Кемшілік жойылмаған жағдайда" : "Если недостаток не будет устранён"): \(escapeHTML(w?.consequence ?? ""))</p>
                """)
        case .extensionNotice:
            let t = a.terms.last { $0.purpose == .consideration && $0.originalDue != nil }
            let title = kk ? "Қарау мерзімін ұзарту туралы хабарлама" : "Уведомление о продлении срока рассмотрения"
            let moved = t.map { kk ? "\($0.originalDue!.genitiveInWords(lang)) орнына \($0.due.untilInWords(lang)) ұзартылды."
                                   : "продлён до \($0.due.inWords(lang)) (вместо \($0.originalDue!.inWords(lang)))." } ?? ""
            return letter.render(title: title, content: """
                <p>\(kk ? "ҚР ӘРПК 76-бабының 2-тармағына сәйкес Сіздің № \(number) жолданымыңызды қарау мерзімі \(moved)"
                        : "В соответствии с пунктом 2 статьи 76 АППК РК срок рассмотрения Вашего обращения № \(number) \(moved)")</p>
                <p>\(kk ? "Ұзарту себебі" : "Причина продления"): \(escapeHTML((kk ? t?.extensionReason : t?.extensionReasonRu) ?? ""))</p>
                """)
        case .forwardingNotice:
            let f = a.forwardings.last
            let title = kk ? "Жолданымды жіберу туралы хабарлама" : "Уведомление о направлении обращения"
            let target = escapeHTML((kk ? f?.targetName : (f?.targetNameRu ?? f?.targetName)) ?? "")
            let text: String
            if let demands = f?.demands {
                let list = escapeHTML(demands.joined(separator: "; "))
                text = kk ? "ҚР ӘРПК 65-бабына сәйкес Сіздің № \(number) жолданымыңыздың мына талаптары бөлігі құзыреті бойынша \(target) органына жіберілді: \(list). Қалған талаптарды орган өзі қарайды."
                          : "В соответствии со статьёй 65 АППК РК Ваше обращение № \(number) в части требований «\(list)» направлено по компетенции: \(target). Остальные требования рассматриваются органом."
            } else {
                text = kk ? "ҚР ӘРПК 65-бабына сәйкес Сіздің № \(number) жолданымыңыз тұтастай құзыреті бойынша \(target) органына жіберілді."
                          : "В соответствии со статьёй 65 АППК РК Ваше обращение № \(number) полностью направлено по компетенции: \(target)."
            }
            return letter.render(title: title, content: "<p>\(text)</p>")
        case .terminationNotice:
            let title = kk ? "Әкімшілік рәсімді тоқтату туралы хабарлама" : "Уведомление о прекращении административной процедуры"
            let t = a.termination
            let ground = t.map { Self.ground($0.ground, lang) } ?? ""
            // The note is the official's own record, typed in one language; only "another ground provided by law"
            // prints it, as the citation of that law.
            let note = t.flatMap { $0.ground == .otherLaw ? $0.note : nil }.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            return letter.render(title: title, content: """
                <p>\(kk ? "Сіздің № \(number) жолданымыңыз бойынша әкімшілік рәсім тоқтатылды." : "Административная процедура по Вашему обращению № \(number) прекращена.")</p>
                <p>\(kk ? "Негізі" : "Основание"): \(ground)</p>
                \(note.map { "<p>\(escapeHTML($0))</p>" } ?? "")
                <p>\(kk ? "Бұл шешімге ҚР ӘРПК 91-бабына сәйкес жоғары тұрған органға шағым жасауға болады."
                        : "Это решение может быть обжаловано в вышестоящий орган в соответствии со статьёй 91 АППК РК.")</p>
                """)
        case .answerLetter:
            let answer = a.answer
            let title = kk ? "Жолданымға жауап" : "Ответ на обращение"
            let text = answer?.text(lang) ?? ""
            let paragraphs = text.split(whereSeparator: \.isNewline).map { "<p>\(escapeHTML(String($0)))</p>" }.joined(separator: "\n")
            return letter.render(title: title, content: """
                <p>\(kk ? "Сіздің № \(number) жолданымыңызды қарап, мынаны хабарлаймыз." : "Рассмотрев Ваше обращение № \(number), сообщаем следующее.")</p>
                \(paragraphs)
                <p>\(kk ? "Жолданымды қарау нәтижесі" : "Результат рассмотрения"): \(answer.map { Self.character($0.character, lang) } ?? "")</p>
                <p>\(kk ? "Жауаппен келіспеген жағдайда ҚР ӘРПК 91-бабына сәйкес жоғары тұрған органға шағым жасауға болады."
                        : "В случае несогласия с ответом его можно обжаловать в вышестоящий орган в соответствии со статьёй 91 АППК РК.")</p>
                """)
        }
    }

    /// The ground as the applicant reads it, with its article.
    static func ground(_ g: TerminationGround, _ lang: Language) -> String {
        let kk = lang == .kk
        return switch g {
        case .essenceNotStated: kk ? "жолданымның мәні баяндалмаған (ҚР ӘРПК 88-бабы)" : "не изложена суть обращения (статья 88 АППК РК)"
        case .repeatedWithoutNewArguments: kk ? "жаңа дәлелдер келтірілмеген қайталама жолданым, бұрынғылары тексеріліп, жауап берілген (ҚР ӘРПК 88-бабы)"
                                              : "повторное обращение без новых доводов, прежние проверены и на них даны ответы (статья 88 АППК РК)"
        case .authorshipUnknown: kk ? "жолданымда қолы да, пошталық мекенжайы да жоқ (ҚР ӘРПК 88-бабы)" : "в обращении нет ни подписи, ни почтового адреса (статья 88 АППК РК)"
        case .returned: kk ? "кемшілік белгіленген мерзімде жойылмағандықтан жолданым қайтарылды (ҚР ӘРПК 63-бабы)"
                           : "обращение возвращено, так как недостаток не устранён в установленный срок (статья 63 АППК РК)"
        case .leftWithoutConsideration: kk ? "кемшілік белгіленген мерзімде жойылмағандықтан жолданым қараусыз қалдырылды (ҚР ӘРПК 63-бабы)"
                                           : "обращение оставлено без рассмотрения, так как недостаток не устранён в установленный срок (статья 63 АППК РК)"
        case .withdrawn: kk ? "өтініш беруші жолданымды кері қайтарып алды (ҚР ӘРПК 70-бабы)" : "заявитель отозвал обращение (статья 70 АППК РК)"
        case .courtActInForce: kk ? "сол тұлғаға қатысты, сол мән және сол негіздер бойынша заңды күшіне енген сот актісі бар (ҚР ӘРПК 70-бабы)"
                                  : "имеется вступивший в силу судебный акт в отношении того же лица, по тому же предмету и основаниям (статья 70 АППК РК)"
        case .alreadyDecided: kk ? "орган сол мән және сол негіздер бойынша іс бойынша бұрын шешім қабылдаған (ҚР ӘРПК 70-бабы)"
                                 : "орган ранее принял решение по делу с тем же предметом и основаниями (статья 70 АППК РК)"
        case .otherLaw: kk ? "заңда көзделген өзге негіз" : "иное основание, предусмотренное законом"
        }
    }

    static func character(_ c: AnswerCharacter, _ lang: Language) -> String {
        let kk = lang == .kk
        return switch c {
        case .explained: kk ? "түсіндірілді" : "разъяснено"
        case .satisfied: kk ? "қанағаттандырылды" : "удовлетворено"
        case .refused: kk ? "бас тартылды" : "отказано"
        case .takenIntoAccount: kk ? "назарға алынды" : "принято к сведению"
        }
    }

    static func applicantName(_ p: Applicant) -> String? { p.displayName }
}

/// The frame every letter shares: the body and its contacts, the outgoing number and date, the
/// addressee with the address, the salutation, and the signature.
struct Letter {
    var appeal: Appeal
    var body: AdministrativeBody
    var lang: Language
    var issue: IssuedDocument?

    var kk: Bool { lang == .kk }
    var applicant: String {
        escapeHTML(AppealDocument.applicantName(appeal.applicant) ?? (kk ? "көрсетілмеген" : "не указан"))
    }

    /// The body, and the outgoing number and date of this letter.
    var head: String {
        let name = escapeHTML(kk ? body.nameKk : body.nameRu)
        let outgoing = issue.map { "<p class=\"outgoing\">\(kk ? "Шығыс" : "Исх.") № \(escapeHTML($0.number)) · \($0.issuedOn.inWords(lang))</p>" } ?? ""
        return "<header class=\"letterhead\"><p class=\"body\"><strong>\(name)</strong></p>\(outgoing)</header>"
    }

    /// The addressee block: the applicant and where the letter goes.
    var addressee: String {
        let p = appeal.applicant
        let lines = [p.postalAddress, p.email].compactMap { $0 }.map(escapeHTML)
        let none = kk ? "мекенжайы көрсетілмеген" : "адрес не указан"
        return "<address class=\"addressee\">\(applicant)<br>\(lines.isEmpty ? none : lines.joined(separator: "<br>"))</address>"
    }

    /// The body's address and contacts.
    var contacts: String {
        let address = body.address.trimmingCharacters(in: .whitespaces), contacts = body.contacts.trimmingCharacters(in: .whitespaces)
        let lines = [address.isEmpty ? nil : "\(kk ? "Мекенжайы" : "Адрес"): \(escapeHTML(address))",
                     contacts.isEmpty ? nil : "\(kk ? "Байланыс" : "Контакты"): \(escapeHTML(contacts))"].compactMap { $0 }
        return lines.isEmpty ? "" : "<footer class=\"contacts\">\(lines.joined(separator: "<br>"))</footer>"
    }

    var signature: String {
        guard let issue else { return "<p class=\"sign\">\(escapeHTML(kk ? body.nameKk : body.nameRu))</p>" }
        return "<p class=\"sign\">\(escapeHTML(issue.position(lang)))<span class=\"signame\">\(escapeHTML(issue.signatoryName))</span></p>"
    }

    func render(title: String, content: String) -> String {
        page(lang: lang.rawValue, title: title, body: """
            \(head)\(addressee)<h1>\(title)</h1>
            <p>\(kk ? "Құрметті" : "Уважаемый(ая)") \(applicant)!</p>
            \(content)
            \(signature)
            \(contacts)
            """)
    }
}
