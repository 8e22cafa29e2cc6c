import Foundation
import Testing

/// A `zhauap serve` process on a port the system picks (`--port 0`), read back from its start-up log —
/// no port guessing, no collisions. Its stdout and stderr go to files kept for diagnosis.
struct Server {
    let process: Process
    let port: Int
    let stdout: URL
    let stderr: URL

    static func start(in dir: URL, env: [String: String] = [:]) async throws -> Server {
        let p = Process()
        p.executableURL = Zhauap.executable
        p.arguments = ["serve", "--hostname", "127.0.0.1", "--port", "0"]
        p.currentDirectoryURL = dir
        var e = ProcessInfo.processInfo.environment
        e["DATABASE_URL"] = nil
        e["PORT"] = nil
        e["LOG_LEVEL"] = "notice"
        e.merge(env) { $1 }
        p.environment = e
        let id = UUID().uuidString
        let out = dir.appendingPathComponent("serve-\(id).out"), err = dir.appendingPathComponent("serve-\(id).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        for _ in 0..<300 {
            try await Task.sleep(for: .milliseconds(100))
            let log = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            if let r = log.range(of: "Server started on http://127.0.0.1:") {
                let digits = log[r.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) { return Server(process: p, port: port, stdout: out, stderr: err) }
            }
            if !p.isRunning { break }
        }
        let log = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        if p.isRunning { p.terminate() }
        throw ServerDidNotStart(log: String(log.suffix(3000)))
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
        }
    }
}

struct ServerDidNotStart: Error, CustomStringConvertible {
    var log: String
    var description: String { "zhauap serve did not start; its log:\n\(log)" }
}
