import Foundation
import WorkingCalendar
import ZhauapDomain

/// The justified administrative act (R43) in one language — each version its own document (Law "On
/// languages" Arts. 8, 11) — in the model structure, every part a visibly separate section, with the act's
/// number and date, the signature and the hashes' seam for an electronic signature. Every value is escaped.
public enum ActDocuments {
    /// The heading of each section as printed, in the act's language.
    public static func heading(_ s: ActSection, _ lang: Language) -> String {
        let kk = lang != .ru
        return switch s {
        case .introduction: kk ? "Кіріспе" : "Вводная часть"
        case .title: kk ? "Тақырыбы" : "Заголовок"
        case .salutation: kk ? "Үндеу" : "Обращение"
        case .operativeSummary: kk ? "Қарар бөлігі" : "Резолютивная часть"
        case .facts: kk ? "Мән-жайлар мен дәлелдемелер" : "Обстоятельства и доказательства"
        case .legalReasoning: kk ? "Құқықтық негіздеме" : "Правовое обоснование"
        case .arguments: kk ? "Өтініш берушінің дәлелдері" : "Доводы заявителя"
        case .discretion: kk ? "Дискрециялық өкілеттікті жүзеге асыру (ӘРПК 10, 11-баптары)" : "Осуществление усмотрения (АППК, ст. 10, 11)"
        case .hearing: kk ? "Тыңдау" : "Заслушивание"
        case .appealProcedure: kk ? "Шағым жасау тәртібі" : "Порядок обжалования"
        case .signature: kk ? "Қолы" : "Подпись"
        }
    }

    public static func kindName(_ k: ActKind, _ lang: Language) -> String {
        let kk = lang != .ru
        return switch k {
        case .favourable: kk ? "Қолайлы әкімшілік акт" : "Благоприятный административный акт"
        case .burdening: kk ? "Ауыртпалық түсіретін әкімшілік акт" : "Обременяющий административный акт"
        case .complaintDecision: kk ? "Шағым бойынша шешім" : "Решение по жалобе"
        }
    }

    /// The act as signed (or, before the signature, as drafted, marked so).
    public static func act(_ a: Appeal, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang != .ru
        guard let d = a.act else { return "" }
        let sections = d.sections(lang)
        let signed = a.signedAct
        let kind = kindName(d.kind, lang)
        let mark = signed.map { "№ \(escapeHTML($0.number)) · \($0.signedOn.inWords(lang))" }
            ?? "<strong>\(kk ? "ЖОБА" : "ПРОЕКТ")</strong> · \(kk ? "нұсқа" : "редакция") \(d.revision)"
        let parts = ActSection.allCases.filter { $0 != .title && $0 != .signature }.compactMap { s -> String? in
            guard let text = sections[s], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return "<section class=\"act-\(s.rawValue)\"><h2>\(heading(s, lang))</h2>\(HearingDocuments.paragraphs(text))</section>"
        }.joined(separator: "\n")
        let title = sections[.title].flatMap { $0.isEmpty ? nil : $0 } ?? kind
        return page(lang: lang.rawValue, title: title, body: """
            <header class="letterhead"><p class="body"><strong>\(escapeHTML(kk ? body.nameKk : body.nameRu))</strong></p>
            <p class="outgoing">\(kind) · \(mark)</p></header>
            <h1>\(escapeHTML(title))</h1>
            \(parts)
            <section class="act-signature"><h2>\(heading(.signature, lang))</h2>\(HearingDocuments.paragraphs(sections[.signature]))</section>
            """)
    }
}
