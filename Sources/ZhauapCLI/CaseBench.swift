import Fluent
import Foundation
import Vapor
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapWeb

/// `zhauap bench case [--documents 200] [--sheets 1000]`: the time to export a case of that many documents and
/// sheets (R13) and the server's memory while doing it, against the raw work of the same run — the same files
/// written to disk and joined and numbered by qpdf, and the same four sheets printed by Chromium.
struct CaseBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "documents", help: "documents in the case, the appeal itself included (default 200)") var documents: Int?
        @Option(name: "sheets", help: "sheets of those documents together (default 1000)") var sheets: Int?
        @Option(name: "database-url", help: "scratch database (default: a new SQLite file in the temp directory)") var databaseURL: String?
    }

    var help: String { "Time exporting a case (PDF + ZIP) of many documents against qpdf and Chromium doing the raw work" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let documents = s.documents ?? 200, sheets = s.sheets ?? 1000
        guard documents >= 2, sheets >= documents else { throw CLIError("--documents must be at least 2 and --sheets at least --documents") }
        guard let chromium = PDFRenderer.detect() else { throw CLIError("the case benchmark needs Chromium (apt-get install chromium)") }
        guard let qpdf = ["/usr/bin/qpdf", "/usr/local/bin/qpdf"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CLIError("the case benchmark needs qpdf (apt-get install qpdf)")
        }
        let (location, path) = try BenchDatabase.location(s.databaseURL)
        defer { BenchDatabase.remove(path) }
        let app = try await Application.make(.testing)
        do {
            try configure(app, config: AppConfig(database: location, host: "127.0.0.1", port: 0, logLevel: "warning", chromium: chromium))
            try await prepareDatabase(app)
            context.console.print(try await Self.measure(app, documents: documents, sheets: sheets, qpdf: qpdf))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func measure(_ app: Application, documents: Int, sheets: Int, qpdf: String) async throws -> String {
        let organisation = FluentOrganisationStore(database: app.db)
        let body = AdministrativeBody(code: "BEN", nameKk: "Бенчмарк әкімдігі", nameRu: "Акимат бенчмарка")
        try await organisation.add(body)
        let id = try await organisation.addUser(bodyID: body.id, login: "bench-head", passwordHash: "-", name: "Бенчмарк", position: "басшы",
                                                roles: [.head, .registrar])
        let head = Actor(userID: id, bodyID: body.id, name: "Бенчмарк", position: "басшы", roles: [.head, .registrar])
        let service = app.appealService
        let appeal = try await service.register(Procedure.Draft(channel: .paper, receivedAt: service.now(), applicant: Applicant(surname: "Бенчмарк"),
                                                                essence: "Жер учаскесі", signaturePresent: true), actor: head, idempotencyKey: nil).appeal
        // The uploads: documents − 1 PDFs sharing sheets − 1 pages (the appeal itself is one sheet), each different.
        let files = documents - 1, pages = sheets - 1
        var paths: [String] = []
        let raw = FileManager.default.temporaryDirectory.appendingPathComponent("zhauap-bench-raw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: raw, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: raw) }
        let seeding = ContinuousClock.now
        for i in 0..<files {
            let n = pages / files + (i < pages % files ? 1 : 0)
            let pdf = SamplePDF.make(pages: n, text: "Case document text line for the benchmark, document \(String(repeating: "x", count: i % 7))",
                                     lines: 40)
            let step = AddDocument(title: "Құжат \(i + 2)", kind: .evidence, direction: .incoming, sheets: nil)
            _ = try await service.perform(AppealCommand(step), on: appeal.id, actor: head,
                                          attachment: AttachedFile(content: pdf, mediaType: "application/pdf", name: "doc-\(i + 2).pdf", pages: n))
            let file = raw.appendingPathComponent(String(format: "doc-%03d.pdf", i + 2))
            try pdf.write(to: file)
            paths.append(file.path)
        }
        let seeded = ContinuousClock.now - seeding

        // The export, with the peak resident memory reset just before it (Linux: /proc/self/clear_refs).
        let before = Memory.residentKB()
        Memory.resetPeak()
        let exportStart = ContinuousClock.now
        let export = try await CaseExport.make(app, appealID: appeal.id, actor: head, lang: .kk)
        let exportTime = ContinuousClock.now - exportStart
        let peak = Memory.peakKB()

        // The raw work: Chromium prints the card, the cover, the inventory, the certification sheet and the
        // sheet numbers; qpdf joins the same files and lays the numbers over them.
        let rawStart = ContinuousClock.now
        var parts: [String] = []
        for (i, html) in ["<p>card</p>", "<p>cover</p>", "<p>inventory</p>", "<p>certification</p>"].enumerated() {
            let url = raw.appendingPathComponent("sheet-\(i).pdf")
            try await app.pdfRenderer.pdf(html: "<!doctype html><html><body>\(html)</body></html>").write(to: url)
            parts.append(url.path)
        }
        let stamps = raw.appendingPathComponent("stamps.pdf")
        try await app.pdfRenderer.pdf(html: CaseDocuments.sheetNumbers(1...sheets)).write(to: stamps)
        let joined = raw.appendingPathComponent("joined.pdf"), out = raw.appendingPathComponent("out.pdf")
        try run(qpdf, ["--warning-exit-0", "--empty", "--pages", parts[1], parts[2], parts[0]] + paths + [parts[3], "--", joined.path])
        try run(qpdf, ["--warning-exit-0", joined.path, "--overlay", stamps.path, "--to=3-\(sheets + 2)", "--from=1-\(sheets)", "--", out.path])
        let rawTime = ContinuousClock.now - rawStart
        let ratio = seconds(exportTime) / max(seconds(rawTime), 0.001)
        return """
            case export: \(documents) documents, \(sheets) sheets (seeded through the service in \(format(seeded)))
              export (PDF + ZIP, stored, on the trail): \(format(exportTime)); \(export.sheets) sheets numbered, PDF \(export.pdf.size / 1024) KB, ZIP \(export.zip.size / 1024) KB
              raw work (Chromium 5 prints, qpdf join + overlay): \(format(rawTime))
              ratio export / raw: \(String(format: "%.2f", ratio))
              resident memory: \(before / 1024) MB before, peak \(peak / 1024) MB during the export
            """
    }

    static func run(_ executable: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CLIError("\(executable) exited with \(p.terminationStatus)") }
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
    static func format(_ d: Duration) -> String { String(format: "%.2f s", seconds(d)) }
}

/// The process's resident memory from /proc (Linux), in kilobytes; 0 elsewhere.
enum Memory {
    static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let line = text.split(separator: "\n").first { $0.hasPrefix(name + ":") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "") } ?? 0
    }
    static func residentKB() -> Int { field("VmRSS") }
    static func peakKB() -> Int { field("VmHWM") }
    /// Starts the peak anew from the current resident size.
    static func resetPeak() { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) }
}
