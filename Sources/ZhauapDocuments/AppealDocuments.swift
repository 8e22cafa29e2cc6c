import Foundation
import WorkingCalendar
import ZhauapDomain

/// The documents an applicant receives about an appeal, in Kazakh or Russian — each language a separate
/// document (R46).
public enum AppealDocument: String, Sendable, CaseIterable {
    /// The coupon (талон) given at registration (APPC 64(2)).
    case coupon
    /// The return for correction: the deficiency, how to remedy it, the deadline, the consequence (R4).
    case correctionNotice = "correction_notice"
    /// The notice that the appeal (or part of it) was sent to the competent body (APPC 65, R6).
    case forwardingNotice = "forwarding_notice"
    /// The notice that the consideration term was extended: the reason and the new date (APPC 76(2), R15).
    case extensionNotice = "extension_notice"

    /// The same document as the procedure knows it (for recording its sending).
    public var outgoing: OutgoingDocument { OutgoingDocument(rawValue: rawValue)! }

    /// Whether the appeal has what this document needs.
    public func isAvailable(for a: Appeal) -> Bool { outgoing.isAvailable(for: a) }

    /// The document as HTML in `lang` (kk or ru). Every value from the appeal is escaped.
    public func render(_ a: Appeal, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang == .kk
        let bodyName = escapeHTML(kk ? body.nameKk : body.nameRu)
        let r = a.registration
        let applicant = escapeHTML(Self.applicantName(a.applicant) ?? (kk ? "көрсетілмеген" : "не указан"))
        let local = RegistrationDay.local(r.receivedAt, timeZone: body.timeZone)
        let received = local.date.inWords(lang) + String(format: ", %02d:%02d", local.minute / 60, local.minute % 60)
        switch self {
        case .coupon:
            let title = kk ? "Жолданымды қабылдау туралы талон" : "Талон о приёме обращения"
            return page(lang: lang.rawValue, title: title, body: """
                <p>\(bodyName)</p><h1>\(title)</h1>
                <dl>
                <dt>\(kk ? "Тіркеу нөмірі" : "Регистрационный номер")</dt><dd>\(escapeHTML(r.number))</dd>
                <dt>\(kk ? "Қабылданған күні мен уақыты" : "Дата и время приёма")</dt><dd>\(received)</dd>
                <dt>\(kk ? "Өтініш беруші" : "Заявитель")</dt><dd>\(applicant)</dd>
                <dt>\(kk ? "Қабылдаған қызметкер" : "Принял")</dt><dd>\(escapeHTML(r.receivedByName)), \(escapeHTML(r.receivedByPosition))</dd>
                <dt>\(kk ? "Қарау мерзімі" : "Срок рассмотрения")</dt><dd>\(a.term(.consideration).map { $0.due.untilInWords(lang) } ?? "—")</dd>
                <dt>\(kk ? "Бақылау коды" : "Код для отслеживания")</dt><dd>\(escapeHTML(r.trackingCode))</dd>
                </dl>
                <p>\(kk ? "Жолданымның жай-күйін тіркеу нөмірі мен бақылау коды бойынша тексеруге болады." : "Состояние обращения можно проверить по регистрационному номеру и коду.")</p>
                """)
        case .correctionNotice:
            let c = a.correction
            let title = kk ? "Кемшілікті жою туралы хабарлама" : "Уведомление об устранении недостатков"
            return page(lang: lang.rawValue, title: title, body: """
                <p>\(bodyName)</p><p class="date">\(c?.requestedOn.inWords(lang) ?? "")</p><h1>\(title)</h1>
                <p>\(kk ? "Құрметті" : "Уважаемый(ая)") \(applicant)!</p>
                <p>\(kk ? "Сіздің" : "Ваше обращение") № \(escapeHTML(r.number)) \(kk ? "жолданымыңызда мынадай кемшілік анықталды" : "содержит следующий недостаток"):</p>
                <p>\(escapeHTML(c?.deficiency ?? ""))</p>
                <p>\(kk ? "Оны жою тәсілі" : "Как его устранить"): \(escapeHTML(c?.remedy ?? ""))</p>
                <p>\(kk ? "Мерзімі" : "Срок"): \(c.map { $0.due.untilInWords(lang) + (kk ? " (қоса алғанда)" : " включительно") } ?? "")</p>
                <p>\(kk ? "Кемшілік жойылмаған жағдайда" : "Если недостаток не будет устранён"): \(escapeHTML(c?.consequence ?? ""))</p>
                <p class="sign">\(bodyName)</p>
                """)
        case .extensionNotice:
            return Self.extensionNotice(a, bodyName: bodyName, applicant: applicant, lang: lang)
        case .forwardingNotice:
            let f = a.forwardings.last
            let title = kk ? "Жолданымды жіберу туралы хабарлама" : "Уведомление о направлении обращения"
            let scope = f?.demands.map { d in (kk ? "мына талаптар бөлігінде: " : "в части требований: ") + escapeHTML(d.joined(separator: "; ")) }
                ?? (kk ? "толық" : "полностью")
            return page(lang: lang.rawValue, title: title, body: """
                <p>\(bodyName)</p><p class="date">\(f?.forwardedOn.inWords(lang) ?? "")</p><h1>\(title)</h1>
                <p>\(kk ? "Құрметті" : "Уважаемый(ая)") \(applicant)!</p>
                <p>\(kk ? "ҚР ӘРПК 65-бабына сәйкес Сіздің" : "В соответствии со статьёй 65 АППК РК Ваше обращение") № \(escapeHTML(r.number))
                \(kk ? "жолданымыңыз" : "") \(scope) \(kk ? "құзыретті органға жіберілді" : "направлено в компетентный орган"):
                \(escapeHTML(f?.targetName ?? "")).</p>
                <p class="sign">\(bodyName)</p>
                """)
        }
    }

    static func extensionNotice(_ a: Appeal, bodyName: String, applicant: String, lang: Language) -> String {
        let kk = lang == .kk
        let t = a.terms.last { $0.purpose == .consideration && $0.originalDue != nil }
        let title = kk ? "Қарау мерзімін ұзарту туралы хабарлама" : "Уведомление о продлении срока рассмотрения"
        return page(lang: lang.rawValue, title: title, body: """
            <p>\(bodyName)</p><h1>\(title)</h1>
            <p>\(kk ? "Құрметті" : "Уважаемый(ая)") \(applicant)!</p>
            <p>\(kk ? "ҚР ӘРПК 76-бабының 2-тармағына сәйкес Сіздің № \(escapeHTML(a.registration.number)) жолданымыңызды қарау мерзімі"
                   : "В соответствии с пунктом 2 статьи 76 АППК РК срок рассмотрения Вашего обращения № \(escapeHTML(a.registration.number))")
            \(t.map { kk ? "\($0.originalDue!.inWords(lang)) орнына \($0.due.untilInWords(lang)) ұзартылды." : "продлён до \($0.due.inWords(lang)) (вместо \($0.originalDue!.inWords(lang)))." } ?? "")</p>
            <p>\(kk ? "Ұзарту себебі" : "Причина продления"): \(escapeHTML(t?.extensionReason ?? ""))</p>
            <p class="sign">\(bodyName)</p>
            """)
    }

    static func applicantName(_ p: Applicant) -> String? { p.displayName }
}
