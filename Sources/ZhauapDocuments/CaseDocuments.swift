import Foundation
import WorkingCalendar
import ZhauapDomain

/// The case file's own documents (R11; Documentation Rules, order No. 236): the registration card, the
/// request letter to another body, the internal inventory, the cover and the certification sheet — each in
/// Kazakh or Russian, a separate document per language.
public enum CaseDocuments {
    /// A document's title as the inventory in `lang` lists it: the procedure's own documents by their name
    /// in that language, everything else as typed.
    public static func title(of d: CaseDocument, in a: Appeal, lang: Language) -> String {
        let kk = lang != .ru
        switch d.kind {
        case .registrationCard:
            return kk ? "№ \(a.registration.number) жолданым (тіркеу карточкасы)" : "Обращение № \(a.registration.number) (регистрационная карточка)"
        case .generated:
            let name = d.generated.map { documentName($0, lang) } ?? d.title
            return d.language.map { "\(name) (\($0 == .ru ? (kk ? "орыс тілінде" : "на русском") : (kk ? "қазақ тілінде" : "на казахском")))" } ?? name
        case .requestLetter:
            return (kk ? "Көмек көрсету туралы сұрау салу: " : "Запрос о содействии: ") + d.title
        case .requestAnswer:
            return (kk ? "Сұрау салуға жауап: " : "Ответ на запрос: ") + d.title
        case .expertOpinion:
            return (kk ? "Сарапшы қорытындысы: " : "Заключение эксперта: ") + d.title
        case .draftDecision, .hearingProtocol, .administrativeAct:
            return d.generated.map { documentName($0, lang) } ?? d.title
        case .objection where d.generated == nil && d.title == "objection":
            return kk ? "Алдын ала шешімге қарсылық (онлайн)" : "Возражение на предварительное решение (онлайн)"
        default:
            return d.title
        }
    }

    public static func documentName(_ d: OutgoingDocument, _ lang: Language) -> String {
        let kk = lang != .ru
        return switch d {
        case .coupon: kk ? "Жолданымды қабылдау туралы талон" : "Талон о приёме обращения"
        case .correctionNotice: kk ? "Кемшілікті жою туралы хабарлама" : "Уведомление об устранении недостатков"
        case .forwardingNotice: kk ? "Жолданымды жіберу туралы хабарлама" : "Уведомление о направлении обращения"
        case .extensionNotice: kk ? "Қарау мерзімін ұзарту туралы хабарлама" : "Уведомление о продлении срока рассмотрения"
        case .terminationNotice: kk ? "Әкімшілік рәсімді тоқтату туралы хабарлама" : "Уведомление о прекращении административной процедуры"
        case .answerLetter: kk ? "Жолданымға жауап" : "Ответ на обращение"
        case .draftDecision: kk ? "Алдын ала шешім (шешім жобасы)" : "Предварительное решение (проект решения)"
        case .hearingInvitation: kk ? "Тыңдауға шақыру" : "Приглашение на заслушивание"
        case .hearingProtocol: kk ? "Тыңдау хаттамасы" : "Протокол заслушивания"
        case .administrativeAct: kk ? "Әкімшілік акт" : "Административный акт"
        }
    }

    /// The appeal itself as the case's first document: what was registered, by whom, when.
    public static func registrationCard(_ a: Appeal, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang != .ru
        let r = a.registration
        let local = RegistrationDay.local(r.receivedAt, timeZone: body.timeZone)
        let received = local.date.inWords(lang) + String(format: ", %02d:%02d", local.minute / 60, local.minute % 60)
        let title = kk ? "Жолданымның тіркеу карточкасы" : "Регистрационная карточка обращения"
        let essence = (a.essence ?? "").split(whereSeparator: \.isNewline).map { "<p>\(escapeHTML(String($0)))</p>" }.joined()
        let rows: [(String, String)] = [
            (kk ? "Тіркеу нөмірі" : "Регистрационный номер", escapeHTML(r.number)),
            (kk ? "Іс индексі" : "Индекс дела", escapeHTML(a.caseFile.index)),
            (kk ? "Қабылданған күні мен уақыты" : "Дата и время приёма", received),
            (kk ? "Тіркелген күні" : "Дата регистрации", r.registeredOn.inWords(lang)),
            (kk ? "Түсу арнасы" : "Канал поступления", escapeHTML(r.channel.rawValue)),
            (kk ? "Сыртқы нөмір" : "Внешний номер", escapeHTML(r.externalNumber ?? "—")),
            (kk ? "Өтініш беруші" : "Заявитель", escapeHTML(a.applicant.displayName ?? (kk ? "көрсетілмеген" : "не указан"))),
            (kk ? "Мекенжайы" : "Адрес", escapeHTML(a.applicant.postalAddress ?? "—")),
            (kk ? "Жолданым күні" : "Дата обращения", a.appealDate?.inWords(lang) ?? "—"),
            (kk ? "Парақтар" : "Листов", a.sheets.map(String.init) ?? "—"),
            (kk ? "Қабылдаған қызметкер" : "Принял", escapeHTML(r.receivedByName)),
        ]
        return page(lang: lang.rawValue, title: title, body: """
            <header class="letterhead"><p class="body"><strong>\(escapeHTML(kk ? body.nameKk : body.nameRu))</strong></p></header>
            <h1>\(title)</h1>
            <dl>\(rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined())</dl>
            <h2>\(kk ? "Жолданымның мәні" : "Суть обращения")</h2>
            \(essence.isEmpty ? "<p>—</p>" : essence)
            """)
    }

    /// The request to another body for assistance (R22; APPC 20(1)(8)).
    public static func requestLetter(_ a: Appeal, request r: AssistanceRequest, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang != .ru
        let to = escapeHTML(kk ? r.to.name : (r.to.nameRu ?? r.to.name))
        let question = ((kk ? r.question : (r.questionRu ?? r.question))).split(whereSeparator: \.isNewline)
            .map { "<p>\(escapeHTML(String($0)))</p>" }.joined()
        let title = kk ? "Көмек көрсету туралы сұрау салу" : "Запрос о содействии"
        return page(lang: lang.rawValue, title: title, body: """
            <header class="letterhead"><p class="body"><strong>\(escapeHTML(kk ? body.nameKk : body.nameRu))</strong></p>
            <p class="outgoing">\(kk ? "Шығыс" : "Исх.") № \(escapeHTML(a.registration.number))/\(kk ? "С" : "З")-\(r.number) · \(r.sentOn.inWords(lang))</p></header>
            <address class="addressee">\(to)</address>
            <h1>\(title)</h1>
            <p>\(kk ? "ҚР ӘРПК 20-бабы 1-тармағының 8) тармақшасына сәйкес № \(escapeHTML(a.registration.number)) жолданым (іс \(escapeHTML(a.caseFile.index))) бойынша әкімшілік рәсімде мына мәселе бойынша көмек көрсетуді сұраймыз:"
                    : "В соответствии с подпунктом 8) пункта 1 статьи 20 АППК РК просим оказать содействие в административной процедуре по обращению № \(escapeHTML(a.registration.number)) (дело \(escapeHTML(a.caseFile.index))) по следующему вопросу:")</p>
            \(question)
            <p>\(kk ? "Жауапты \(r.due.untilInWords(lang)) беруіңізді сұраймыз." : "Просим дать ответ до \(r.due.inWords(lang)).")</p>
            <p class="sign">\(escapeHTML(kk ? body.nameKk : body.nameRu))</p>
            """)
    }

    /// The internal inventory (ішкі тізімдеме / внутренняя опись): number, index, date, title, sheets from–to.
    public static func inventory(_ a: Appeal, _ inv: Inventory, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang != .ru
        let title = kk ? "Істің ішкі тізімдемесі" : "Внутренняя опись документов дела"
        let rows = inv.lines.map { l -> String in
            let d = l.document
            let sheets = l.sheets.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
                ?? (kk ? "алынды" : "изъят")
            let name = escapeHTML(Self.title(of: d, in: a, lang: lang))
            let cell = d.isWithdrawn ? "<s>\(name)</s><br><small>\(kk ? "Алынды" : "Изъят"): \(escapeHTML(d.withdrawal?.reason ?? ""))</small>" : name
            return "<tr\(d.isWithdrawn ? " class=\"withdrawn\"" : "")><td>\(d.number)</td><td>\(escapeHTML(inv.index))</td><td>\(d.date.dotted)</td><td>\(cell)</td><td>\(sheets)</td></tr>"
        }.joined(separator: "\n")
        return page(lang: lang.rawValue, title: title, body: """
            <h1>\(title)</h1>
            <p>\(kk ? "Іс" : "Дело") № \(escapeHTML(inv.index)) — \(escapeHTML(a.caseFile.title(lang)))</p>
            <table class="inventory"><thead><tr><th>№</th><th>\(kk ? "Индекс" : "Индекс")</th><th>\(kk ? "Күні" : "Дата")</th>
            <th>\(kk ? "Құжаттың атауы" : "Заголовок документа")</th><th>\(kk ? "Парақтар" : "Листы")</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <p>\(kk ? "Барлығы \(inv.activeDocuments) құжат, \(inv.totalSheets) парақ." : "Итого \(inv.activeDocuments) документов, \(inv.totalSheets) листов.")</p>
            <style>table.inventory { border-collapse: collapse; width: 100% } .inventory td, .inventory th { border: 1px solid #000; padding: .2em .4em; vertical-align: top }
            .inventory td:nth-child(4) { overflow-wrap: anywhere }</style>
            """)
    }

    /// The cover: organisation, unit, case index, title, start and end dates, sheets, retention period.
    public static func cover(_ a: Appeal, sheets: Int, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang != .ru
        let c = a.caseFile
        let rows: [(String, String)] = [
            (kk ? "Бөлімше" : "Структурное подразделение", escapeHTML(c.unit(lang) ?? "—")),
            (kk ? "Іс индексі" : "Индекс дела", escapeHTML(c.index)),
            (kk ? "Басталған күні" : "Начато", c.openedOn.dotted),
            (kk ? "Аяқталған күні" : "Окончено", c.closedOn?.dotted ?? (kk ? "аяқталмаған" : "не окончено")),
            (kk ? "Парақ саны" : "Количество листов", String(sheets)),
            (kk ? "Сақтау мерзімі" : "Срок хранения", escapeHTML(c.retention(lang))),
        ]
        return page(lang: lang.rawValue, title: c.title(lang), body: """
            <p style="text-align:center"><strong>\(escapeHTML(kk ? body.nameKk : body.nameRu))</strong></p>
            <h1 style="margin-top:4em">\(kk ? "ІС" : "ДЕЛО") № \(escapeHTML(c.index))</h1>
            <p style="text-align:center;font-size:14pt">\(escapeHTML(c.title(lang)))</p>
            <dl style="margin-top:4em">\(rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined())</dl>
            """)
    }

    /// The certification sheet at the end of the case: how many sheets it holds.
    public static func certification(_ a: Appeal, _ inv: Inventory, body: AdministrativeBody, lang: Language, on day: CivilDate) -> String {
        let kk = lang != .ru
        let title = kk ? "Куәландыру парағы" : "Заверительный лист"
        let withdrawn = inv.lines.filter { $0.sheets == nil }.map { String($0.document.number) }
        return page(lang: lang.rawValue, title: title, body: """
            <h1>\(title)</h1>
            <p>\(kk ? "Осы іске \(inv.totalSheets) (\(inv.totalSheets)) парақ нөмірленіп тігілді, оның ішінде ішкі тізімдеме бойынша \(inv.activeDocuments) құжат."
                    : "В дело подшито и пронумеровано \(inv.totalSheets) (\(inv.totalSheets)) листов, в том числе \(inv.activeDocuments) документов по внутренней описи.")</p>
            \(withdrawn.isEmpty ? "" : "<p>\(kk ? "Алынған құжаттар (парақсыз)" : "Изъятые документы (без листов)"): № \(withdrawn.joined(separator: ", "))</p>")
            <p>\(kk ? "Іс" : "Дело") № \(escapeHTML(a.caseFile.index)), \(escapeHTML(kk ? body.nameKk : body.nameRu))</p>
            <p class="date">\(day.inWords(lang))</p>
            """)
    }

    /// The printed form of a file with no page form of its own here (a text document): a sheet naming it and
    /// its SHA-256; the original is in the export's archive.
    public static func substitute(_ d: CaseDocument, title: String, lang: Language) -> String {
        let kk = lang != .ru
        return page(lang: lang.rawValue, title: title, body: """
            <h1>\(escapeHTML(title))</h1>
            <p>\(kk ? "Бұл құжаттың түпнұсқа файлы экспорт мұрағатында" : "Оригинальный файл этого документа находится в архиве выгрузки"):
            <code>\(escapeHTML(String(format: "%03d", d.number)))-\(escapeHTML(d.file?.name ?? ""))</code></p>
            <p>SHA-256: <code style="overflow-wrap:anywhere">\(escapeHTML(d.file?.sha256 ?? ""))</code></p>
            <p>\(kk ? "Түрі" : "Тип"): \(escapeHTML(d.file?.mediaType ?? "")) · \(kk ? "Парақтар" : "Листов"): \(d.sheets)</p>
            """)
    }

    /// An image as a printed sheet.
    public static func image(dataURL: String, title: String, lang: Language) -> String {
        """
        <!doctype html><html lang="\(lang.rawValue)"><head><meta charset="utf-8"><title>\(escapeHTML(title))</title>
        <style>@page { size: A4; margin: 10mm } html, body { margin: 0; height: 100% } img { display: block; max-width: 100%; max-height: 270mm; margin: auto; object-fit: contain }</style>
        </head><body><img src="\(dataURL)" alt=""></body></html>
        """
    }

    /// Transparent A4 pages carrying the sheet numbers `numbers` in the upper right corner, one per page, to lay
    /// over the printed case (Documentation Rules: sheets numbered in Arabic numerals in the upper right corner).
    public static func sheetNumbers(_ numbers: ClosedRange<Int>) -> String {
        let pages = numbers.map { "<div class=\"p\"><span>\($0)</span></div>" }.joined()
        return """
            <!doctype html><html><head><meta charset="utf-8"><title>sheets</title>
            <style>@page { size: A4; margin: 0 } html, body { margin: 0; background: transparent }
            .p { width: 210mm; height: 297mm; position: relative; page-break-after: always; overflow: hidden }
            .p span { position: absolute; top: 8mm; right: 12mm; font: 12pt "DejaVu Sans", sans-serif }</style></head>
            <body>\(pages)</body></html>
            """
    }
}
