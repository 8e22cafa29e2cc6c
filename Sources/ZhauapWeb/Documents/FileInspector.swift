import Foundation
import ZhauapService

/// Reads what a file is from its bytes, never from its name (R11): PDF, JPEG, PNG, DOCX and ODT are taken;
/// a PDF's pages are counted from the file itself (qpdf, or poppler's pdfinfo).
struct FileInspector: Sendable {
    enum Refusal: Error, Sendable, Equatable {
        /// The bytes are none of the accepted types.
        case unsupportedType
        /// A file that says it is a PDF but cannot be read as one.
        case unreadablePDF
    }

    /// qpdf or pdfinfo, first found; nil: page counts are not read (sheets as stated).
    let pageCounter: String?

    static func detectPageCounter(fileManager: FileManager = .default) -> String? {
        ["/usr/bin/qpdf", "/usr/local/bin/qpdf", "/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].first { fileManager.isExecutableFile(atPath: $0) }
    }

    static let accepted = ["application/pdf", "image/jpeg", "image/png",
                           "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.oasis.opendocument.text"]

    /// The media type the bytes show.
    static func mediaType(of data: Data) -> String? {
        let head = [UInt8](data.prefix(64))
        func starts(_ bytes: [UInt8]) -> Bool { head.count >= bytes.count && Array(head.prefix(bytes.count)) == bytes }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        guard starts([0x50, 0x4B, 0x03, 0x04]) else { return nil }
        // ODF: the first entry is `mimetype`, stored uncompressed, holding the type (ODF 1.2 part 3, 3.3).
        if head.count >= 38, Array(head[30..<38]) == Array("mimetype".utf8) {
            let type = String(decoding: data.dropFirst(38).prefix(39), as: UTF8.self)
            return type.hasPrefix("application/vnd.oasis.opendocument.text") ? "application/vnd.oasis.opendocument.text" : nil
        }
        // OOXML: a package with a main document part in `word/`.
        if data.range(of: Data("word/document.xml".utf8)) != nil, data.range(of: Data("[Content_Types].xml".utf8)) != nil {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
        return nil
    }

    /// The type and, for a PDF, the page count.
    func inspect(_ data: Data) async throws(Refusal) -> (mediaType: String, pages: Int?) {
        guard let type = Self.mediaType(of: data) else { throw .unsupportedType }
        switch type {
        case "application/pdf": return (type, try await pdfPages(data))
        case "image/jpeg", "image/png": return (type, 1)
        default: return (type, nil)
        }
    }

    func pdfPages(_ data: Data) async throws(Refusal) -> Int? {
        guard let tool = pageCounter else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zhauap-pages-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        do { try data.write(to: file) } catch { return nil }
        return try await Self.pages(ofFile: file.path, tool: tool)
    }

    /// Pages of a PDF on disk, by qpdf (`--show-npages`) or pdfinfo (`Pages:`).
    static func pages(ofFile path: String, tool: String) async throws(Refusal) -> Int {
        let qpdf = tool.hasSuffix("qpdf")
        let result: (status: Int32, output: String)
        do { result = try await ExternalTool.run(tool, qpdf ? ["--show-npages", path] : [path], timeout: .seconds(30)) } catch { throw .unreadablePDF }
        // qpdf exits 3 when it read the file with warnings (a repaired cross-reference table, say): the count stands.
        guard result.status == 0 || (qpdf && result.status == 3) else { throw .unreadablePDF }
        let n: Int?
        if qpdf {
            n = Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last.map(String.init) ?? "")
        } else {
            n = result.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        }
        guard let n, n > 0 else { throw .unreadablePDF }
        return n
    }
}

/// Runs a command-line tool to its end (or stops it after `timeout`) and returns its status and output.
enum ExternalTool {
    static func run(_ executable: String, _ arguments: [String], timeout: Duration) async throws -> (status: Int32, output: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("zhauap-tool-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        let process = Process()
        let seconds = Double(timeout.components.seconds)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["--kill-after=2", String(format: "%.0f", seconds), executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        let (ended, report) = AsyncStream<Int32>.makeStream(bufferingPolicy: .unbounded)
        process.terminationHandler = { report.yield($0.terminationStatus); report.finish() }
        try process.run()
        var status: Int32 = -1
        for await s in ended { status = s; break }
        try? handle.close()
        let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        return (status, text)
    }
}
