import Testing
@testable import ZhauapText

@Suite("Text: search words and snippets")
struct SnippetTests {
    @Test("Search words: each word's stems once, repeated words once; the indexed text holds every candidate stem")
    func words() {
        #expect(SearchText.words("Жер жер учаскесі") == [["jer"], ["uchaske"]])
        #expect(SearchText.words("  ,.  ").isEmpty)
        let indexed = SearchText.indexed(["жұмысы", nil, "земельный"]).split(separator: " ").map(String.init)
        #expect(indexed.contains("jumis") && indexed.contains("zemeln"), "\(indexed)")
    }

    @Test("A snippet marks the matched words and escapes everything else")
    func marks() {
        let html = Snippet.html("<i>Жер</i> учаскесін & беру", words: SearchText.words("жер учаскеси"))
        #expect(html == "&lt;i&gt;<mark>Жер</mark>&lt;/i&gt; <mark>учаскесін</mark> &amp; беру")
        #expect(Snippet.html("Ничего общего", words: SearchText.words("жер")) == "Ничего общего")
        #expect(Snippet.html("", words: SearchText.words("жер")) == "")
    }

    @Test("A snippet of a long text is a window of 30 words around the first match, cut with «…»")
    func window() {
        let text = (1...100).map { "сөз\($0)" }.joined(separator: " ") + " мектеп " + (1...100).map { "сөз\($0 + 100)" }.joined(separator: " ")
        let html = Snippet.html(text, words: SearchText.words("мектебі"))
        #expect(html.hasPrefix("… ") && html.hasSuffix(" …") && html.contains("<mark>мектеп</mark>"), "\(html)")
        #expect(html.split(separator: " ").filter { $0 != "…" }.count == 30, "\(html)")
        let start = Snippet.html(text, words: SearchText.words("жоқ"))
        #expect(start.hasPrefix("сөз1 ") && start.hasSuffix(" …") && !start.contains("<mark>"))
    }
}
