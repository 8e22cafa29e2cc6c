import Foundation
import WorkingCalendar

/// The justification check's findings, each with its severity, its basis and what it tells the author.
///
/// | code | severity | basis |
/// |---|---|---|
/// | `section_missing` | error | R43; APPC 79 |
/// | `single_language` | error | R42(4); Law "On languages" 8, 11 |
/// | `versions_differ` | error | R42(4); Law "On languages" 8, 11 |
/// | `names_differ` | warning | R42(4); Law "On languages" 8, 11 (surnames are compared by their consonants: a transliteration may differ) |
/// | `summary_no_decision` | error | R43(4) |
/// | `summary_not_first` | warning | R43(4) |
/// | `summary_too_long` | warning | R43(4) |
/// | `template_phrase` | error | R39; APPC 79, 80, 129(3) |
/// | `bare_norm_reference` | error | R39, R42(2); APPC 80 |
/// | `facts_undated` | warning | R42(1), R43(5a) |
/// | `facts_no_evidence` | error | R42(1), R43(5a); APPC 80 |
/// | `precondition_not_matched` | error | R42(2b), R42(3), R43(5b) |
/// | `competence_norm_missing` | error | R43(5b) |
/// | `argument_unanswered` | error | R40; APPC 80 |
/// | `discretion_unexplained` | error | R40; APPC 10, 11 |
/// | `hearing_omission_unexplained` | error | R35; APPC 73 |
/// | `draft_too_late` | error | R33; APPC 73 |
/// | `appeal_term_missing` | error | R43(6); APPC 92 |
/// | `appeal_body_missing` | error | R43(6); APPC 91(4) |
/// | `appeal_address_missing` | warning | R43(6) |
/// | `appeal_way_missing` | warning | R43(6) |
/// | `appeal_court_route_missing` | warning | R43(6); APPC 91(5) |
public enum ActFindingCode: String, Sendable, CaseIterable {
    case sectionMissing = "section_missing"
    case singleLanguage = "single_language"
    case versionsDiffer = "versions_differ"
    case namesDiffer = "names_differ"
    case summaryNoDecision = "summary_no_decision"
    case summaryNotFirst = "summary_not_first"
    case summaryTooLong = "summary_too_long"
    case templatePhrase = "template_phrase"
    case bareNormReference = "bare_norm_reference"
    case factsUndated = "facts_undated"
    case factsNoEvidence = "facts_no_evidence"
    case preconditionNotMatched = "precondition_not_matched"
    case competenceNormMissing = "competence_norm_missing"
    case argumentUnanswered = "argument_unanswered"
    case discretionUnexplained = "discretion_unexplained"
    case hearingOmissionUnexplained = "hearing_omission_unexplained"
    case draftTooLate = "draft_too_late"
    case appealTermMissing = "appeal_term_missing"
    case appealBodyMissing = "appeal_body_missing"
    case appealAddressMissing = "appeal_address_missing"
    case appealWayMissing = "appeal_way_missing"
    case appealCourtRouteMissing = "appeal_court_route_missing"

    public var severity: ActFinding.Severity {
        switch self {
        case .summaryNotFirst, .summaryTooLong, .factsUndated, .appealAddressMissing, .appealWayMissing, .appealCourtRouteMissing,
             .namesDiffer: .warning
        default: .error
        }
    }

    public var basis: String {
        switch self {
        case .sectionMissing: "R43; APPC 79"
        case .singleLanguage, .versionsDiffer, .namesDiffer: "R42(4); Law \"On languages\" Arts. 8, 11"
        case .summaryNoDecision, .summaryNotFirst, .summaryTooLong: "R43(4)"
        case .templatePhrase: "R39; APPC 79, 80, 129(3)"
        case .bareNormReference: "R39, R42(2); APPC 80"
        case .factsUndated: "R42(1), R43(5a)"
        case .factsNoEvidence: "R42(1), R43(5a); APPC 80"
        case .preconditionNotMatched: "R42(2b), R42(3), R43(5b)"
        case .competenceNormMissing: "R43(5b)"
        case .argumentUnanswered: "R40; APPC 80"
        case .discretionUnexplained: "R40; APPC 10, 11"
        case .hearingOmissionUnexplained: "R35; APPC 73"
        case .draftTooLate: "R33; APPC 73"
        case .appealTermMissing: "R43(6); APPC 92"
        case .appealBodyMissing: "R43(6); APPC 91(4)"
        case .appealAddressMissing, .appealWayMissing: "R43(6)"
        case .appealCourtRouteMissing: "R43(6); APPC 91(5)"
        }
    }

    /// Why the finding matters.
    public var why: LocalizedText {
        switch self {
        case .sectionMissing:
            LocalizedText(kk: "Негізделген актінің үлгілік құрылымындағы міндетті бөлім жоқ немесе бос.",
                          ru: "Обязательная часть модельной структуры обоснованного акта отсутствует или пуста.",
                          en: "A required part of the justified act's model structure is missing or empty.")
        case .singleLanguage:
            LocalizedText(kk: "Акт тек бір тілде берілген; ол қазақ және орыс тілдерінде жасалуы тиіс.",
                          ru: "Акт дан только на одном языке; он должен быть составлен на казахском и русском языках.",
                          en: "The act is given in one language only; it must be produced in Kazakh and Russian.")
        case .namesDiffer:
            LocalizedText(kk: "Бір нұсқадағы тегі екіншісінде жоқ немесе басқаша жазылған.",
                          ru: "Фамилия из одной версии отсутствует в другой или написана иначе.",
                          en: "A surname in one version is missing from the other or spelled differently.")
        case .versionsDiffer:
            LocalizedText(kk: "Қазақ және орыс нұсқалары бірдей мазмұнды айтпайды: күн, нөмір, сома немесе норма сәйкес емес.",
                          ru: "Казахская и русская версии говорят не одно и то же: не совпадает дата, номер, сумма или норма.",
                          en: "The Kazakh and Russian versions do not say the same: a date, number, amount or norm differs.")
        case .summaryNoDecision:
            LocalizedText(kk: "Қорытынды бөлімнен не шешілгені көрінбейді (қанағаттандырылды, бас тартылды, берілді, күші жойылды…).",
                          ru: "Из резюме не видно, что решено (удовлетворено, отказано, предоставлено, отменено…).",
                          en: "The operative summary does not say what was decided (granted, refused, cancelled…).")
        case .summaryNotFirst:
            LocalizedText(kk: "Шешім бірінші сөйлемде емес: қорытынды мән-жайдан немесе кіріспе сөздерден басталады.",
                          ru: "Решение не в первом предложении: резюме начинается с фактов или вводных слов.",
                          en: "The decision is not in the first sentence: the summary opens with facts or a preamble.")
        case .summaryTooLong:
            LocalizedText(kk: "Қорытынды бір сөйлемнен ұзын; ол бір сөйлеммен не шешілгенін және кім туралы екенін айтуы тиіс.",
                          ru: "Резюме длиннее одного предложения; оно должно одним предложением сказать, что решено и в отношении кого.",
                          en: "The summary runs beyond one sentence; it should say in one sentence what was decided and about whom.")
        case .templatePhrase:
            LocalizedText(kk: "Үлгі сөз тіркесі нақты себептің орнына тұр; акт шешімге әкелген барлық нақты және құқықтық негіздерді көрсетуі тиіс.",
                          ru: "Шаблонная фраза стоит вместо конкретной причины; акт должен указывать все фактические и правовые основания решения.",
                          en: "A template phrase stands in for a concrete reason; the act must state every factual and legal ground of the decision.")
        case .bareNormReference:
            LocalizedText(kk: "Нормаға оның не белгілейтіні және неге осы іске қолданылатыны түсіндірілмей сілтеме жасалған.",
                          ru: "Норма названа без объяснения, что она устанавливает и почему применима к делу.",
                          en: "A norm is cited without saying what it provides and why it fits this case.")
        case .factsUndated:
            LocalizedText(kk: "Мән-жайларда күндер жоқ; маңызды фактілер хронологиялық тәртіппен, күндерімен баяндалуы тиіс.",
                          ru: "В фактах нет дат; существенные факты излагаются в хронологическом порядке с датами.",
                          en: "The facts carry no dates; the essential facts are told in order, with their dates.")
        case .factsNoEvidence:
            LocalizedText(kk: "Фактілер дәлелдерге (құжатқа, анықтамаға, актіге, хатқа, іс құжатының нөміріне) байланыстырылмаған.",
                          ru: "Факты не связаны с доказательствами (документом, справкой, актом, письмом, номером документа дела).",
                          en: "The facts are not tied to evidence (a document, certificate, inspection act, letter or case document number).")
        case .preconditionNotMatched:
            LocalizedText(kk: "Құқықтық бөлімде норманың шарты осы істің фактілеріне сай келетіні не келмейтіні айтылмаған.",
                          ru: "В правовой части не сказано, выполнено ли условие нормы фактами этого дела.",
                          en: "The legal reasoning never says whether the facts meet the norm's condition.")
        case .competenceNormMissing:
            LocalizedText(kk: "Органның осы мәселе бойынша құзыретін растайтын норма аталмаған.",
                          ru: "Не названа норма, подтверждающая компетенцию органа по этому вопросу.",
                          en: "The norm that makes the body competent in this matter is not named.")
        case .argumentUnanswered:
            LocalizedText(kk: "Өтініш берушінің дәлеліне жауап жоқ: ол қабылданды ма, жоқ па және неге — көрсетілмеген.",
                          ru: "Довод заявителя остался без ответа: не сказано, принят он или нет и почему.",
                          en: "An argument of the applicant is left unanswered: not said whether it was accepted and why.")
        case .discretionUnexplained:
            LocalizedText(kk: "Дискрециялық шешімде ӘРПК-нің 10 және 11-баптары (заңдылық, мөлшерлестік) қалай сақталғаны түсіндірілмеген.",
                          ru: "В дискреционном решении не объяснено, как соблюдены статьи 10 и 11 АППК (законность, соразмерность).",
                          en: "The discretionary decision does not explain how APPC Arts. 10 and 11 (lawfulness, proportionality) were respected.")
        case .hearingOmissionUnexplained:
            LocalizedText(kk: "Ауыртпалық түсіретін акт тыңдаусыз қабылданған, ал актіде тыңдаудың неге өткізілмегені айтылмаған.",
                          ru: "Обременяющий акт принят без заслушивания, а в акте не сказано, почему оно не проводилось.",
                          en: "The burdening act was adopted without a hearing and does not say why none was held.")
        case .draftTooLate:
            LocalizedText(kk: "Шешім жобасы акт қабылданғанға дейін үш жұмыс күнінен кем уақыт бұрын берілген.",
                          ru: "Проект решения дан менее чем за три рабочих дня до принятия акта.",
                          en: "The draft decision was given fewer than three working days before the act was adopted.")
        case .appealTermMissing:
            LocalizedText(kk: "Шағымдану тәртібінде мерзім (алған күннен бастап үш ай) көрсетілмеген.",
                          ru: "В порядке обжалования не указан срок (три месяца со дня получения).",
                          en: "The appeal procedure does not state the term (three months from receipt).")
        case .appealBodyMissing:
            LocalizedText(kk: "Шағымды қай орган қарайтыны (жоғары тұрған орган) және шағым кім арқылы берілетіні көрсетілмеген.",
                          ru: "Не указано, какой орган рассматривает жалобу (вышестоящий орган) и через кого она подаётся.",
                          en: "The appeal procedure does not name the body that decides the complaint (the higher body).")
        case .appealAddressMissing:
            LocalizedText(kk: "Шағымды қарайтын органның мекенжайы көрсетілмеген.",
                          ru: "Не указан адрес органа, рассматривающего жалобу.",
                          en: "The address of the body that decides the complaint is not given.")
        case .appealWayMissing:
            LocalizedText(kk: "Шағымды қалай беруге болатыны (жазбаша, пошта, портал арқылы) көрсетілмеген.",
                          ru: "Не указано, как подать жалобу (письменно, почтой, через портал).",
                          en: "The appeal procedure does not say how to file the complaint (in writing, by post, through a portal).")
        case .appealCourtRouteMissing:
            LocalizedText(kk: "Сотқа жүгіну тәртібі айтылмаған: өтініш бойынша актіде — сотқа шағымнан кейін ғана; шағым бойынша шешімде — әкімшілік сот.",
                          ru: "Не сказано о суде: в акте по заявлению — в суд только после жалобы; в решении по жалобе — административный суд.",
                          en: "The court route is not stated: for an act on an application, court only after the complaint; for a complaint decision, the administrative court.")
        }
    }

    /// How to put it right.
    public var fix: LocalizedText {
        switch self {
        case .sectionMissing:
            LocalizedText(kk: "Бөлімді толтырыңыз: кіріспе, тақырып, қаратпа сөз, қорытынды, мән-жайлар, құқықтық негіздеме, шағымдану тәртібі, қолтаңба.",
                          ru: "Заполните часть: вводная, заголовок, обращение, резюме, факты, правовое обоснование, порядок обжалования, подпись.",
                          en: "Fill in the part: introduction, title, salutation, summary, facts, legal reasoning, appeal procedure, signature.")
        case .singleLanguage:
            LocalizedText(kk: "Актінің екінші тілдегі нұсқасын жеке құжат ретінде дайындаңыз.",
                          ru: "Подготовьте версию акта на втором языке отдельным документом.",
                          en: "Prepare the act's version in the other language as a separate document.")
        case .namesDiffer:
            LocalizedText(kk: "Екі нұсқадағы тектерді салыстырыңыз; бір адам болса, жазылуы әртүрлі болуы мүмкін — себебін көрсетіп қабылдаңыз.",
                          ru: "Сверьте фамилии в обеих версиях; если это одно лицо в другой транслитерации, примите предупреждение, указав причину.",
                          en: "Compare the surnames of both versions; if it is the same person transliterated differently, acknowledge with a reason.")
        case .versionsDiffer:
            LocalizedText(kk: "Екі нұсқаны салыстырып, күндерді, нөмірлерді, сомаларды және нормаларды бірдей етіңіз.",
                          ru: "Сверьте версии и приведите даты, номера, суммы и нормы к одному.",
                          en: "Compare the versions and make the dates, numbers, amounts and norms the same.")
        case .summaryNoDecision:
            LocalizedText(kk: "Бір сөйлеммен жазыңыз: не шешілді және кім туралы (мысалы, «Сізге … беруден бас тартылсын»).",
                          ru: "Напишите одним предложением, что решено и в отношении кого (например, «Вам отказано в …»).",
                          en: "Write in one sentence what was decided and about whom (e.g. \"You are refused …\").")
        case .summaryNotFirst:
            LocalizedText(kk: "Шешімді бірінші сөйлемге қойыңыз, ал мән-жайларды «Мән-жайлар» бөліміне көшіріңіз.",
                          ru: "Поставьте решение первым предложением, а факты перенесите в часть «Факты».",
                          en: "Put the decision first and move the facts to the facts section.")
        case .summaryTooLong:
            LocalizedText(kk: "Қорытындыны бір сөйлемге қысқартыңыз; қалғанын негіздемеге көшіріңіз.",
                          ru: "Сократите резюме до одного предложения; остальное перенесите в обоснование.",
                          en: "Cut the summary to one sentence; move the rest into the reasoning.")
        case .templatePhrase:
            LocalizedText(kk: "Тіркестің орнына нақты себепті жазыңыз: қандай талап, қандай факт және неге ол талапқа сай емес.",
                          ru: "Вместо фразы напишите конкретную причину: какое требование, какой факт и почему он ему не отвечает.",
                          en: "Replace the phrase with the concrete reason: which requirement, which fact, and why it does not meet it.")
        case .bareNormReference:
            LocalizedText(kk: "Норманың мазмұнын ашыңыз: ол не рұқсат етеді немесе талап етеді және қандай шартпен.",
                          ru: "Раскройте содержание нормы: что она разрешает или требует и при каком условии.",
                          en: "Say what the norm allows or requires and on what condition.")
        case .factsUndated:
            LocalizedText(kk: "Әр маңызды фактінің күнін көрсетіңіз.",
                          ru: "Укажите дату каждого существенного факта.",
                          en: "Give the date of each essential fact.")
        case .factsNoEvidence:
            LocalizedText(kk: "Әр факт қандай дәлелмен расталғанын көрсетіңіз (құжаттың атауы, нөмірі, күні).",
                          ru: "Укажите, каким доказательством подтверждён каждый факт (название, номер, дата документа).",
                          en: "Say which evidence proves each fact (the document's name, number and date).")
        case .preconditionNotMatched:
            LocalizedText(kk: "Норманың шартын атап, осы істің фактілері оған сай келетінін немесе келмейтінін және неге екенін жазыңыз.",
                          ru: "Назовите условие нормы и напишите, выполнено ли оно фактами дела и почему.",
                          en: "Name the norm's condition and say whether the facts of the case meet it, and why.")
        case .competenceNormMissing:
            LocalizedText(kk: "Органға осы шешімді қабылдау құзыретін беретін норманы (бап, тармақ, акт) атаңыз.",
                          ru: "Назовите норму (статья, пункт, акт), которая наделяет орган компетенцией принять это решение.",
                          en: "Name the norm (article, paragraph, act) that gives the body competence to take this decision.")
        case .argumentUnanswered:
            LocalizedText(kk: "Әр дәлел бойынша қабылданды ма, жоқ па және неге екенін жазыңыз.",
                          ru: "По каждому доводу напишите, принят он или нет и почему.",
                          en: "For each argument, say whether it was accepted and why.")
        case .discretionUnexplained:
            LocalizedText(kk: "Неге осы шешім таңдалғанын, ол заңды мақсатқа жететінін және қатысушыға артық ауыртпалық түсірмейтінін түсіндіріңіз.",
                          ru: "Объясните, почему выбрано это решение, как оно достигает законной цели и не обременяет участника сверх необходимого.",
                          en: "Explain why this decision was chosen, how it serves a lawful aim and burdens the participant no more than needed.")
        case .hearingOmissionUnexplained:
            LocalizedText(kk: "Тыңдаудың неге өткізілмегенін және қандай заңды негізбен екенін актіде жазыңыз, немесе тыңдау өткізіңіз.",
                          ru: "Напишите в акте, почему и на каком законном основании заслушивание не проводилось, или проведите его.",
                          en: "State in the act why, and on which lawful ground, no hearing was held, or hold one.")
        case .draftTooLate:
            LocalizedText(kk: "Актіні жоба алынғаннан кейінгі үшінші жұмыс күнінен ерте емес қабылдаңыз.",
                          ru: "Примите акт не ранее третьего рабочего дня после получения проекта.",
                          en: "Adopt the act no earlier than the third working day after the draft was received.")
        case .appealTermMissing:
            LocalizedText(kk: "«Шешімге ол алынған күннен бастап үш ай ішінде шағым беруге болады (ӘРПК-нің 92-бабы)» деп жазыңыз.",
                          ru: "Напишите: «Решение может быть обжаловано в течение трёх месяцев со дня его получения (статья 92 АППК)».",
                          en: "Write that the act may be appealed within three months of its receipt (APPC Art. 92).")
        case .appealBodyMissing:
            LocalizedText(kk: "Шағымды қарайтын жоғары тұрған органды атаңыз және шағым актіні қабылдаған орган арқылы берілетінін жазыңыз.",
                          ru: "Назовите вышестоящий орган, рассматривающий жалобу, и что она подаётся через орган, принявший акт.",
                          en: "Name the higher body that decides the complaint and that it is filed through the body that adopted the act.")
        case .appealAddressMissing:
            LocalizedText(kk: "Органның мекенжайын жазыңыз.", ru: "Укажите адрес органа.", en: "Give the body's address.")
        case .appealWayMissing:
            LocalizedText(kk: "Шағым беру тәсілдерін жазыңыз: жазбаша, пошта арқылы, электрондық портал арқылы.",
                          ru: "Укажите способы подачи: письменно, почтой, через электронный портал.",
                          en: "List the ways to file: in writing, by post, through the e-government portal.")
        case .appealCourtRouteMissing:
            LocalizedText(kk: "Өтініш бойынша актіде: сотқа сотқа дейінгі шағымнан кейін ғана (ӘРПК-нің 91-бабының 5-тармағы); шағым бойынша шешімде: әкімшілік сотқа.",
                          ru: "В акте по заявлению: в суд только после досудебного обжалования (п. 5 ст. 91 АППК); в решении по жалобе: в административный суд.",
                          en: "For an act on an application: court only after the pre-trial complaint (APPC 91(5)); for a complaint decision: the administrative court.")
        }
    }
}

extension ActFinding {
    init(_ code: ActFindingCode, section: ActSection?, language: Language?, excerpt: String? = nil, otherExcerpt: String? = nil) {
        self.init(code: code.rawValue, severity: code.severity, section: section, language: language, excerpt: excerpt,
                  otherExcerpt: otherExcerpt, basis: code.basis, why: code.why, fix: code.fix)
    }
}
