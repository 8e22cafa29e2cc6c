import Foundation
import Testing
@testable import ZhauapDomain
import ZhauapText

/// The reading of an appeal on texts written for these tests (never the corpora): kinds, words, confidence,
/// the crime or threat flag, a missing essence, repeats (R5, R8; APPC 4, 88).
@Suite("Reading appeals: kind, crime or threat, essence, repeats")
struct ReadingTests {
    @Test("R5: the kind is read from what is asked, in Kazakh, Russian, mixed, without Kazakh letters and in Latin letters", arguments: [
        ("Маған көп балалы отбасы ретінде әлеуметтік көмек тағайындауыңызды сұраймын.", AppealKind.application),
        ("Прошу выдать справку о составе семьи для оформления пособия.", .application),
        ("Тұрғын үй кезегіне қою үшін қандай құжаттар керек екенін түсіндіріп беріңізші.", .request),
        ("Подскажите, пожалуйста, когда начнётся ремонт дороги по улице Абая?", .request),
        ("Саябаққа балалар ойын алаңын салуды ұсынамын, тұрғындар өздері көмектесуге дайын.", .proposal),
        ("Предлагаю установить на остановках табло с расписанием автобусов.", .proposal),
        ("Әкімдіктің қаулы жобасы бойынша пікірім: ит серуендету алаңдарын азайтуға қарсымын.", .response),
        ("По проекту новых правил благоустройства: поддерживаю запрет парковки на газонах.", .response),
        ("Хабарлаймын: өзен жағасына қоқыс төгіп жатыр, түнде машиналар келеді.", .report),
        ("Сообщаю, что на перекрёстке уже неделю не работает светофор.", .report),
        ("Маған жәрдемақы тағайындаудан заңсыз бас тартқан шешімнің күшін жоюды сұраймын.", .complaint),
        ("Обжалую отказ отдела образования в предоставлении места в детском саду, считаю его незаконным.", .complaint),
        ("Курметти аким, биздин ауылга су кубырын тартуды сураймын, балаларымыз ауырып жур, комек корсетиниз.", .application),
        ("Qurmetti akim, mektep janynda jol belgisin ornatudy usynamyn, balalar qauipti jerden otedi.", .proposal),
        ("Сәлеметсіз бе, у нас во дворе жарық жоқ уже месяц, сообщаю вам об этом, фонарь сломан.", .report),
    ])
    func kinds(text: String, kind: AppealKind) {
        let s = KindSuggester.suggest(text, areas: [])
        #expect(s.kind == kind, "\(text) → \(String(describing: s.kind)) \(s.alternatives ?? [])")
        #expect(!s.kindMarkers.isEmpty && s.kindMarkers.allSatisfy { text.localizedCaseInsensitiveContains($0) }, "the words are as typed: \(s.kindMarkers)")
        #expect((s.confidence ?? 0) > 0 && (s.confidence ?? 0) <= 1 && s.alternatives?.count == 2)
    }

    @Test("A phrase matches a whole word or its beginning, never the inside of another word")
    func wholeWords() {
        let cue = Cue("отказ*", weight: 1)
        #expect(cue.firstMatch(in: Tokens.of("мне отказали в приёме")) != nil)
        #expect(cue.firstMatch(in: Tokens.of("безотказный аппарат")) == nil)
        #expect(Cue("су", weight: 1).firstMatch(in: Tokens.of("суд шешімі")) == nil)
        #expect(Cue("прош* разъясн*", weight: 1).firstMatch(in: Tokens.of("Прошу Вас мне разъяснить")) != nil, "two words may stand between")
        #expect(Cue("прош* разъясн*", weight: 1).firstMatch(in: Tokens.of("Прошу принять, посмотреть, учесть и разъяснить")) == nil, "not four")
    }

    @Test("APPC 88: crime and threat reports are flagged in each language and typing; harmless mentions are not", arguments: [
        ("Подъездімізде түнде есірткі сатады, закладка қалдырады.", true),
        ("Сосед каждую ночь избивает жену, слышны крики, прошу помочь.", true),
        ("Полицейский потребовал деньги, иначе обещал составить протокол — это взятка.", true),
        ("Ол маған телефон арқылы үйіңді өртеп жіберемін деп қорқытты.", true),
        ("V chate shkoly uchenik pishet chto zavtra vzorvet shkolu, vykladyvaet foto oruzhiya.", true),
        ("Прошу открыть центр реабилитации для людей с наркотической зависимостью.", false),
        ("Подскажите порядок регистрации охотничьего ружья и разрешения на хранение.", false),
        ("Мектептің мұражайында соғыс кезіндегі қару көрмесін ұйымдастыруды ұсынамын.", false),
        ("Жасөспірімдер кешке бос уақытты өлтіріп жүр, спорт секциясын ашыңыздар.", false),
    ])
    func crime(text: String, flagged: Bool) {
        let s = KindSuggester.suggest(text, areas: [])
        #expect((s.crime != nil) == flagged, "\(text) → \(String(describing: s.crime))")
    }

    @Test("APPC 88: a text with greetings, a signature and contacts only states no essence; a short real one does")
    func essence() {
        for empty in ["Сәлеметсіз бе!\nӨтінішімді қарап, оң шешім қабылдауыңызды сұраймын.\nРахмет.", "ЖАЛОБА\nСерікбаева Дана\n87754440012", "аааааа ыыыы 123", "см. вложение"] {
            #expect(KindSuggester.suggest(empty, areas: []).noEssence == true, "\(empty)")
        }
        for stated in ["Светофор не работает у школы №5", "СВЕТА НЕТ ТРИ ДНЯ НА УЛИЦЕ", "Ауылда су жоқ, құбыр жарылған"] {
            #expect(KindSuggester.suggest(stated, areas: []).noEssence == false, "\(stated)")
        }
    }

    @Test("R8: a repeat on the same subject is found with its similarity; a new text with new facts brings new arguments; another subject is not a repeat")
    func repeats() {
        let earlier = [RepeatCheck.Earlier(id: UUID(), number: "AKM-2026-00001", essence: "Көшемізде үш айдан бері жарық жоқ, бағандағы шамдар жанбайды, жөндеуді сұраймын."),
                       RepeatCheck.Earlier(id: UUID(), number: "AKM-2026-00002", essence: "Балама мектептен орын беруіңізді сұраймын.")]
        let r = RepeatCheck.find("Тағы да жазамын: көшемізде жарық жоқ, шамдар жанбайды. Жөндеуді сұраймын.", among: earlier)
        #expect(r?.number == "AKM-2026-00001" && r?.newArguments == false && (r?.similarity ?? 0) >= RepeatCheck.sameSubject)
        let fresh = RepeatCheck.find("""
            Жарық туралы жолданымыма қосымша: электр желісінің мердігері 5 наурызда келіп, трансформаторды ауыстыру үшін тұрғындардан ақша жинауды \
            талап етті, түбіртек бермеді, шарт көрсетпеді, көршілердің қолы қойылған тізім мен бейнежазбаны тіркеймін, заңдылығын тексеруді сұраймын.
            """, among: earlier)
        #expect(fresh == nil || fresh?.newArguments == true)
        #expect(RepeatCheck.find("Ит серуендету алаңын салуды ұсынамын.", among: earlier) == nil)
    }

    @Test("R8: the kept content of earlier essences gives the same findings, an essence changed under its id is read again, and a full store starts again")
    func repeatContents() {
        let id = UUID()
        let light = RepeatCheck.Earlier(id: id, number: "AKM-2026-00001", essence: "Көшемізде үш айдан бері жарық жоқ, бағандағы шамдар жанбайды, жөндеуді сұраймын.")
        let school = RepeatCheck.Earlier(id: UUID(), number: "AKM-2026-00002", essence: "Балама мектептен орын беруіңізді сұраймын.")
        let text = "Тағы да жазамын: көшемізде жарық жоқ, шамдар жанбайды. Жөндеуді сұраймын."
        for capacity in [1, 2, 100] {
            let kept = RepeatCheck.Contents(capacity: capacity)
            for _ in 0..<3 {
                #expect(RepeatCheck.find(text, among: [light, school], contents: kept) == RepeatCheck.find(text, among: [light, school]))
            }
            // The same appeal whose essence was corrected to another subject is no longer a repeat of this text.
            var corrected = light
            corrected.essence = "Ит серуендету алаңын салуды ұсынамын."
            #expect(RepeatCheck.find(text, among: [corrected, school], contents: kept) == nil)
            #expect(RepeatCheck.find(text, among: [light], contents: kept)?.number == "AKM-2026-00001")
        }
    }

    @Test("R8: a text read ahead finds what the text finds; a new appeal's reading remembered is the one its successor compares with")
    func readAhead() {
        let light = RepeatCheck.Earlier(id: UUID(), number: "AKM-2026-00001", essence: "Көшемізде үш айдан бері жарық жоқ, бағандағы шамдар жанбайды, жөндеуді сұраймын.")
        let school = RepeatCheck.Earlier(id: UUID(), number: "AKM-2026-00002", essence: "Балама мектептен орын беруіңізді сұраймын.")
        let texts = ["Тағы да жазамын: көшемізде жарық жоқ, шамдар жанбайды. Жөндеуді сұраймын.", "Ит серуендету алаңын салуды ұсынамын.", "", "Мектеп орны"]
        for text in texts {
            #expect(RepeatCheck.find(RepeatCheck.Reading(text), among: [light, school]) == RepeatCheck.find(text, among: [light, school]))
            #expect(RepeatCheck.find(RepeatCheck.Reading(text), among: []) == nil)
        }
        // Remembered under the light appeal's id and essence: the stems of the school text are what is compared,
        // so the kept reading (not a new reading of the essence) decides.
        let kept = RepeatCheck.Contents(capacity: 10)
        kept.remember(light.id, essence: light.essence, RepeatCheck.Reading(school.essence))
        #expect(RepeatCheck.find("Балама мектептен орын беруіңізді сұраймын.", among: [light], contents: kept)?.number == "AKM-2026-00001")
        #expect(RepeatCheck.find("Балама мектептен орын беруіңізді сұраймын.", among: [light]) == nil)
    }

    @Test("R6: the applicant is recognised by a valid IIN, else by the folded name; an anonymous one is not")
    func applicantKey() {
        #expect(Applicant(surname: "Нұрланов", givenName: "Ержан", iin: "061211600012").matchKey == "iin:061211600012")
        #expect(Applicant(surname: "Нұрланов", givenName: "Ержан").matchKey == Applicant(surname: "Нурланов", givenName: "Ержан").matchKey)
        #expect(Applicant(surname: "Нұрланов", givenName: "Ержан", iin: "061211600013").matchKey?.hasPrefix("name:") == true, "a bad IIN is not a key")
        #expect(Applicant().matchKey == nil && Applicant(surname: "Нұрланов").matchKey == nil)
    }
}
