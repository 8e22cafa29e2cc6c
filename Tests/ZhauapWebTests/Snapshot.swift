import Foundation
import Testing

/// Whole-page snapshots: the HTML a page renders from a fixed model, compared with the file kept under
/// `__Snapshots__/`. A missing snapshot, or `ZHAUAP_RECORD_SNAPSHOTS=1`, writes the file and fails the
/// test (so a recording is looked at before it is trusted); a difference fails and writes the new HTML
/// next to the old as `NAME.actual.html` with the first differing line in the message.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func assertMatches(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name + ".html")
        let actual = directory.appendingPathComponent(name + ".actual.html")
        let record = ProcessInfo.processInfo.environment["ZHAUAP_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try html.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("snapshot \(name) recorded; check \(file.path) and run again", sourceLocation: sourceLocation)
            return
        }
        if expected == html {
            try? FileManager.default.removeItem(at: actual)
            return
        }
        try html.write(to: actual, atomically: true, encoding: .utf8)
        let (e, a) = (expected.components(separatedBy: "\n"), html.components(separatedBy: "\n"))
        let line = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        Issue.record("""
            snapshot \(name) differs at line \(line + 1):
              kept:   \(line < e.count ? e[line] : "<end>")
              now:    \(line < a.count ? a[line] : "<end>")
            the new page is in \(actual.path); if the change is meant, record again with ZHAUAP_RECORD_SNAPSHOTS=1
            """, sourceLocation: sourceLocation)
    }
}
