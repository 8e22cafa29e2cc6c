import FluentKit
import FluentSQL
import Foundation
import Crypto

/// Taking checkpoints into a directory and checking the database against them.
public enum CheckpointAudit {
    static func fileName(_ at: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        return "checkpoint-" + f.string(from: at).replacingOccurrences(of: ":", with: "") + ".json"
    }

    /// Signs where every trail and chain stands now and writes it to `directory` (created if needed).
    @discardableResult
    public static func write(_ db: any Database, key: Curve25519.Signing.PrivateKey, directory: String, now: Date) async throws
        -> (path: String, checkpoint: Checkpoint) {
        let store = FluentAppealStore(database: db)
        let (trails, registrations) = try await store.heads()
        let cp = Checkpoint(takenAt: now, publicKey: CheckpointKey.publicHex(key), trails: trails, registrations: registrations,
                            lastBackup: try await BackupMarks.latest(db))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var path = (directory as NSString).appendingPathComponent(fileName(now))
        // Two in one second (an instance each over one database): the later one is kept beside the first.
        var n = 1
        while FileManager.default.fileExists(atPath: path) {
            n += 1
            path = (directory as NSString).appendingPathComponent(fileName(now).replacingOccurrences(of: ".json", with: "-\(n).json"))
        }
        // Written whole under a temporary name and then renamed, so a reader never sees half a checkpoint.
        let temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: try cp.signed(with: key)) else { throw CheckpointError("cannot write \(path)") }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        return (path, cp)
    }

    /// The newest checkpoint file's time in `directory`, if any.
    public static func newest(in directory: String) -> Date? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let f = ISO8601DateFormatter()
        return names.compactMap { n -> Date? in
            guard n.hasPrefix("checkpoint-"), n.hasSuffix(".json") else { return nil }
            var s = String(n.dropFirst("checkpoint-".count).dropLast(".json".count))
            // 20261202T101500Z → 2026-12-02T10:15:00Z
            s = String(s.prefix(16))
            guard s.count == 16 else { return nil }
            let c = Array(s)
            s = "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8]))T\(String(c[9..<11])):\(String(c[11..<13])):\(String(c[13..<15]))Z"
            return f.date(from: s)
        }.max()
    }

    public struct Report: Sendable {
        public var checkpoints: Int
        public var publicKeys: Set<String>
        public var problems: [String]
        public var notes: [String]
    }

    /// Checks the database against every checkpoint in `directory`: each signature, then each appeal the
    /// checkpoint knew — still there, its trail at least as long, the entry it signed unchanged — and each
    /// chain of registrations. Names every appeal deleted, rolled back or changed since.
    public static func verify(_ db: any Database, directory: String, publicKey: String?) async throws -> Report {
        let fm = FileManager.default
        let store = FluentAppealStore(database: db)
        let names = ((try? fm.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("checkpoint-") && $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { throw CheckpointError("no checkpoint files (checkpoint-….json) in \(directory)") }
        var problems: [String] = [], notes: [String] = [], keys: Set<String> = []
        let (trails, registrations) = try await store.heads()
        let now = Dictionary(trails.map { ($0.appealID, $0) }, uniquingKeysWith: { a, _ in a })
        let chains = Dictionary(registrations.map { ("\($0.bodyID)/\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
        let restoredFrom = try await BackupMarks.latest(db)
        var seen = Set<String>()
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            let cp: Checkpoint
            do {
                cp = try Checkpoint.read(try Data(contentsOf: URL(fileURLWithPath: path)), publicKey: publicKey)
            } catch {
                problems.append("\(name): \(error)")
                continue
            }
            keys.insert(cp.publicKey)
            // Behind a checkpoint newer than the database's last backup mark: if the database was restored from
            // that backup, this is what came after it (to be entered again); otherwise it was removed.
            let context = restoredFrom.map { cp.takenAt > $0 ? "; if this database was restored from its backup of \($0.formatted(.iso8601)), this came after that backup" : "" } ?? ""
            for t in cp.trails {
                func report(_ text: String, behind: Bool = true) {
                    let line = "\(t.number): \(text) since the checkpoint of \(cp.takenAt.formatted(.iso8601))\(behind ? context : "")"
                    if seen.insert("\(t.appealID)|\(text)").inserted { problems.append(line) }
                }
                guard let current = now[t.appealID] else { report("deleted"); continue }
                if current.length < t.length {
                    report("rolled back from \(t.length) trail entries to \(current.length)")
                } else if try await store.entryHash(appealID: t.appealID, seq: t.length) != t.head {
                    report("trail entry \(t.length) changed", behind: false)
                }
            }
            for r in cp.registrations {
                let key = "\(r.bodyID)/\(r.year)"
                var line: String? = nil
                if let current = chains[key], current.sequence >= r.sequence {
                    if try await store.registrationHash(bodyID: r.bodyID, year: r.year, sequence: r.sequence) != r.head {
                        line = "registrations of \(r.year) (body \(r.bodyID)): the chain up to number \(r.sequence) changed"
                    }
                } else {
                    line = "registrations of \(r.year) (body \(r.bodyID)): \(r.sequence) registrations at the checkpoint, \(chains[key]?.sequence ?? 0) now" + context
                }
                if let line, seen.insert(line).inserted { problems.append(line + " (checkpoint of \(cp.takenAt.formatted(.iso8601)))") }
            }
        }
        if publicKey == nil {
            notes.append("signatures checked with the key the checkpoints name: \(keys.sorted().joined(separator: ", ")) — compare it with the public key you keep")
        }
        return Report(checkpoints: names.count, publicKeys: keys, problems: problems, notes: notes)
    }
}

/// Backup marks: each `zhauap backup` records its moment in the database just before the copy, so a
/// database restored from it knows where it came from.
public enum BackupMarks {
    public static func record(_ db: any Database, at: Date) async throws {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        try await sql.raw("INSERT INTO backup_marks (taken_ms) VALUES (\(bind: Int(at.timeIntervalSince1970 * 1000)))").run()
    }

    public static func latest(_ db: any Database) async throws -> Date? {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        return try await sql.raw("SELECT MAX(taken_ms) AS t FROM backup_marks").first()?.decode(column: "t", as: Int?.self)
            .map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }
}
