import Fluent
import Foundation
import NIOFoundationEssentialsCompat
import Testing
import VaporTesting
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// R13: the case handed over — printed whole with its sheet numbers by a real Chromium and qpdf, read back with
/// pdftotext; the archive opened by Python's zipfile; the hashes checked against the files and the trail.
@Suite("Case export for the higher body or the court")
struct CaseExportTests {
    static let qpdf = CaseExporter.detectJoiner()
    static let available = PDFTests.required || (PDFTests.available && qpdf != nil)

    /// The archive's entries and their SHA-256, read by Python's zipfile (an independent reader).
    static func zipEntries(_ zip: Data) throws -> [String: (sha256: String, text: String?)] {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("case.zip")
        try zip.write(to: file)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", """
            import hashlib, json, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(json.dumps({n: [hashlib.sha256(z.read(n)).hexdigest(), z.read(n).decode() if n == 'manifest.json' else None] for n in z.namelist()}))
            """, file.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "Python could not read the archive")
        let raw = try JSONDecoder().decode([String: [String?]].self, from: data)
        return raw.mapValues { ($0[0] ?? "", $0[1] ?? nil) }
    }

    struct Manifest: Decodable {
        struct Doc: Decodable { var number: Int; var title: String; var sheets: Int?; var sheetFrom: Int?; var sheetTo: Int?; var sha256: String?; var file: String?; var withdrawn: Bool }
        var caseIndex: String; var trailHead: String; var totalSheets: Int; var documents: [Doc]
    }

    @Test("R13: upload → inventory → export: the PDF shows the sheet numbers in order and the inventory; the manifest's hashes match the files; the export is on the trail",
          .enabled(if: available, "no Chromium, pdftotext or qpdf here (CI requires them)"))
    func export() async throws {
        guard let chromium = PDFTests.chromium, Self.qpdf != nil else {
            Issue.record("Chromium and qpdf are required (ZHAUAP_REQUIRE_CHROMIUM=1)")
            return
        }
        try await withZhauapApp { app in
            app.pdfRenderer = PDFRenderer(executable: chromium)
            let w = try await World.make(app)
            let files = CaseFileAPITests()
            let id = try await files.assigned(app, w)
            #expect(try await files.upload(app, w, id, file: ("plan.pdf", "application/pdf", TestFiles.pdf(pages: 2))).0 == .created)
            #expect(try await files.upload(app, w, id, fields: [("title", "Қате")], file: ("wrong.pdf", "application/pdf", TestFiles.pdf(pages: 4, text: "Wrong"))).0 == .created)
            #expect(try await files.upload(app, w, id, fields: [("title", "Фото")], file: ("photo.png", "image/png", TestFiles.png)).0 == .created)
            let api = AppealsAPITests()
            _ = try await api.act(app, w, id, as: "executor", #"{"action":"withdraw_document","number":3,"reason":"Басқа іске тиесілі"}"#)
            _ = try await api.act(app, w, id, as: "registrar", #"{"action":"record_sending","document":"coupon","language":"ru","channel":"post"}"#)
            var status = HTTPStatus.internalServerError, body = Data()
            try await app.testing().test(.POST, "api/v1/appeals/\(id)/case/exports?lang=kk", headers: w.auth("executor")) { res async throws in
                (status, body) = (res.status, Data(buffer: res.body))
            }
            #expect(status == .created, "\(String(decoding: body, as: UTF8.self))")
            struct Export: Decodable { var number: Int; var sheets: Int; var documents: Int; var manifestSHA256: String; var trailHead: String
                struct F: Decodable { var sha256: String }; var pdf: F; var zip: F }
            let e = try JSONDecoder().decode(Export.self, from: body)
            #expect(e.documents == 4, "the card, the plan, the photo and the coupon; the withdrawn one is not printed")

            let (_, pdf) = try await api.get(app, "api/v1/appeals/\(id)/case/exports/1/pdf", headers: w.auth("executor"))
            #expect(HTMLFreezer.sha256(pdf) == e.pdf.sha256)
            let pages = try PDFTests.text(of: pdf).components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            #expect(pages.first?.contains("ІС № 01-1") == true, "the cover first")
            #expect(pages.count >= e.sheets + 3, "cover, inventory, the numbered sheets, certification")
            let inventoryPage = try #require(pages.firstIndex { $0.contains("Істің ішкі тізімдемесі") })
            #expect(pages[inventoryPage].contains("Басқа іске тиесілі") && pages[inventoryPage].contains("алынды"))
            // Each document page carries its sheet number in the upper right corner: 1, 2, 3 … in order.
            let firstSheet = inventoryPage + 1
            for n in 1...e.sheets {
                let text = pages[firstSheet + n - 1]
                let firstLine = text.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
                #expect(firstLine.split(separator: " ").last.map(String.init) == String(n), "sheet \(n): \(firstLine)")
            }
            #expect(pages[firstSheet + 1].contains("Evidence page") && pages[firstSheet + 2].contains("Evidence page"), "the plan's 2 pages are sheets 2–3")
            #expect(!pages.contains { $0.contains("Wrong") }, "the withdrawn document is not printed")
            #expect(pages.last?.contains("Куәландыру парағы") == true && pages.last?.contains("\(e.sheets) (\(e.sheets)) парақ") == true)

            let (_, zip) = try await api.get(app, "api/v1/appeals/\(id)/case/exports/1/zip", headers: w.auth("executor"))
            #expect(HTMLFreezer.sha256(zip) == e.zip.sha256)
            let entries = try Self.zipEntries(zip)
            let manifestText = try #require(entries["manifest.json"]?.text)
            #expect(HTMLFreezer.sha256(Data(manifestText.utf8)) == e.manifestSHA256)
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(manifestText.utf8))
            #expect(manifest.caseIndex == "01-1" && manifest.totalSheets == e.sheets && manifest.documents.count == 5)
            for d in manifest.documents {
                let entry = try #require(d.file.flatMap { entries[$0] }, "document \(d.number) has its original in the archive")
                #expect(entry.sha256 == d.sha256, "document \(d.number): the manifest's hash is the file's")
            }
            #expect(manifest.documents[2].withdrawn && manifest.documents[2].sheetFrom == nil)
            #expect(manifest.documents.map(\.sheetFrom) == [1, 2, nil, 4, 5])
            // The export is on the trail with its hashes, and the trail still verifies.
            let view = try await app.appealService.view(id, actor: w.executor)
            let entry = try #require(view.trail.last)
            #expect(entry.type == "case_exported" && entry.details["manifest_sha256"] == e.manifestSHA256 && entry.details["pdf_sha256"] == e.pdf.sha256)
            #expect(manifest.trailHead == view.trail[view.trail.count - 2].hash, "the manifest names the trail's head as handed over")
            let verified = try await ZhauapStorage.FluentAppealStore(database: app.db).verifyTrails()
            #expect(verified.problems.isEmpty, "\(verified.problems)")
        }
    }
}
