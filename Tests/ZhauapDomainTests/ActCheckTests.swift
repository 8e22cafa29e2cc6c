import Foundation
import Testing
import WorkingCalendar
@testable import ZhauapDomain

/// The justification check of an act (R33, R35, R39–R43): a sound act of its own raises nothing; each flaw,
/// written into the Kazakh or the Russian version, raises its finding there and nothing else.
@Suite("ActCheck: the justification of an administrative act")
struct ActCheckTests {
    /// A summer café permit on a pavement, favourable to the applicant and heard with a neighbour.
    struct Parts {
        var intro, title, salutation, summary, facts, norm, competence, match, arguments, term, body, address, way, court, signature: String
        var discretion: String? = nil
        var hearing: String? = nil
        var sections: ActSections {
            var s: ActSections = [.introduction: intro, .title: title, .salutation: salutation, .operativeSummary: summary, .facts: facts,
                                  .legalReasoning: [norm, competence, match].filter { !$0.isEmpty }.joined(separator: " "),
                                  .appealProcedure: [term, body, address, way, court].filter { !$0.isEmpty }.joined(separator: " "), .signature: signature]
            if !arguments.isEmpty { s[.arguments] = arguments }
            if let discretion { s[.discretion] = discretion }
            if let hearing { s[.hearing] = hearing }
            return s
        }
    }

    static let kk = Parts(
        intro: "Өскемен қаласының кәсіпкерлік бөлімі. Жауапты қызметкер: бас маман А. Б. Нұрасыл. Іс № ЖК-2026-00150. Қабылданған күні: 10.04.2026. Адресат: «Таң Кофе» ЖШС, БСН 200140023456, Өскемен қ., Қазақстан көшесі, 60.",
        title: "Маусымдық жазғы кафе орналастыруға рұқсат беру туралы",
        salutation: "Құрметті Дамир Серікұлы!",
        summary: "«Таң Кофе» ЖШС-не Қазақстан көшесі, 60 мекенжайы алдындағы тротуарда 2026 жылғы маусымға жазғы кафе орналастыруға рұқсат берілсін.",
        facts: "23.03.2026 серіктестік рұқсат алуға өтініш берді (№ ЖК-2026-00150). 30.03.2026 сәулет бөлімінің № 71 қорытындысында кафеден кейін тротуардың еркін ені 2,5 метр қалатыны көрсетілді. 06.04.2026 шешім жобасы көрші үйдің тұрғыны Р. Ахметоваға жіберілді, 08.04.2026 бейнебайланыс арқылы тыңдау өтті (хаттама № 5).",
        norm: "Қалалық мәслихаттың № 12/3 шешімімен бекітілген абаттандыру қағидаларының 18-тармағы бойынша жазғы кафе жаяу жүргіншілер үшін тротуардың кемінде 2 метр еркін ені сақталған жағдайда орналастырылады.",
        competence: "Жазғы кафелерге рұқсат беру бөлімнің құзыретіне аталған қағидалардың 4-тармағымен жатқызылған.",
        match: "Қорытындыда көрсетілген 2,5 метр ені талап етілген 2 метрден артық, сондықтан рұқсат беру шарты орындалды.",
        arguments: "1-дәлел (кешкі шу) ішінара қабылданды: рұқсатта кафенің жұмысы 22:00-ге дейін шектелді, себебі қағидалар түнгі тыныштықты сақтауды талап етеді.",
        term: "Шешімге ол алынған күннен бастап үш ай ішінде шағым беруге болады (ӘРПК-нің 92-бабы).",
        body: "Шағымды жоғары тұрған орган — Шығыс Қазақстан облысының әкімдігі қарайды, шағым осы бөлім арқылы беріледі.",
        address: "Мекенжайы: Өскемен қ., Горький көшесі, 40.",
        way: "Шағымды жазбаша түрде, пошта арқылы немесе egov.kz порталы арқылы беруге болады.",
        court: "Сотқа сотқа дейінгі шағым тәртібінен кейін ғана жүгінуге болады (ӘРПК-нің 91-бабының 5-тармағы).",
        signature: "Бөлім басшысы Е. Т. Мұқанов")
    static let ru = Parts(
        intro: "Отдел предпринимательства города Усть-Каменогорска. Ответственный работник: главный специалист А. Б. Нурасыл. Дело № ЖК-2026-00150. Дата принятия: 10.04.2026. Адресат: ТОО «Тан Кофе», БИН 200140023456, г. Усть-Каменогорск, ул. Казахстан, 60.",
        title: "О разрешении на размещение сезонного летнего кафе",
        salutation: "Уважаемый Дамир Серикович!",
        summary: "ТОО «Тан Кофе» разрешено разместить летнее кафе на тротуаре у дома по ул. Казахстан, 60 на июнь 2026 года.",
        facts: "23.03.2026 товарищество подало заявление о разрешении (№ ЖК-2026-00150). 30.03.2026 в заключении отдела архитектуры № 71 указано, что после установки кафе свободная ширина тротуара составит 2,5 метра. 06.04.2026 проект решения направлен жительнице соседнего дома Р. Ахметовой, 08.04.2026 проведено заслушивание по видеосвязи (протокол № 5).",
        norm: "Пункт 18 правил благоустройства, утверждённых решением городского маслихата № 12/3, допускает размещение летнего кафе при условии, что для пешеходов сохраняется свободная ширина тротуара не менее 2 метров.",
        competence: "Выдача разрешений на летние кафе отнесена к компетенции отдела пунктом 4 тех же правил.",
        match: "Ширина 2,5 метра из заключения больше требуемых 2 метров, поэтому условие выдачи разрешения выполнено.",
        arguments: "Довод № 1 (шум по вечерам) принят частично: в разрешении работа кафе ограничена 22:00, так как правила требуют соблюдать ночную тишину.",
        term: "Решение может быть обжаловано в течение трёх месяцев со дня его получения (статья 92 АППК).",
        body: "Жалобу рассматривает вышестоящий орган — акимат Восточно-Казахстанской области, жалоба подаётся через настоящий отдел.",
        address: "Адрес: г. Усть-Каменогорск, ул. Горького, 40.",
        way: "Жалобу можно подать письменно, почтой или через портал egov.kz.",
        court: "В суд можно обратиться только после досудебного обжалования (пункт 5 статьи 91 АППК).",
        signature: "Руководитель отдела Е. Т. Муканов")
    static let argument = ActArgument(number: 1, text: "Кафе будет шуметь по вечерам под окнами соседнего дома.")
    static let hearing = ActHearingFacts(held: true, form: .videoCall, draftGivenOn: CivilDate("2026-04-06"))

    static func input(kk: Parts? = ActCheckTests.kk, ru: Parts? = ActCheckTests.ru, kind: ActKind = .favourable, discretionary: Bool = false,
                      hearing: ActHearingFacts? = ActCheckTests.hearing, actDate: String = "2026-04-10",
                      arguments: [ActArgument]? = [ActCheckTests.argument]) -> ActCheckInput {
        var versions: [Language: ActSections] = [:]
        if let kk { versions[.kk] = kk.sections }
        if let ru { versions[.ru] = ru.sections }
        return ActCheckInput(kind: kind, appealKind: .application, discretionary: discretionary, hearing: hearing, actDate: CivilDate(actDate),
                             versions: versions, arguments: arguments)
    }

    static func codes(_ input: ActCheckInput) -> [String] { ActCheck.findings(input, calendar: F.calendar).map(\.code) }

    /// The act with one version changed.
    static func with(_ lang: Language, _ change: (inout Parts) -> Void, kind: ActKind = .favourable, discretionary: Bool = false,
                     hearing: ActHearingFacts? = ActCheckTests.hearing, arguments: [ActArgument]? = [ActCheckTests.argument]) -> ActCheckInput {
        var k = kk, r = ru
        if lang == .kk { change(&k) } else { change(&r) }
        return input(kk: k, ru: r, kind: kind, discretionary: discretionary, hearing: hearing, arguments: arguments)
    }

    /// Exactly `code`, in version `lang` (beside the versions' differences a change of one version makes).
    static func expectOnly(_ code: ActFindingCode, _ input: ActCheckInput, _ lang: Language?, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = ActCheck.findings(input, calendar: F.calendar).filter { $0.code != ActFindingCode.versionsDiffer.rawValue && $0.code != ActFindingCode.namesDiffer.rawValue }
        #expect(Set(found.map(\.code)) == [code.rawValue], "\(found.map { "\($0.code) \($0.language?.rawValue ?? "-")" })", sourceLocation: sourceLocation)
        if let lang { #expect(found.allSatisfy { $0.language == lang }, sourceLocation: sourceLocation) }
        #expect(found.allSatisfy { $0.severity == code.severity && $0.basis == code.basis && !$0.why.kk.isEmpty && !$0.fix.ru.isEmpty }, sourceLocation: sourceLocation)
    }

    @Test("R39–R43: a sound act in Kazakh and Russian raises no finding at all")
    func soundAct() {
        #expect(Self.codes(Self.input()).isEmpty, "\(Self.codes(Self.input()))")
    }

    @Test("R43: a required section missing or empty is section_missing in that version", arguments: [Language.kk, .ru])
    func sectionMissing(lang: Language) {
        Self.expectOnly(.sectionMissing, Self.with(lang) { $0.salutation = "  " }, lang)
        Self.expectOnly(.sectionMissing, Self.with(lang) { $0.signature = "" }, lang)
    }

    @Test("R42(4); Law on languages 8, 11: an act in one language only is single_language (an error)", arguments: [Language.kk, .ru])
    func singleLanguage(lang: Language) {
        let input = lang == .kk ? Self.input(ru: nil) : Self.input(kk: nil)
        Self.expectOnly(.singleLanguage, input, lang)
        #expect(ActFindingCode.singleLanguage.severity == .error)
    }

    @Test("R42(4): the versions disagreeing on a number is versions_differ with both spans")
    func versionsDiffer() {
        let found = ActCheck.findings(Self.with(.ru) { $0.facts = $0.facts.replacingOccurrences(of: "№ 71", with: "№ 17") }, calendar: F.calendar)
        #expect(Set(found.map(\.code)) == ["versions_differ"])
        #expect(found.contains { $0.excerpt != nil && $0.otherExcerpt != nil })
    }

    @Test("R43(4): an operative summary with no decision verb is summary_no_decision", arguments: [Language.kk, .ru])
    func summaryNoDecision(lang: Language) {
        Self.expectOnly(.summaryNoDecision, Self.with(lang) {
            $0.summary = lang == .kk ? "Жазғы кафе орналастыру туралы өтінішіңізді қарау нәтижесін хабарлаймыз." : "Сообщаем о результатах рассмотрения заявления о размещении летнего кафе."
        }, lang)
        // A noun of decision is not a decision: «О разрешении…», «…беру туралы».
        Self.expectOnly(.summaryNoDecision, Self.with(lang) { $0.summary = $0.title + "." }, lang)
    }

    @Test("R43(4): a summary opening with facts or a preamble running for sentences is summary_not_first", arguments: [Language.kk, .ru])
    func summaryNotFirst(lang: Language) {
        Self.expectOnly(.summaryNotFirst, Self.with(lang) {
            $0.summary = (lang == .kk ? "Сіздің өтінішіңізді қарап, бөлім құжаттарды зерделеді. Сәулет бөлімінің қорытындысы алынды. "
                                      : "Рассмотрев Ваше заявление, отдел изучил документы. Получено заключение отдела архитектуры. ") + $0.summary
        }, lang)
    }

    @Test("R43(4): a summary longer than one sentence is summary_too_long (a warning)", arguments: [Language.kk, .ru])
    func summaryTooLong(lang: Language) {
        Self.expectOnly(.summaryTooLong, Self.with(lang) {
            $0.summary += lang == .kk ? " Рұқсат 30.06.2026 дейін жарамды." : " Разрешение действует до 30.06.2026."
            $0.facts += lang == .kk ? " Мерзім: 30.06.2026." : " Срок: 30.06.2026."
        }, lang)
    }

    @Test("R39; APPC 79, 80, 129(3): a template phrase standing in for the reason is template_phrase (with the precondition unmatched)", arguments: [Language.kk, .ru])
    func templatePhrase(lang: Language) {
        let input = Self.with(lang) { $0.match = lang == .kk ? "Қолданыстағы заңнамаға сәйкес рұқсат беруге кедергі жоқ." : "В соответствии с действующим законодательством препятствий для разрешения нет." }
        #expect(Set(Self.codes(input)) == ["template_phrase", "precondition_not_matched"])
        // Beside a concrete reason the phrase is no flaw.
        #expect(Self.codes(Self.with(lang) { $0.match = (lang == .kk ? "Заңнамаға сәйкес: " : "В соответствии с законодательством: ") + $0.match }).isEmpty)
    }

    @Test("R39, R42(2): a norm cited without what it provides is bare_norm_reference", arguments: [Language.kk, .ru])
    func bareNorm(lang: Language) {
        Self.expectOnly(.bareNormReference, Self.with(lang) {
            $0.norm = lang == .kk ? "Абаттандыру қағидаларының 18-тармағын басшылыққа ала отырып." : "Руководствуясь пунктом 18 правил благоустройства."
        }, lang)
    }

    @Test("R42(1): facts without a date are facts_undated; without evidence facts_no_evidence", arguments: [Language.kk, .ru])
    func facts(lang: Language) {
        let undated = Self.with(lang) { $0.facts = $0.facts.replacingOccurrences(of: #"\d\d\.\d\d\.2026 "#, with: "", options: .regularExpression) }
        #expect(Set(Self.codes(undated)).isSuperset(of: ["facts_undated"]) && !Self.codes(undated).contains("facts_no_evidence"))
        Self.expectOnly(.factsNoEvidence, Self.with(lang) {
            $0.facts = lang == .kk ? "23.03.2026 серіктестік рұқсат сұрады. Тротуар кең, кафе ешкімге кедергі жасамайды." : "23.03.2026 товарищество попросило разрешение. Тротуар широкий, кафе никому не мешает."
        }, lang)
    }

    @Test("R42(2b), (3): legal reasoning that never matches the norm's condition to the facts is precondition_not_matched", arguments: [Language.kk, .ru])
    func precondition(lang: Language) {
        Self.expectOnly(.preconditionNotMatched, Self.with(lang) { $0.match = "" }, lang)
    }

    @Test("R43(5b): no norm making the body competent is competence_norm_missing", arguments: [Language.kk, .ru])
    func competence(lang: Language) {
        Self.expectOnly(.competenceNormMissing, Self.with(lang) { $0.competence = "" }, lang)
        // Competence named without its norm is not enough.
        Self.expectOnly(.competenceNormMissing, Self.with(lang) { $0.competence = lang == .kk ? "Бөлім өз құзыреті шегінде әрекет етеді." : "Отдел действует в пределах своей компетенции." }, lang)
    }

    @Test("R40: an argument of the applicant not answered is argument_unanswered — by its words or its number; without known arguments, by the text", arguments: [Language.kk, .ru])
    func arguments(lang: Language) {
        Self.expectOnly(.argumentUnanswered, Self.with(lang) { $0.arguments = "" }, lang)
        Self.expectOnly(.argumentUnanswered, Self.with(lang, { $0.arguments = lang == .kk ? "Өтініш берушінің дәлелдері назарға алынды." : "Доводы заявителя приняты во внимание." }, arguments: nil), lang)
        #expect(Self.codes(Self.input(arguments: nil)).isEmpty)
        // Answered by its words, not its number.
        #expect(Self.codes(Self.with(.ru) { $0.arguments = "Шум по вечерам под окнами соседнего дома исключён: работа кафе ограничена 22:00, так как правила требуют тишины." }).allSatisfy { $0 == "versions_differ" })
    }

    @Test("R40; APPC 10, 11: a discretionary decision without its proportionality explained is discretion_unexplained", arguments: [Language.kk, .ru])
    func discretion(lang: Language) {
        func explained(_ p: inout Parts) {
            p.discretion = p.salutation.hasPrefix("Құрметті") ? "Бөлім ӘРПК-нің 11-бабына сай мөлшерлестікті сақтады: жұмыс уақытын шектеу толық бас тартудан гөрі жеңіл шара." : "Отдел соблюдал соразмерность (статья 11 АППК): ограничение часов работы мягче полного отказа."
        }
        var k = Self.kk, r = Self.ru
        explained(&k); explained(&r)
        #expect(Self.codes(Self.input(kk: k, ru: r, discretionary: true)).isEmpty)
        if lang == .kk { k.discretion = nil } else { r.discretion = nil }
        Self.expectOnly(.discretionUnexplained, Self.input(kk: k, ru: r, discretionary: true), lang)
    }

    @Test("R35; APPC 73: a burdening act with no hearing and no stated reason is hearing_omission_unexplained", arguments: [Language.kk, .ru])
    func hearingOmission(lang: Language) {
        let none = ActHearingFacts(held: false, omissionReason: "the applicant asked")
        var k = Self.kk, r = Self.ru
        k.hearing = "Тыңдау өткізілмеді, себебі серіктестік тыңдаусыз шешім қабылдауды сұрады."
        r.hearing = "Заслушивание не проводилось, так как товарищество просило принять решение без заслушивания."
        #expect(Self.codes(Self.input(kk: k, ru: r, kind: .burdening, hearing: none)).isEmpty)
        if lang == .kk { k.hearing = "Тыңдау өткізілмеді." } else { r.hearing = "Заслушивание не проводилось." }
        Self.expectOnly(.hearingOmissionUnexplained, Self.input(kk: k, ru: r, kind: .burdening, hearing: none), lang)
    }

    @Test("R33; APPC 73: the draft given three working days before is fine, two is draft_too_late; across Nauryz 2026 the days off do not count",
          arguments: [("2026-04-06", "2026-04-09", false), ("2026-04-07", "2026-04-09", true), ("2026-04-09", "2026-04-09", true),
                      ("2026-03-19", "2026-03-27", false), ("2026-03-19", "2026-03-26", true)])
    func draftLead(given: String, act: String, late: Bool) {
        let input = Self.input(hearing: ActHearingFacts(held: true, form: .videoCall, draftGivenOn: CivilDate(given)), actDate: act)
        #expect(Self.codes(input).contains("draft_too_late") == late, "\(given) → \(act)")
        // Without a calendar the lead time is not judged.
        #expect(!ActCheck.findings(input, calendar: nil).contains { $0.code == "draft_too_late" })
    }

    @Test("R43(6); APPC 91, 92: the appeal procedure without its term, body, address, way or court route", arguments: [Language.kk, .ru])
    func appeal(lang: Language) {
        Self.expectOnly(.appealTermMissing, Self.with(lang) { $0.term = "" }, lang)
        Self.expectOnly(.appealBodyMissing, Self.with(lang) { $0.body = ""; $0.address = "" }, lang)
        Self.expectOnly(.appealAddressMissing, Self.with(lang) { $0.address = "" }, lang)
        Self.expectOnly(.appealWayMissing, Self.with(lang) { $0.way = "" }, lang)
        Self.expectOnly(.appealCourtRouteMissing, Self.with(lang) { $0.court = "" }, lang)
    }

    @Test("R43(6): a complaint decision names the administrative court as the route")
    func complaintDecisionRoute() {
        func decision(_ p: Parts, court: String) -> Parts {
            var p = p
            (p.term, p.body, p.address, p.way, p.court) = ("", "", "", "", court)
            return p
        }
        let ok = Self.input(kk: decision(Self.kk, court: "Шағым бойынша шешімге Өскемен қаласының мамандандырылған ауданаралық әкімшілік сотына талап арыз беруге болады."),
                            ru: decision(Self.ru, court: "Решение по жалобе может быть обжаловано иском в специализированный межрайонный административный суд города Усть-Каменогорска."),
                            kind: .complaintDecision)
        #expect(!Self.codes(ok).contains { $0.hasPrefix("appeal_") })
        let bad = Self.input(kk: decision(Self.kk, court: "Шешімге шағым жасалуы мүмкін."), ru: decision(Self.ru, court: "Решение может быть обжаловано."), kind: .complaintDecision)
        #expect(Set(Self.codes(bad).filter { $0.hasPrefix("appeal_") }) == ["appeal_court_route_missing"])
    }

    @Test("Whole words only: «судья» is no court, «акт» not «активный», ё and е alike")
    func wholeWords() {
        let s = ActText("Активный судья учёл ёлку.").sentences[0]
        #expect(!s.has(ActCues.evidence, .ru) && !s.has(ActCues.court, .ru))
        #expect(ActText("Учтён довод").sentences[0].has(ActCues.assessed, .ru))
        #expect(ActText("г. Астана, ул. Абая, 8. Второе предложение.").sentences.count == 2)
    }

    @Test("R39–R43: on the training corpus no sound act gets a false error, and every flawed act raises what it is labelled with")
    func trainingCorpus() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Corpus/acts/training.jsonl")
        let corpus = try ActCorpusEntry.lines(try Data(contentsOf: url))
        #expect(corpus.count >= 120)
        for e in corpus {
            let found = ActCheck.findings(try e.document.input(), calendar: F.calendar)
            if e.expect.isEmpty { #expect(!found.contains { $0.severity == .error }, "\(e.id): \(found.map(\.code))") }
            #expect(Set(found.map(\.code)) == Set(e.expect), "\(e.id)")
        }
    }

    @Test("The document's fields are validated and named: unknown section, bad date, empty argument")
    func documentValidation() throws {
        func doc(_ json: String) throws -> ActCheckDocument { try JSONDecoder().decode(ActCheckDocument.self, from: Data(json.utf8)) }
        #expect(throws: ActCheckDocument.Invalid(field: "versions.kk.preface", reason: "one of " + ActSection.allCases.map(\.rawValue).joined(separator: ", "))) {
            try doc(#"{"actType":"favourable","versions":{"kk":{"preface":"x"}}}"#).input()
        }
        #expect((try? doc(#"{"actType":"favourable","actDate":"2026-02-30","versions":{"kk":{}}}"#).input()) == nil)
        #expect((try? doc(#"{"actType":"favourable","versions":{"ru":{}},"arguments":[{"number":1,"text":" "}]}"#).input()) == nil)
        #expect(try doc(#"{"actType":"burdening","versions":{"ru":{"facts":"x"}}}"#).input().kind == .burdening)
    }
}
