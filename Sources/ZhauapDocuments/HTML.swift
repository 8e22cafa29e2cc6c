/// Escapes text for HTML element content and attribute values: nothing an applicant writes can become markup.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(ch)
        }
    }
    return out
}

/// A printable A4 page in one language (the documentation rules keep each language a separate document).
func page(lang: String, title: String, body: String) -> String {
    """
    <!doctype html>
    <html lang="\(lang)"><head><meta charset="utf-8"><title>\(escapeHTML(title))</title>
    <style>@page { size: A4; margin: 20mm } body { font-family: "DejaVu Serif", "Noto Serif", serif; font-size: 12pt; line-height: 1.45 }
    h1 { font-size: 14pt; text-align: center } dl { display: grid; grid-template-columns: 16em 1fr; gap: .3em 1em } dt { font-weight: bold }
    .sign { margin-top: 3em } .date { text-align: right }</style></head>
    <body>\(body)</body></html>
    """
}
