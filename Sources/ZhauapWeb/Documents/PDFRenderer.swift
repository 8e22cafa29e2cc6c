import Foundation
import ZhauapService

/// Prints an HTML document to PDF with a headless Chromium run as a separate process (one per document,
/// with its own profile directory and a time limit), at most `limit` at a time. The HTML is the same
/// print view the browser shows; fonts come from the system (DejaVu/Noto cover every Kazakh letter).
public struct PDFRenderer: Sendable {
    public enum Failure: Error, Sendable, Equatable {
        /// No Chromium is configured or found on this machine.
        case unavailable
        /// Chromium ran but gave no PDF (crashed, or took longer than the time limit).
        case failed(String)
    }

    /// The Chromium executable, or nil when PDF output is off.
    public let executable: String?
    public let timeout: Duration
    let gate: AsyncLock

    public init(executable: String?, timeout: Duration = .seconds(30), limit: Int = 2) {
        self.executable = executable
        self.timeout = timeout
        self.gate = AsyncLock(limit: limit)
    }

    /// The usual places of a Chromium on Linux, first found wins.
    public static func detect(fileManager: FileManager = .default) -> String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"]
            .first { fileManager.isExecutableFile(atPath: $0) }
    }

    public func pdf(html: String) async throws(Failure) -> Data {
        guard let executable else { throw .unavailable }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("zhauap-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("document.html"), output = work.appendingPathComponent("document.pdf")
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: input)
        } catch {
            throw .failed("could not write the document for printing")
        }
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                         "--disable-extensions", "--no-pdf-header-footer", "--user-data-dir=\(work.appendingPathComponent("profile").path)",
                         "--print-to-pdf=\(output.path)", input.absoluteString]
        let status: Int32
        do {
            status = try await gate.run { try await Self.run(executable, arguments, timeout: timeout) }
        } catch {
            throw .failed("chromium could not be started")
        }
        guard let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF-".utf8)) else {
            throw .failed("chromium exited with status \(status) and no PDF")
        }
        return data
    }

    /// Runs a process to its end, or stops it once `timeout` has passed; returns its exit status. Chromium
    /// starts helper processes, so the command runs under coreutils' `timeout`, which stops the whole
    /// process group; a last-resort timer stops `timeout` itself should it hang.
    static func run(_ executable: String, _ arguments: [String], timeout: Duration) async throws -> Int32 {
        let process = Process()
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["--kill-after=2", String(format: "%.3f", seconds), executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let (ended, report) = AsyncStream<Int32>.makeStream(bufferingPolicy: .unbounded)
        process.terminationHandler = { report.yield($0.terminationStatus); report.finish() }
        try process.run()
        let pid = process.processIdentifier
        let lastResort = Task {
            try await Task.sleep(for: timeout + .seconds(5))
            kill(pid, SIGKILL)
        }
        defer { lastResort.cancel() }
        for await status in ended { return status }
        return -1
    }
}
