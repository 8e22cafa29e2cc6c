/// A passage of a text around the words a search matched, as HTML: the matched words in `<mark>…</mark>`,
/// every other character escaped, so that the result can be put into a page as it is. A text word matches
/// a query word when they share a stem (the same rule as the search itself).
public enum Snippet {
    /// At most `width` words of `text`: from a few words before the first match (or from the start when
    /// nothing matched), with «…» where the text was cut; whitespace runs become one space.
    public static func html(_ text: String, words query: [[String]], width: Int = 30) -> String {
        let tokens = Tokens.of(text)
        guard !tokens.isEmpty else { return escape(flat(Substring(text))) }
        let wanted = Set(query.joined())
        let matched = tokens.map { !wanted.isDisjoint(with: $0.stems) }
        let first = matched.firstIndex(of: true) ?? 0
        let start = max(0, min(first - 5, tokens.count - width))
        let end = min(tokens.count, start + width)
        var out = start > 0 ? "… " : ""
        var cursor = start > 0 ? tokens[start].range.lowerBound : text.startIndex
        for i in start..<end where matched[i] {
            out += escape(flat(text[cursor..<tokens[i].range.lowerBound]))
            out += "<mark>" + escape(String(text[tokens[i].range])) + "</mark>"
            cursor = tokens[i].range.upperBound
        }
        let stop = end < tokens.count ? tokens[end - 1].range.upperBound : text.endIndex
        if cursor < stop { out += escape(flat(text[cursor..<stop])) }
        if end < tokens.count { out += " …" }
        return out
    }

    /// Whitespace runs (line breaks included) as one space.
    static func flat(_ s: Substring) -> String {
        var out = ""
        var space = false
        for c in s {
            if c.isWhitespace { space = true; continue }
            if space { out.append(" "); space = false }
            out.append(c)
        }
        if space { out.append(" ") }
        return out
    }

    /// The text with `& < > " '` written as character references.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
