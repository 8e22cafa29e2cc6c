import Vapor
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain

/// A document as the reader asked for it: the HTML print view, or the same page printed to PDF
/// (`format=pdf`), named after the appeal, the document and the language.
enum DocumentResponse {
    static func make(_ req: Request, document: AppealDocument, appeal: Appeal, body: AdministrativeBody, lang: Language) async throws -> Response {
        let html = document.render(appeal, body: body, lang: lang)
        var headers = HTTPHeaders()
        switch req.query[String.self, at: "format"] ?? "html" {
        case "html":
            headers.contentType = .html
            headers.replaceOrAdd(name: "Content-Security-Policy", value: SecurityHeadersMiddleware.documents)
            return Response(status: .ok, headers: headers, body: .init(string: html))
        case "pdf":
            let pdf = try await req.application.pdfRenderer.pdf(html: html)
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
