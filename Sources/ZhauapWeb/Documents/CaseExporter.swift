import Crypto
import Foundation
import WorkingCalendar
import ZIPFoundation
import ZhauapDocuments
import ZhauapDomain
import ZhauapService

/// R13: the case as handed to the higher body or the court — (a) one PDF: the cover, the internal inventory,
/// every document in order with its sheet number stamped in the upper right corner, the certification sheet;
/// (b) a ZIP of the original files with a manifest (each document's number, title, sheets and SHA-256, and the
/// trail's head hash). Documents are written to a work directory one at a time and joined by qpdf, so a large
/// case is never held in memory whole; Chromium prints what is HTML or an image.
struct CaseExporter: Sendable {
    enum Failure: Error, Sendable, Equatable {
        /// qpdf is not installed: the pages cannot be joined and numbered.
        case joinerUnavailable
        case failed(String)
    }

    let renderer: PDFRenderer
    /// qpdf.
    let joiner: String?

    static func detectJoiner(fileManager: FileManager = .default) -> String? {
        ["/usr/bin/qpdf", "/usr/local/bin/qpdf"].first { fileManager.isExecutableFile(atPath: $0) }
    }

    struct Result: Sendable {
        var pdf: AttachedFile
        var zip: AttachedFile
        var manifestSHA256: String
        var documents: Int
        var sheets: Int
    }

    struct Manifest: Encodable {
        struct Document: Encodable {
            var number: Int
            var title: String
            var kind: String
            var date: String
            var direction: String
            var language: String?
            var sheets: Int?
            var sheetFrom: Int?
            var sheetTo: Int?
            var sha256: String?
            var mediaType: String?
            var file: String?
            var withdrawn: Bool
            var withdrawalReason: String?
        }
        var appealNumber: String
        var caseIndex: String
        var title: String
        var openedOn: String
        var closedOn: String?
        var body: String
        var language: String
        var exportedOn: String
        var trailHead: String
        var trailLength: Int
        var totalSheets: Int
        var documents: [Document]
    }

    /// Builds the export of `appeal` in `lang`; `content` reads a file's bytes by its SHA-256 (one at a time).
    func export(_ appeal: Appeal, body: AdministrativeBody, lang: Language, trailHead: String, trailLength: Int, today: CivilDate,
                content: @Sendable (String) async throws -> Data?) async throws -> Result {
        // No PDF output here (406) is said before a missing qpdf (503): the first is a choice of the server's, the second a fault.
        guard renderer.executable != nil else { throw PDFRenderer.Failure.unavailable }
        guard let qpdf = joiner else { throw Failure.joinerUnavailable }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("zhauap-export-\(UUID().uuidString)")
        let originals = work.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: originals, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        // Each document's printed form and its printed pages, in order; withdrawn ones are listed, not printed.
        var printed: [Int: Int] = [:]
        var parts: [URL] = []
        var entries: [(path: String, url: URL)] = []
        var entryOf: [Int: String] = [:], shaOf: [Int: String] = [:]
        for d in appeal.documents {
            let title = CaseDocuments.title(of: d, in: appeal, lang: lang)
            var original: Data?
            if let file = d.file {
                guard let data = try await content(file.sha256) else { throw Failure.failed("the file of document \(d.number) is missing") }
                original = data
                let name = String(format: "%03d-", d.number) + Self.safeName(file.name)
                let url = originals.appendingPathComponent(name)
                try data.write(to: url)
                entries.append(("files/" + name, url))
                (entryOf[d.number], shaOf[d.number]) = ("files/" + name, file.sha256)
            } else if d.kind == .registrationCard {
                let html = CaseDocuments.registrationCard(appeal, body: body, lang: lang)
                let name = String(format: "%03d-", d.number) + "registration-card-\(lang.rawValue).html"
                let url = originals.appendingPathComponent(name)
                try Data(html.utf8).write(to: url)
                entries.append(("files/" + name, url))
                original = Data(html.utf8)
                (entryOf[d.number], shaOf[d.number]) = ("files/" + name, HTMLFreezer.sha256(Data(html.utf8)))
            }
            guard !d.isWithdrawn else { continue }
            let pdf = work.appendingPathComponent(String(format: "doc-%03d.pdf", d.number))
            try await printForm(of: d, title: title, original: original, appeal: appeal, body: body, lang: lang).write(to: pdf)
            original = nil
            // A PDF whose pages were counted on upload keeps that count; anything printed here is counted now.
            printed[d.number] = d.sheetsCounted == true ? d.sheets : try await Self.pages(pdf, qpdf: qpdf)
            parts.append(pdf)
        }
        let inventory = Inventory(appeal) { printed[$0.number] ?? $0.sheets }
        let total = inventory.totalSheets
        let cover = try await page(CaseDocuments.cover(appeal, sheets: total, body: body, lang: lang), "cover", in: work)
        let list = try await page(CaseDocuments.inventory(appeal, inventory, body: body, lang: lang), "inventory", in: work)
        let certificate = try await page(CaseDocuments.certification(appeal, inventory, body: body, lang: lang, on: today), "certification", in: work)
        let front = try await Self.pages(cover, qpdf: qpdf) + (try await Self.pages(list, qpdf: qpdf))

        // Join, then lay the sheet numbers over the documents' pages (not the cover, the inventory or the certificate).
        let joined = work.appendingPathComponent("joined.pdf"), out = work.appendingPathComponent("case.pdf")
        try await Self.qpdf(qpdf, ["--empty", "--pages", cover.path, list.path] + parts.map(\.path) + [certificate.path, "--", joined.path])
        if total > 0 {
            let stamps = try await page(CaseDocuments.sheetNumbers(1...total), "stamps", in: work)
            try await Self.qpdf(qpdf, [joined.path, "--overlay", stamps.path, "--to=\(front + 1)-\(front + total)", "--from=1-\(total)", "--",
                                       out.path])
        } else {
            try FileManager.default.moveItem(at: joined, to: out)
        }
        for p in parts { try? FileManager.default.removeItem(at: p) }

        // The manifest, then the archive of the originals with it.
        let documents = inventory.lines.map { l -> Manifest.Document in
            let d = l.document
            return Manifest.Document(number: d.number, title: CaseDocuments.title(of: d, in: appeal, lang: lang), kind: d.kind.rawValue,
                                     date: d.date.description, direction: d.direction.rawValue, language: d.language?.rawValue,
                                     sheets: l.sheets.map { $0.count }, sheetFrom: l.sheets?.lowerBound, sheetTo: l.sheets?.upperBound,
                                     sha256: shaOf[d.number], mediaType: d.file?.mediaType ?? (d.kind == .registrationCard ? "text/html" : nil),
                                     file: entryOf[d.number],
                                     withdrawn: d.isWithdrawn, withdrawalReason: d.withdrawal?.reason)
        }
        let manifest = Manifest(appealNumber: appeal.registration.number, caseIndex: appeal.caseFile.index, title: appeal.caseFile.title(lang),
                                openedOn: appeal.caseFile.openedOn.description, closedOn: appeal.caseFile.closedOn?.description,
                                body: lang == .ru ? body.nameRu : body.nameKk, language: lang.rawValue, exportedOn: today.description,
                                trailHead: trailHead, trailLength: trailLength, totalSheets: total, documents: documents)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let manifestData = try encoder.encode(manifest)
        let manifestURL = work.appendingPathComponent("manifest.json")
        try manifestData.write(to: manifestURL)
        let zipURL = work.appendingPathComponent("case.zip")
        do {
            let archive = try Archive(url: zipURL, accessMode: .create)
            try archive.addEntry(with: "manifest.json", fileURL: manifestURL, compressionMethod: .deflate)
            for e in entries { try archive.addEntry(with: e.path, fileURL: e.url, compressionMethod: .deflate) }
        } catch {
            throw Failure.failed("the archive could not be written")
        }

        let base = "\(appeal.registration.number)-case-\(lang.rawValue)"
        let pdfData = try Data(contentsOf: out), zipData = try Data(contentsOf: zipURL)
        return Result(pdf: AttachedFile(content: pdfData, mediaType: "application/pdf", name: base + ".pdf", pages: front + total + 1),
                      zip: AttachedFile(content: zipData, mediaType: "application/zip", name: base + ".zip", pages: nil),
                      manifestSHA256: HTMLFreezer.sha256(manifestData), documents: inventory.activeDocuments, sheets: total)
    }

    /// A document as printed sheets: a PDF as it is; HTML (generated letters), images and the registration
    /// card printed by Chromium; a text document, which has no printed form here, as a sheet naming its file.
    private func printForm(of d: CaseDocument, title: String, original: Data?, appeal: Appeal, body: AdministrativeBody,
                           lang: Language) async throws -> Data {
        let type = d.file?.mediaType ?? "text/html"
        switch type {
        case "application/pdf":
            return original ?? Data()
        case "text/html":
            return try await renderer.pdf(html: String(decoding: original ?? Data(), as: UTF8.self))
        case "image/jpeg", "image/png":
            let url = "data:\(type);base64," + (original ?? Data()).base64EncodedString()
            return try await renderer.pdf(html: CaseDocuments.image(dataURL: url, title: title, lang: lang))
        default:
            return try await renderer.pdf(html: CaseDocuments.substitute(d, title: title, lang: lang))
        }
    }

    private func page(_ html: String, _ name: String, in work: URL) async throws -> URL {
        let url = work.appendingPathComponent(name + ".pdf")
        try await renderer.pdf(html: html).write(to: url)
        return url
    }

    static func pages(_ url: URL, qpdf: String) async throws -> Int {
        do { return try await FileInspector.pages(ofFile: url.path, tool: qpdf) } catch { throw Failure.failed("a page could not be read") }
    }

    static func qpdf(_ qpdf: String, _ arguments: [String]) async throws {
        let r = try await ExternalTool.run(qpdf, ["--warning-exit-0"] + arguments, timeout: .seconds(600))
        guard r.status == 0 else { throw Failure.failed("qpdf exited with status \(r.status)") }
    }

    /// A file name safe inside the archive: no directories, no control characters, at most 120 characters.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "file"
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        let trimmed = clean.isEmpty || clean == "." || clean == ".." ? "file" : clean
        return String(trimmed.suffix(120))
    }
}
