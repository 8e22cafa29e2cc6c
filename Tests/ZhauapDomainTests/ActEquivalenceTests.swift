import Foundation
import Testing
import WorkingCalendar
@testable import ZhauapDomain

/// R42(4): the Kazakh and Russian versions of an act say the same thing.
@Suite("Act: the equivalence of the Kazakh and Russian versions (R42(4))")
struct ActEquivalenceTests {
    static let kk: [String: String] = [
        "introduction": "Көкшетау қаласының әкімдігі, № KKS-2024-00042 жолданым, іс 03-42, 2024 жылғы 10 мамырдағы шешім. Өтініш беруші: Нұрланов Ержан, ЖСН 061211600012.",
        "operative_summary": "Нұрланов Ержанға жеке тұрғын үй құрылысы үшін 0,10 га жер учаскесін беруден бас тартылсын.",
        "legal_reasoning": "Жер кодексінің 43-бабының 2-тармағының 1) тармақшасына және ҚР ӘРПК 73-бабына сәйкес; кезекте 2016 жылдан бері тұр, кезектегі нөмірі 1 250.",
        "appeal_procedure": "Шешімге 3 ай ішінде Ақмола облысының әкімдігіне шағым беруге болады (ҚР ӘРПК 91-бабы). Мемлекеттік баж 1 250 000,50 теңге.",
    ]
    static let ru: [String: String] = [
        "introduction": "Акимат города Кокшетау, обращение № KKS-2024-00042, дело 03-42, решение от 10.05.2024. Заявитель: Нурланов Ержан, ИИН 061211600012.",
        "operative_summary": "Отказать Нурланову Ержану в предоставлении земельного участка 0,10 га для индивидуального жилищного строительства.",
        "legal_reasoning": "В соответствии с подпунктом 1) пункта 2 статьи 43 Земельного кодекса и статьёй 73 АППК РК; в очереди с 2016 года, номер в очереди 1 250.",
        "appeal_procedure": "Решение может быть обжаловано в течение 3 месяцев в акимат Акмолинской области (статья 91 АППК РК). Государственная пошлина 1 250 000.50 тенге.",
    ]

    @Test("R42(4): a sound pair — dates in different written forms, the same norms, numbers and identifiers — has no finding")
    func soundPair() {
        let findings = ActEquivalence.compare(kk: Self.kk, ru: Self.ru)
        #expect(findings.isEmpty, "\(findings)")
        let items = Set(ActEquivalence.items(Self.kk, .kk).keys)
        #expect(items.contains(.date(CivilDate("2024-05-10")!)) && items.contains(.norm(article: "43", paragraph: "2", subparagraph: "1")))
        #expect(items.contains(.identification("061211600012")) && items.contains(.registration("KKS-2024-00042")) && items.contains(.number("1250000.50")))
    }

    @Test("R42(4): a changed date, amount, norm number, IIN and registration number are each found, with both sides' spans",
          arguments: [
            ("2024 жылғы 10 мамырдағы", "2024 жылғы 11 мамырдағы", "date_differs", "10.05.2024"),
            ("1 250 000,50 теңге", "1 205 000,50 теңге", "number_differs", "1250000.50"),
            ("43-бабының 2-тармағының", "44-бабының 2-тармағының", "norm_reference_differs", "art. 43, p. 2, sp. 1)"),
            ("ЖСН 061211600012", "ЖСН 061211600021", "identification_number_differs", "061211600012"),
            ("№ KKS-2024-00042", "№ KKS-2024-00043", "registration_number_differs", "KKS-2024-00042"),
            ("ҚР ӘРПК 91-бабы", "ҚР ӘРПК 92-бабы", "norm_reference_differs", "art. 91"),
          ])
    func changed(from: String, to: String, code: String, ruItem: String) throws {
        var kk = Self.kk
        let key = try #require(kk.first { $0.value.contains(from) }?.key)
        kk[key] = kk[key]!.replacingOccurrences(of: from, with: to)
        let findings = ActEquivalence.compare(kk: kk, ru: Self.ru)
        #expect(findings.allSatisfy { $0.code == code }, "\(findings)")
        // Both sides shown: what only Kazakh now says, and what only Russian says.
        #expect(findings.contains { $0.onlyIn == .kk } && findings.contains { $0.onlyIn == .ru && $0.item == ruItem }, "\(findings)")
        #expect(findings.allSatisfy { !$0.spans.isEmpty && $0.section == key })
    }

    @Test("R42(4): a surname reads alike in both spellings and cases (Нұрлановқа, Нурланову); a changed one is found, a patronymic is not compared")
    func names() {
        #expect(Set(ActEquivalence.extract("Нұрлановқа, Нұрлановтың, Ахметоваға", .kk).map(\.0)) == [.name("нурланов"), .name("ахметов")])
        #expect(Set(ActEquivalence.extract("Нурланову, Нурланова, Ахметовой", .ru).map(\.0)) == [.name("нурланов"), .name("ахметов")])
        #expect(ActEquivalence.extract("Основание и Положение", .ru).isEmpty, "a capitalised word is not a surname by its letters alone")
        var kk = Self.kk
        kk["operative_summary"] = kk["operative_summary"]!.replacingOccurrences(of: "Нұрланов Ержанға", with: "Нұржанов Ержанға")
        let findings = ActEquivalence.compare(kk: kk, ru: Self.ru)
        #expect(findings.map(\.code) == ["name_differs"] && findings.first?.item == "Нуржанов" && findings.first?.onlyIn == .kk, "\(findings)")
        var ru = Self.ru
        ru["introduction"] = ru["introduction"]! + " Представитель: Ахметова Айгүл Серікқызы."
        var kk2 = Self.kk
        kk2["introduction"] = kk2["introduction"]! + " Өкілі: Ахметова Айгүл Сериковна."
        #expect(ActEquivalence.compare(kk: kk2, ru: ru).isEmpty)
    }

    @Test("R42(4): a section filled in one version only is a finding naming it")
    func sectionMissing() {
        var ru = Self.ru
        ru["appeal_procedure"] = "  "
        let findings = ActEquivalence.compare(kk: Self.kk, ru: ru)
        #expect(findings.contains { $0.code == "section_missing" && $0.section == "appeal_procedure" && $0.onlyIn == .kk })
    }

    @Test("R42(4): Russian date and norm forms read alike — «3 мая 2024 г.», «03.05.2024», «п. 2 ст. 43», «статья 43, пункт 2»")
    func forms() {
        let a = Set(ActEquivalence.extract("от 3 мая 2024 г. по п. 2 ст. 43", .ru).map(\.0))
        let b = Set(ActEquivalence.extract("от 03.05.2024 по статья 43, пункт 2", .ru).map(\.0))
        #expect(a == b && a.contains(.date(CivilDate("2024-05-03")!)) && a.contains(.norm(article: "43", paragraph: "2", subparagraph: nil)))
        let k = Set(ActEquivalence.extract("2024 жылғы 3 мамыр, 43-бабының 2-тармағы", .kk).map(\.0))
        #expect(k == a)
        // A day that does not exist is not a date.
        #expect(!ActEquivalence.extract("30.02.2024", .ru).contains { if case .date = $0.0 { true } else { false } })
    }
}
