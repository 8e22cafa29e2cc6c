import Foundation

/// Runs the built `zhauap` executable as a user would, with its own working directory and environment.
struct Run {
    var code: Int32
    var out: String
    var err: String
}

enum Zhauap {
    static var executable: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [here, here.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("zhauap") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static func run(_ arguments: [String], env: [String: String] = [:], stdin: String? = nil, in dir: URL) throws -> Run {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["LOG_LEVEL"] = nil
        environment.merge(env) { $1 }
        p.environment = environment
        let outPipe = Pipe(), inPipe = Pipe()
        // stderr goes to a file so that only one pipe needs draining while the child runs.
        let errURL = dir.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? FileManager.default.removeItem(at: errURL) }
        p.standardOutput = outPipe
        p.standardError = errHandle
        p.standardInput = inPipe
        try p.run()
        // Feed stdin from another thread: a child answering line by line fills stdout meanwhile.
        let input = Data((stdin ?? "").utf8), writer = inPipe.fileHandleForWriting
        DispatchQueue.global().async {
            writer.write(input)
            try? writer.close()
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try errHandle.close()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Run(code: p.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                   err: String(decoding: errData, as: UTF8.self))
    }
}
