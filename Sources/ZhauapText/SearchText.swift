import Synchronization

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
            if field.utf8.count >= Prepared.shortest, let stems = prepared.take(field) { out += stems; continue }
            out += stems(of: field)
        }
        return out.joined(separator: " ")
    }

    static func stems(of field: String) -> [String] {
        var out: [String] = []
        for token in Tokens.of(field) { out += token.stems }
        return out
    }

    /// Reads a long text's stems now, for an `indexed` to come (a registration reads its essence before it
    /// takes the database's write lock, and the index row is written under it). The same stems as `indexed`
    /// would read; each prepared text is taken once. Short texts are not kept (reading them costs less).
    public static func prepare(_ text: String?) {
        guard let text, text.utf8.count >= Prepared.shortest else { return }
        prepared.put(text, stems(of: text))
    }

    static let prepared = Prepared()

    /// Texts read ahead, with their stems; bounded (full, it starts again empty).
    final class Prepared: Sendable {
        static let shortest = 64
        static let capacity = 256
        /// Each text's stems, and how many reads ahead are still to be taken.
        private let texts = Mutex<[String: (stems: [String], waiting: Int)]>([:])

        func put(_ text: String, _ stems: [String]) {
            texts.withLock { t in
                if t.count >= Self.capacity, t[text] == nil { t.removeAll(keepingCapacity: true) }
                t[text] = (stems, (t[text]?.waiting ?? 0) + 1)
            }
        }

        func take(_ text: String) -> [String]? {
            texts.withLock { t in
                guard let kept = t[text] else { return nil }
                t[text] = kept.waiting > 1 ? (kept.stems, kept.waiting - 1) : nil
                return kept.stems
            }
        }

        var count: Int { texts.withLock { $0.count } }
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
