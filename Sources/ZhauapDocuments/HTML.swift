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
    <html lang="\(lang)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(escapeHTML(title))</title>
    <style>@page { size: A4; margin: 20mm } body { font-family: "DejaVu Serif", "Noto Serif", serif; font-size: 12pt; line-height: 1.45 }
    h1 { font-size: 14pt; text-align: center } dl { display: grid; grid-template-columns: 16em 1fr; gap: .3em 1em } dt { font-weight: bold }
    .sign { margin-top: 3em } .date { text-align: right }
    body { max-width: 170mm; margin: 1em auto; padding: 0 .8em; overflow-wrap: anywhere }
    .letterhead { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5em; border-bottom: 1px solid #000; }
    .addressee { margin: 1em 0 1em auto; max-width: 20em; font-style: normal } .signame { float: right }
    .contacts { margin-top: 2em; font-size: 10pt; border-top: 1px solid #999 }
    .toolbar { display: flex; flex-wrap: wrap; gap: 1em; align-items: center; padding: .5em 0; border-bottom: 1px solid #ccc; font-family: sans-serif }
    @media (max-width: 40em) { dl { grid-template-columns: 1fr } }
    @media print { .toolbar { display: none } body { max-width: none; margin: 0; padding: 0 } }</style></head>
    <body>\(body)</body></html>
    """
}
