import Foundation
import WorkingCalendar
import ZhauapDomain

/// The hearing's documents (R30–R37; APPC 73, 74), each language a separate document: the draft decision
/// given to the participants, the invitation, the protocol of an oral hearing, and an objection submitted
/// online as it was received. Every value from the case is escaped.
public enum HearingDocuments {
    static func paragraphs(_ text: String?) -> String {
        (text ?? "").split(whereSeparator: \.isNewline).map { "<p>\(escapeHTML(String($0)))</p>" }.joined()
    }

    static func header(_ a: Appeal, body: AdministrativeBody, kk: Bool) -> String {
        """
        <header class="letterhead"><p class="body"><strong>\(escapeHTML(kk ? body.nameKk : body.nameRu))</strong></p>
        <p class="outgoing">\(kk ? "Іс" : "Дело") № \(escapeHTML(a.caseFile.index)) · \(kk ? "жолданым" : "обращение") № \(escapeHTML(a.registration.number))</p></header>
        """
    }

    /// The draft decision (preliminary decision, APPC 73): what is intended, on which facts and law, and the
    /// participant's right to object within two working days of receiving it.
    public static func draft(_ a: Appeal, version: Int, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang != .ru
        guard let d = a.hearing?.drafts.first(where: { $0.version == version }), let text = d.text(lang) ?? d.text(.kk) else { return "" }
        let title = kk ? "Әкімшілік іс бойынша алдын ала шешім (шешім жобасы)" : "Предварительное решение по административному делу (проект решения)"
        let applicant = escapeHTML(a.applicant.displayName ?? (kk ? "көрсетілмеген" : "не указан"))
        return page(lang: lang.rawValue, title: title, body: """
            \(header(a, body: body, kk: kk))
            <address class="addressee">\(applicant)</address>
            <h1>\(title)</h1>
            <p class="draft-mark"><strong>\(kk ? "ЖОБА" : "ПРОЕКТ")</strong> · \(kk ? "нұсқа" : "версия") \(d.version) · \(d.preparedOn.inWords(lang))</p>
            <h2>\(kk ? "Болжалды шешім" : "Предполагаемое решение")</h2>
            \(paragraphs(text.operativeSummary))
            \(text.facts.map { "<h2>\(kk ? "Мән-жайлар" : "Обстоятельства")</h2>" + paragraphs($0) } ?? "")
            \(text.legalReasoning.map { "<h2>\(kk ? "Құқықтық негіздеме" : "Правовое обоснование")</h2>" + paragraphs($0) } ?? "")
            <h2>\(kk ? "Сіздің құқығыңыз" : "Ваше право")</h2>
            <p>\(kk ? "Сіз осы алдын ала шешім бойынша өз ұстанымыңызды білдіруге және оны алған күннен бастап екі жұмыс күні ішінде қарсылық беруге құқылысыз (ҚР ӘРПК 73-бабы). Қарсылықты жазбаша, тыңдау кезінде ауызша немесе жолданым нөмірі мен талон коды бойынша сайттағы жолданымды бақылау бетінде беруге болады. Әкімшілік акт шешім жобасын алған күннен бастап үш жұмыс күні өткенге дейін қабылданбайды."
                    : "Вы вправе выразить свою позицию по этому предварительному решению и представить возражение в течение двух рабочих дней со дня его получения (статья 73 АППК РК). Возражение можно подать письменно, устно при заслушивании или на странице отслеживания обращения по номеру обращения и коду талона. Административный акт не будет принят ранее чем через три рабочих дня после получения проекта решения.")</p>
            <p class="sign">\(escapeHTML(kk ? body.nameKk : body.nameRu))</p>
            """)
    }

    static func formName(_ f: HearingForm, app: String?, kk: Bool) -> String {
        switch f {
        case .inPersonAtBody: kk ? "органның үй-жайында жеке әңгімелесу" : "личная беседа в помещении органа"
        case .inPersonVisit: kk ? "өтініш берушінің тұрған жерінде жеке әңгімелесу" : "личная беседа по месту нахождения заявителя"
        case .videoCall: (kk ? "бейне немесе мессенджер арқылы байланыс" : "видеосвязь или связь через мессенджер") + (app.map { " (\(escapeHTML($0)))" } ?? "")
        case .email: kk ? "электрондық пошта арқылы" : "по электронной почте"
        case .writtenOpinion: kk ? "басқа тұлға арқылы берілген жазбаша пікір" : "письменное мнение, переданное через другое лицо"
        }
    }

    /// The invitation (R32, R33): the form, the day and time, the place or link, how to take part, the right to object.
    public static func invitation(_ a: Appeal, number: Int, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang != .ru
        guard let inv = a.hearing?.invitations.first(where: { $0.number == number }) else { return "" }
        let title = kk ? "Әкімшілік іс бойынша тыңдауға шақыру" : "Приглашение на заслушивание по административному делу"
        let applicant = escapeHTML(a.applicant.displayName ?? (kk ? "көрсетілмеген" : "не указан"))
        let how = kk ? inv.howKk : (inv.howRu ?? inv.howKk)
        return page(lang: lang.rawValue, title: title, body: """
            \(header(a, body: body, kk: kk))
            <address class="addressee">\(applicant)</address>
            <h1>\(title)</h1>
            <p>\(kk ? "Құрметті" : "Уважаемый(ая)") \(applicant)!</p>
            <p>\(kk ? "Сізді № \(escapeHTML(a.registration.number)) жолданым бойынша әкімшілік іс бойынша тыңдауға шақырамыз (ҚР ӘРПК 73-бабы)."
                    : "Приглашаем Вас на заслушивание по административному делу по обращению № \(escapeHTML(a.registration.number)) (статья 73 АППК РК).")</p>
            <dl>
            <dt>\(kk ? "Нысаны" : "Форма")</dt><dd>\(formName(inv.form, app: inv.app, kk: kk))</dd>
            <dt>\(kk ? "Күні мен уақыты" : "Дата и время")</dt><dd>\(inv.date.inWords(lang)), \(escapeHTML(inv.time))</dd>
            <dt>\(kk ? "Орны немесе сілтеме" : "Место или ссылка")</dt><dd>\(escapeHTML(inv.place))</dd>
            </dl>
            \(how.map { "<h2>\(kk ? "Қалай қатысуға болады" : "Как принять участие")</h2>" + paragraphs($0) } ?? "")
            <p>\(kk ? "Сіз шешім жобасымен танысып, өз ұстанымыңызды білдіруге, дәлелдер мен қарсылықтарыңызды жазбаша немесе ауызша беруге құқылысыз. Ыңғайлы нысанды таңдау үшін бізге хабарласыңыз."
                    : "Вы вправе ознакомиться с проектом решения, выразить свою позицию, представить доводы и возражения письменно или устно. Свяжитесь с нами, чтобы выбрать удобную форму.")</p>
            <p class="sign">\(escapeHTML(kk ? body.nameKk : body.nameRu))</p>
            """)
    }

    /// The protocol of an oral hearing (APPC 74; R37).
    public static func protocolDocument(_ a: Appeal, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang != .ru
        guard let p = a.hearing?.protocol_ else { return "" }
        let title = kk ? "Тыңдау хаттамасы" : "Протокол заслушивания"
        var rows: [(String, String)] = [
            (kk ? "Өткізілген орны" : "Место проведения", escapeHTML(p.place)),
            (kk ? "Күні" : "Дата", p.heldOn.inWords(lang)),
            (kk ? "Басталуы және аяқталуы" : "Время начала и окончания", "\(escapeHTML(p.startTime))–\(escapeHTML(p.endTime))"),
            (kk ? "Әкімшілік орган" : "Административный орган", escapeHTML(kk ? body.nameKk : body.nameRu)),
            (kk ? "Төрағалық етуші лауазымды адам" : "Председательствующее должностное лицо", escapeHTML(p.presidingName)),
            (kk ? "Хатшы" : "Секретарь", escapeHTML(p.secretaryName)),
            (kk ? "Қатысушылар және тыңдалған адамдар" : "Участники и заслушанные лица", p.participantsPresent.map(escapeHTML).joined(separator: "<br>")),
        ]
        if let d = p.draftReceivedOn { rows.append((kk ? "Адресат шешім жобасын алған күн" : "Дата получения адресатом проекта решения", d.inWords(lang))) }
        if let r = p.absenceReason { rows.append((kk ? "Адресаттың болмау себебі" : "Причина отсутствия адресата", escapeHTML(r))) }
        if let m = p.recordingMeans { rows.append((kk ? "Жазу құралдары" : "Технические средства записи", escapeHTML(m))) }
        if p.videoRecorded, let c = p.videoConsentDocument {
            rows.append((kk ? "Бейнежазбаға жазбаша келісім" : "Письменное согласие на видеозапись", (kk ? "істің № \(c) құжаты" : "документ дела № \(c)")))
        }
        return page(lang: lang.rawValue, title: title, body: """
            \(header(a, body: body, kk: kk))
            <h1>\(title)</h1>
            <dl>\(rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined())</dl>
            <h2>\(kk ? "Қаралған мәселенің мазмұны" : "Содержание рассматриваемого вопроса")</h2>
            \(paragraphs(kk ? p.matterKk : (p.matterRu ?? p.matterKk)))
            <h2>\(kk ? "Түсініктемелер, сұрақтар, жауаптар және мәлімдемелер" : "Объяснения, вопросы, ответы и заявления")</h2>
            \(paragraphs(kk ? p.contentKk : (p.contentRu ?? p.contentKk)))
            \(p.essentialFacts.map { "<h2>\(kk ? "Қатысушы жазуды сұраған мән-жайлар" : "Факты, которые участник просил занести в протокол")</h2>" + paragraphs($0) } ?? "")
            <p>\(kk ? "Хаттамамен \(p.readyOn.inWords(lang)) бастап мына жерде танысуға болады: \(escapeHTML(p.readingPlace))."
                    : "С протоколом можно ознакомиться с \(p.readyOn.inWords(lang)) по адресу: \(escapeHTML(p.readingPlace)).")</p>
            <p class="sign">\(kk ? "Төрағалық етуші" : "Председательствующий"): \(escapeHTML(p.presidingName)) — \(kk ? "қол қойылды" : "подписано")</p>
            <p class="sign">\(kk ? "Хатшы" : "Секретарь"): \(escapeHTML(p.secretaryName)) — \(kk ? "қол қойылды" : "подписано")</p>
            """)
    }

    /// An objection submitted online, as received (APPC 73(3)).
    public static func objection(_ a: Appeal, number: Int, body: AdministrativeBody, lang: Language) -> String {
        let kk = lang != .ru
        guard let arg = a.hearing?.arguments.first(where: { $0.number == number }) else { return "" }
        let title = kk ? "Алдын ала шешімге қарсылық" : "Возражение на предварительное решение"
        return page(lang: lang.rawValue, title: title, body: """
            \(header(a, body: body, kk: kk))
            <h1>\(title)</h1>
            <p>\(kk ? "Өтініш беруші жолданымды бақылау беті арқылы берді" : "Подано заявителем через страницу отслеживания обращения"), \(arg.receivedOn.inWords(lang)).</p>
            \(paragraphs(arg.text))
            """)
    }
}
