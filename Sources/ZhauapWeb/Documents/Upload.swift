import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// A file sent to the case (`multipart/form-data`, part `file`) with the document's fields, read for the API and
/// the pages alike: the size limit first, then the parts, then the type by content. Every refusal names the
/// rule and stores nothing.
struct Upload: Sendable {
    var file: AttachedFile
    var fields: [String: String]

    /// The form's text fields (everything but the file).
    struct Parts: Decodable {
        var file: File?
        var title: String?
        var kind: String?
        var direction: String?
        var date: String?
        var party: String?
        var language: String?
        var sheets: String?
        var _csrf: String?
        var _once: String?
    }

    static func read(_ req: Request) async throws -> Upload {
        let limits = req.application.caseLimits
        guard let type = req.headers.contentType, type.type == "multipart", type.subType == "form-data",
              let boundary = type.parameters["boundary"], !boundary.isEmpty else {
            throw APIError(.unsupportedMediaType, code: "multipart_required",
                           detail: "send the file as multipart/form-data with a part named \"file\"", field: "file")
        }
        let allowance = limits.fileBytes + 256 * 1024
        if let length = req.headers.first(name: .contentLength).flatMap(Int.init), length > allowance { throw tooLarge(limits) }
        let buffer: ByteBuffer?
        do { buffer = try await req.body.collect(max: allowance).get() } catch let e as any AbortError where e.status == .payloadTooLarge {
            throw tooLarge(limits)
        }
        guard let buffer, buffer.readableBytes > 0 else { throw APIError(.badRequest, code: "missing_body", detail: "the form is empty", field: "file") }
        // A body cut short (a dropped connection, a client that gave up) lacks the closing delimiter: refused
        // whole, never stored as a shorter file.
        let tail = String(decoding: buffer.getBytes(at: buffer.readerIndex + max(0, buffer.readableBytes - boundary.utf8.count - 16),
                                                    length: min(buffer.readableBytes, boundary.utf8.count + 16)) ?? [], as: UTF8.self)
        guard tail.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("--\(boundary)--") else {
            throw APIError(.badRequest, code: "malformed_multipart", detail: "the multipart body ends before its closing boundary (cut short)", field: "file")
        }
        let parts: Parts
        do { parts = try FormDataDecoder().decode(Parts.self, from: buffer, boundary: boundary) } catch {
            throw APIError(.badRequest, code: "malformed_multipart", detail: "the multipart body could not be read (cut short, or a broken part)", field: "file")
        }
        guard let file = parts.file, file.data.readableBytes > 0 else {
            throw APIError(.unprocessableEntity, code: "file_required", detail: "the part \"file\" with the document is missing or empty", field: "file")
        }
        guard file.data.readableBytes <= limits.fileBytes else { throw tooLarge(limits) }
        let data = Data(file.data.readableBytesView)
        let inspected: (mediaType: String, pages: Int?)
        do { inspected = try await FileInspector(pageCounter: FileInspector.detectPageCounter()).inspect(data) } catch {
            switch error {
            case .unsupportedType:
                throw APIError(.unsupportedMediaType, code: "unsupported_file_type",
                               detail: "the file is none of PDF, JPEG, PNG, DOCX, ODT (its content decides, not its name)", field: "file")
            case .unreadablePDF:
                throw APIError(.unprocessableEntity, code: "unreadable_pdf", detail: "the file starts as a PDF but cannot be read as one", field: "file")
            }
        }
        var fields: [String: String] = [:]
        for (k, v) in [("title", parts.title), ("kind", parts.kind), ("direction", parts.direction), ("date", parts.date), ("party", parts.party),
                       ("language", parts.language), ("sheets", parts.sheets), ("_csrf", parts._csrf), ("_once", parts._once)] {
            if let v, !v.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { fields[k] = v }
        }
        if let bad = fields.first(where: { ControlCharacterGuard.forbidden($0.value) }) { throw ControlCharacterGuard.refuse(bad.key) }
        return Upload(file: AttachedFile(content: data, mediaType: inspected.mediaType, name: CaseExporter.safeName(file.filename),
                                         pages: inspected.pages), fields: fields)
    }

    static func tooLarge(_ limits: CaseFileLimits) -> APIError {
        APIError(.payloadTooLarge, code: "file_too_large", detail: "a file may be at most \(limits.fileMB) MB (MAX_FILE_MB)", field: "file")
    }

    /// The case may hold at most `MAX_CASE_MB` of files.
    static func checkCaseRoom(_ appeal: Appeal, adding size: Int, limits: CaseFileLimits) throws {
        let held = appeal.documents.compactMap(\.file?.size).reduce(0, +)
        guard held + size <= limits.caseBytes else {
            throw APIError(.payloadTooLarge, code: "case_too_large",
                           detail: "the case's files may hold at most \(limits.caseMB) MB together (MAX_CASE_MB); it holds \(held / 1_048_576) MB", field: "file")
        }
    }

    // MARK: Fields

    func date(_ name: String = "date") throws -> CivilDate? {
        guard let text = fields[name] else { return nil }
        guard let d = CivilDate(text) else { throw APIError.invalid(name, code: "invalid_date", "\(name) must be a date YYYY-MM-DD") }
        return d
    }

    func language() throws -> Language? {
        guard let text = fields["language"] else { return nil }
        guard let l = Language(rawValue: text), l != .en else { throw APIError.invalid("language", code: "invalid_language", "language must be kk or ru") }
        return l
    }

    func sheets() throws -> Int? {
        guard let text = fields["sheets"] else { return nil }
        guard let n = Int(text), (1...10_000).contains(n) else { throw APIError.invalid("sheets", code: "invalid_sheets", "sheets must be from 1 to 10000") }
        return n
    }

    func value<E: RawRepresentable<String> & CaseIterable>(_ name: String, _: E.Type, default d: E) throws -> E {
        guard let text = fields[name] else { return d }
        guard let v = E(rawValue: text) else {
            throw APIError.invalid(name, code: "invalid_value", "\(name) must be one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    /// The step an upload to the case's documents takes.
    func addDocument() throws -> AddDocument {
        AddDocument(title: fields["title"] ?? "", kind: try value("kind", CaseDocumentKind.self, default: .applicantFile),
                    direction: try value("direction", DocumentDirection.self, default: .incoming), date: try date(), party: fields["party"],
                    language: try language(), sheets: try sheets())
    }
}
