import Testing
@testable import ZhauapText

@Suite("Fold and stem: Kazakh and Russian as people type them come to one form")
struct FoldTests {
    @Test("Kazakh typed properly, with Russian look-alike letters and in Latin letters folds to one word",
          arguments: [["құрметті", "курметти", "qurmetti", "Qūrmettı", "КҰРМЕТТІ"], ["жер", "jer", "zher", "ЖЕР"],
                      ["әкімдігі", "акимдиги", "äkımdıgı", "akimdigi"], ["ауыл", "auyl", "ауил", "awil"],
                      ["шағым", "шагым", "shagym", "şağym"], ["өтініш", "отиниш", "otinish", "ötınış"],
                      ["көшесі", "кошеси", "koshesi", "köşesı"], ["ёлка", "елка", "yolka"], ["жұмыс", "жумыс", "jumys", "zhumys"]])
    func oneWord(forms: [String]) {
        let folded = Set(forms.map { Fold.word($0) })
        #expect(folded.count == 1, "\(forms) → \(folded)")
    }

    @Test("Inflected forms meet at one stem", arguments: [
        ["жер", "жерге", "жердің", "жерлерін", "жерді"], ["земельный", "земельного", "земельные", "земельному"],
        ["заявление", "заявления", "заявлению"], ["регистрация", "регистрации"], ["шаруашылық", "шаруашылығы", "шаруашылығын"],
        ["мектеп", "мектепке", "мектептің", "мектептер"], ["дорога", "дороги", "дорогу"], ["отказ", "отказали", "отказа"],
        ["жұмыс", "жұмысы", "жұмыстар", "жумысы"], ["ауыл", "ауылда", "ауылдың", "auyldа"]])
    func stems(forms: [String]) {
        let stems = forms.map { Set(Stem.candidates(Fold.word($0))) }
        let shared = stems.dropFirst().reduce(stems[0]) { $0.intersection($1) }
        #expect(!shared.isEmpty, "\(forms) → \(stems)")
    }

    @Test("A short word keeps its letters: «су» is not «суд», «ад» not «адрес»")
    func precision() {
        let su = Stem.of(Fold.word("су"))
        for other in ["суд", "судья", "сурет", "сумма", "суббота"] { #expect(!Stem.candidates(Fold.word(other)).contains(su), "\(other)") }
        #expect(!Stem.candidates(Fold.word("адрес")).contains(Stem.of(Fold.word("ад"))))
        #expect(Stem.candidates(Fold.word("суға")).contains(su), "a Kazakh case ending comes off a two-letter word")
    }

    @Test("Tokens keep their place in the text; a hyphen joins a word; punctuation and spaces split")
    func tokens() {
        let text = "Ұрып-соғу болды! Жер (учаскесі), 12 га."
        let t = Tokens.of(text)
        #expect(t.map { String(text[$0.range]) } == ["Ұрып-соғу", "болды", "Жер", "учаскесі", "12", "га"])
        #expect(t[0].folded == "uripsogu")
    }
}
