/// What the search stores and asks for, from text as people type it: every word's folded stems (both
/// readings, see `Stem`). An indexed text is its stems, space-separated; a query is its words, each a set of
/// stems any one of which must be found (every word must be found). Stems are ASCII letters and digits only,
/// so they pass through SQLite's `unicode61` tokenizer and PostgreSQL's `simple` configuration unchanged.
public enum SearchText {
    /// The stems of the fields, every candidate of every word, space-separated (nil fields skipped).
    public static func indexed(_ fields: [String?]) -> String {
        var out: [String] = []
        for field in fields {
            guard let field else { continue }
            for token in Tokens.of(field) { out += token.stems }
        }
        return out.joined(separator: " ")
    }

    /// The query's words: each word's distinct stems, in order; repeated words once.
    public static func words(_ query: String) -> [[String]] {
        var out: [[String]] = []
        for token in Tokens.of(query) {
            var stems: [String] = []
            for s in token.stems where !stems.contains(s) { stems.append(s) }
            if !stems.isEmpty, !out.contains(stems) { out.append(stems) }
        }
        return out
    }
}
