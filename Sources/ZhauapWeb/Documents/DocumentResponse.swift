import Vapor
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain

/// A document as the reader asked for it: the HTML print view, or the same page printed to PDF
/// (`format=pdf`), named after the appeal, the document and the language.
enum DocumentResponse {
    /// In the pages (`toolbar`), the print view has a way back to the appeal, the PDF and a print button,
    /// none of them printed.
    static func make(_ req: Request, document: AppealDocument, appeal: Appeal, body: AdministrativeBody, lang: Language,
                     toolbar: Bool = false) async throws -> Response {
        let html = document.render(appeal, body: body, lang: lang)
        var headers = HTTPHeaders()
        switch req.queryText("format") ?? "html" {
        case "html":
            headers.contentType = .html
            guard toolbar else {
                headers.replaceOrAdd(name: "Content-Security-Policy", value: SecurityHeadersMiddleware.documents)
                return Response(status: .ok, headers: headers, body: .init(string: html))
            }
            let t = req.application.strings[lang]
            let pdf = "/appeals/\(appeal.id)/documents/\(document.rawValue)?lang=\(lang.rawValue)&amp;format=pdf"
            let bar = """
                <nav class="toolbar"><a href="/appeals/\(appeal.id)">← \(t["appeal_title"] ?? "") \(appeal.registration.number)</a>
                <button type="button" id="print">\(t["doc_print"] ?? "Print")</button> <a href="\(pdf)">PDF</a></nav>
                <script src="/assets/print.js"></script>
                """
            headers.replaceOrAdd(name: "Content-Security-Policy", value: SecurityHeadersMiddleware.documentView)
            return Response(status: .ok, headers: headers, body: .init(string: html.replacingOccurrences(of: "<body>", with: "<body>" + bar)))
        case "pdf":
            let started = ContinuousClock.now
            let pdf: Data
            do { pdf = try await req.application.pdfRenderer.pdf(html: html) } catch {
                req.application.metrics.pdf(seconds: MetricsMiddleware.seconds(since: started), ok: false)
                throw error
            }
            req.application.metrics.pdf(seconds: MetricsMiddleware.seconds(since: started), ok: true)
            headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
            let name = "\(appeal.registration.number)-\(document.rawValue)-\(lang.rawValue).pdf"
            headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(name)\"")
            req.logger.info("document printed", metadata: ["appeal": .string(appeal.id.uuidString), "document": .string(document.rawValue)])
            return Response(status: .ok, headers: headers, body: .init(data: pdf))
        case let other:
            throw APIError.invalid("format", code: "invalid_format", "format must be html or pdf, not \"\(other)\"")
        }
    }
}
