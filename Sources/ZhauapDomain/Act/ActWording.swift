import Foundation
import WorkingCalendar

/// The words of a proposed act in one language (Kazakh or Russian; each version is its own document).
struct ActWording {
    let lang: Language
    init(_ lang: Language) { self.lang = lang == .ru ? .ru : .kk }
    private var ru: Bool { lang == .ru }

    var applicantWord: String { ru ? "заявитель" : "өтініш беруші" }
    var iinLabel: String { ru ? "ИИН" : "ЖСН" }
    var binLabel: String { ru ? "БИН" : "БСН" }
    var responsible: String { ru ? "Ответственный сотрудник" : "Жауапты қызметкер" }
    var caseNumber: String { ru ? "Административное дело №" : "Әкімшілік іс №" }
    var appealNumber: String { ru ? "Обращение №" : "Өтініш №" }
    var addressee: String { ru ? "Адресат" : "Адресат" }
    var documentWord: String { ru ? "документ дела" : "іс құжаты" }
    var confirmedBy: String { ru ? "подтверждается:" : "расталады:" }
    var competence: String { ru ? "Компетенция органа установлена нормой" : "Органның құзыреті мына нормамен белгіленген:" }
    var empowering: String { ru ? "Полномочие на принятие акта дает норма" : "Актіні қабылдау өкілеттігін мына норма береді:" }
    var provides: String { ru ? "она предусматривает" : "онда былай көзделген" }
    var appliedBecause: String { ru ? "Норма применяется к данному делу, поскольку" : "Норма осы іске қолданылады, себебі" }

    func title(_ kind: ActKind, outcome: ComplaintOutcome?, number: String) -> String {
        switch kind {
        case .favourable: ru ? "Об удовлетворении заявления № \(number)" : "№ \(number) өтінішті қанағаттандыру туралы"
        case .burdening: ru ? "Об отказе в удовлетворении заявления № \(number)" : "№ \(number) өтінішті қанағаттандырудан бас тарту туралы"
        case .complaintDecision: ru ? "Решение по жалобе № \(number)" : "№ \(number) шағым бойынша шешім"
        }
    }

    /// «Құрметті …» / «Уважаемый(ая) …»: by name and patronymic for a person (the Russian form from the
    /// patronymic where it shows), the organisation's representative or the organisation itself.
    func salutation(_ p: Applicant) -> String {
        if p.kind == .legalEntity {
            let who = p.representative ?? p.organisationName ?? ""
            return ru ? "Уважаемый(ая) \(who)!" : "Құрметті \(who)!"
        }
        let name = [p.givenName, p.patronymic].compactMap { $0 }.joined(separator: " ")
        let shown = name.isEmpty ? (p.displayName ?? applicantWord) : name
        guard ru else { return "Құрметті \(shown)!" }
        // The patronymic tells, or else a Russian-style surname (-ов/-ова, -ев/-ева, -ин/-ина, -ский/-ская).
        let pat = (p.patronymic ?? "").lowercased(), sur = (p.surname ?? "").lowercased()
        let male = ["ович", "евич", "ич", "ұлы", "улы", "uly"].contains(where: pat.hasSuffix)
            || (pat.isEmpty && ["ов", "ев", "ёв", "ин", "ын", "ский", "цкий"].contains(where: sur.hasSuffix))
        let female = ["овна", "евна", "ична", "инична", "қызы", "кызы", "kyzy"].contains(where: pat.hasSuffix)
            || (pat.isEmpty && ["ова", "ева", "ёва", "ина", "ына", "ская", "цкая"].contains(where: sur.hasSuffix))
        let form = male ? "Уважаемый" : female ? "Уважаемая" : "Уважаемый(ая)"
        return "\(form) \(shown)!"
    }

    func summary(_ kind: ActKind, outcome: ComplaintOutcome?, addressee: String, number: String, body: String) -> String {
        switch kind {
        case .favourable:
            return ru ? "Заявление \(addressee) (обращение № \(number)) удовлетворено." : "\(addressee) өтініші (№ \(number) өтініш) қанағаттандырылды."
        case .burdening:
            return ru ? "В удовлетворении заявления \(addressee) (обращение № \(number)) отказано." : "\(addressee) өтінішін (№ \(number) өтініш) қанағаттандырудан бас тартылды."
        case .complaintDecision:
            let o = outcome ?? .leaveUnsatisfied
            let what: String = switch o {
            case .leaveUnsatisfied: ru ? "оставлена без удовлетворения" : "қанағаттандырусыз қалдырылды"
            case .cancel: ru ? "удовлетворена, обжалованный акт отменён" : "қанағаттандырылды, шағымданған акт күшін жойды"
            case .cancelAndAdopt: ru ? "удовлетворена, обжалованный акт отменён и принят новый акт" : "қанағаттандырылды, шағымданған акт күшін жойып, жаңа акт қабылданды"
            case .performAction: ru ? "удовлетворена, органу поручено совершить действие" : "қанағаттандырылды, органға әрекет жасау тапсырылды"
            case .adoptFavourable: ru ? "удовлетворена, принят благоприятный акт" : "қанағаттандырылды, қолайлы акт қабылданды"
            case .returnWithViolations: ru ? "удовлетворена, дело возвращено в орган с указанием нарушений" : "қанағаттандырылды, іс бұзушылықтар көрсетіліп органға қайтарылды"
            case .leaveWithoutConsideration: ru ? "оставлена без рассмотрения" : "қараусыз қалдырылды"
            }
            return ru ? "Жалоба \(addressee) (№ \(number)) \(what)." : "\(addressee) шағымы (№ \(number)) \(what)."
        }
    }

    func registered(_ a: Appeal) -> String {
        ru ? "зарегистрировано обращение № \(a.registration.number) (\(documentWord) № 1)"
           : "№ \(a.registration.number) өтініш тіркелді (\(documentWord) № 1)"
    }

    func hearingHeld(_ h: HeldHearing) -> String {
        let doc = h.protocol_?.documents.first.map { " (\(documentWord) № \($0))" } ?? ""
        return ru ? "проведено заслушивание участника\(doc)" : "қатысушы тыңдалды\(doc)"
    }

    func precondition(_ text: String, answer: PreconditionAnswer, facts: [Int]) -> String {
        let f = facts.isEmpty ? "" : (ru ? " (факты № " : " (№ ") + facts.map(String.init).joined(separator: ", ") + (ru ? ")" : " фактілер)")
        return switch answer {
        case .met: ru ? "Условие «\(text)» выполнено\(f)" : "«\(text)» шарты орындалды\(f)"
        case .notMet: ru ? "Условие «\(text)» не выполнено\(f)" : "«\(text)» шарты орындалмады\(f)"
        case .unclear: ru ? "Выполнение условия «\(text)» не установлено\(f)" : "«\(text)» шартының орындалуы анықталмады\(f)"
        }
    }

    func analogy(_ a: AnalogyRecord) -> String {
        let basis = ru ? (a.basisRu ?? a.basis) : a.basis
        return ru ? "Норма, регулирующая данный вопрос, отсутствует; применена аналогия (\(a.kind == .statute ? "закона" : "права")): \(basis). Причина: \(a.reason)."
                  : "Мәселені реттейтін норма жоқ; ұқсастық қолданылды (\(a.kind == .statute ? "заң" : "құқық") ұқсастығы): \(basis). Себебі: \(a.reason)."
    }

    func argument(_ number: Int?, _ text: String, accepted: Bool?, reason: String?) -> String {
        let head = number.map { ru ? "Довод № \($0)" : "\($0)-дәлел" } ?? (ru ? "Довод заявителя" : "Өтініш берушінің дәлелі")
        guard let accepted else { return ru ? "\(head) «\(text)»: ответ не дан." : "\(head) «\(text)»: жауап берілмеді." }
        let verdict = accepted ? (ru ? "принят" : "қабылданды") : (ru ? "не принят" : "қабылданбады")
        let why = reason ?? (accepted ? (ru ? "он подтверждается материалами дела" : "ол іс материалдарымен расталады")
                                      : (ru ? "он не подтверждается материалами дела" : "ол іс материалдарымен расталмайды"))
        return ru ? "\(head) «\(text)» \(verdict), поскольку \(why)." : "\(head) «\(text)» \(verdict), себебі \(why)."
    }

    func hearing(_ h: Hearing, appeal: Appeal) -> String? {
        if let o = h.omission { return (ru ? "Заслушивание не проводилось: " : "Тыңдау өткізілмеді: ") + (ru ? o.textRu : o.textKk) }
        if case .held(let held) = h.conduct {
            return ru ? "Заслушивание проведено \(held.heldOn.dotted); позиция участника учтена выше."
                      : "Тыңдау \(held.heldOn.dotted) өткізілді; қатысушының ұстанымы жоғарыда ескерілді."
        }
        return nil
    }

    /// APPC 91, 92: the term, the body that decides the complaint and its address, the way to file it, and the court after.
    func appealProcedure(_ kind: ActKind, body: AdministrativeBody, higher: AdministrativeBody?) -> String {
        let own = ru ? body.nameRu : body.nameKk
        if kind == .complaintDecision {
            return ru ? "Настоящее решение может быть обжаловано в административный суд в порядке, установленном АППК (ст. 91, п. 5)."
                      : "Осы шешімге ӘРПК-де белгіленген тәртіппен әкімшілік сотқа шағым жасалуы мүмкін (ӘРПК 91-бабының 5-тармағы)."
        }
        let h = higher.map { (ru ? $0.nameRu : $0.nameKk) + ($0.address.isEmpty ? "" : (ru ? " (адрес: " : " (мекенжайы: ") + $0.address + ")") }
        let addr = body.address.isEmpty ? "" : (ru ? " (адрес: " : " (мекенжайы: ") + body.address + ")"
        let decides = h.map { ru ? "Жалобу рассматривает вышестоящий орган — \($0)." : "Шағымды жоғары тұрған орган — \($0) қарайды." }
            ?? (ru ? "Жалобу рассматривает вышестоящий орган." : "Шағымды жоғары тұрған орган қарайды.")
        return ru ? "Акт может быть обжалован в течение трех месяцев со дня, когда вы узнали о его принятии (АППК, ст. 92). \(decides) Жалоба подается письменно или в электронной форме через \(own)\(addr), которое в течение трех рабочих дней направляет ее вместе с административным делом в орган, рассматривающий жалобу (АППК, ст. 91, п. 4). Обращение в суд возможно после обжалования в досудебном порядке (АППК, ст. 91, п. 5)."
                  : "Актіге ол туралы білген күннен бастап үш ай ішінде шағым жасауға болады (ӘРПК 92-бабы). \(decides) Шағым жазбаша немесе электрондық нысанда \(own)\(addr) арқылы беріледі, ол үш жұмыс күні ішінде шағымды әкімшілік іспен бірге шағымды қарайтын органға жібереді (ӘРПК 91-бабының 4-тармағы). Сотқа сотқа дейінгі тәртіппен шағым жасалғаннан кейін жүгінуге болады (ӘРПК 91-бабының 5-тармағы)."
    }

    func signature(_ a: Actor) -> String { "\(a.position(lang)) \(a.name)" }
}
