import Foundation

/// A plain PDF of a given number of A4 pages, each with a few lines of text: the material of the case-export
/// benchmark and the tests (written here so that both use the same bytes). The text holds no digits, so the
/// sheet numbers stamped on it later stand out.
public enum SamplePDF {
    public static func make(pages: Int, text: String = "Evidence page", lines: Int = 1) -> Data {
        var objects: [String] = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\((0..<pages).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " "))] /Count \(pages) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        for i in 0..<pages {
            let body = (0..<max(1, lines)).map { "1 0 0 1 72 \(760 - 16 * $0) Tm (\(text)) Tj" }.joined(separator: " ")
            let stream = "BT /F1 12 Tf \(body) ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * i) 0 R >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}
