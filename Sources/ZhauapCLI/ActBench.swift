import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain

/// `zhauap bench acts [--corpus FILE] [--misses]`: how right the justification check of acts is. On a
/// held-out corpus (default `Corpus/acts/heldout.jsonl`, never used to tune the check): per finding code the
/// hits, misses and false alarms; the sound acts that got any false error; precision and recall overall.
struct ActBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "corpus", help: "a JSONL corpus of acts (default Corpus/acts/heldout.jsonl)") var corpus: String?
        @Flag(name: "misses", help: "list the acts with a miss or a false alarm (ids and codes)") var misses: Bool
    }

    var help: String { "Precision and recall of the act justification check on a held-out corpus, per finding code" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let path = s.corpus ?? "Corpus/acts/heldout.jsonl"
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read the corpus \(path)") }
        let corpus: [ActCorpusEntry]
        do { corpus = try ActCorpusEntry.lines(data) } catch { throw CLIError("\(path): not a corpus of acts (\(error))") }
        guard !corpus.isEmpty else { throw CLIError("\(path) holds no acts") }
        let report = try ActCheckReport.evaluate(corpus, calendar: WorkingDayCalendar.kazakhstan())
        context.console.print(report.text(title: path, misses: s.misses))
    }
}

/// The measurement, separate from the command so tests can run it.
struct ActCheckReport {
    struct Line {
        var id: String
        var expected: Set<String>
        var found: Set<String>
        var errors: Set<String>
    }
    var lines: [Line]

    static func evaluate(_ corpus: [ActCorpusEntry], calendar: WorkingDayCalendar?) throws -> ActCheckReport {
        ActCheckReport(lines: try corpus.map { e in
            let findings = ActCheck.findings(try e.document.input(), calendar: calendar)
            return Line(id: e.id, expected: Set(e.expect), found: Set(findings.map(\.code)),
                        errors: Set(findings.filter { $0.severity == .error }.map(\.code)))
        })
    }

    var hits: Int { lines.map { $0.expected.intersection($0.found).count }.reduce(0, +) }
    var missed: Int { lines.map { $0.expected.subtracting($0.found).count }.reduce(0, +) }
    var falseAlarms: Int { lines.map { $0.found.subtracting($0.expected).count }.reduce(0, +) }
    var precision: Double { hits + falseAlarms == 0 ? 1 : Double(hits) / Double(hits + falseAlarms) }
    var recall: Double { hits + missed == 0 ? 1 : Double(hits) / Double(hits + missed) }
    var sound: [Line] { lines.filter(\.expected.isEmpty) }
    /// Sound acts the check would stop from being signed.
    var soundWithError: [Line] { sound.filter { !$0.errors.isEmpty } }

    func text(title: String, misses: Bool) -> String {
        let codes = Set(lines.flatMap { $0.expected.union($0.found) }).sorted()
        var out = "acts: \(lines.count) (\(sound.count) sound) — \(title)\n"
        out += "code".padding(toLength: 30, withPad: " ", startingAt: 0) + "   hit  miss  false\n"
        for c in codes {
            let h = lines.filter { $0.expected.contains(c) && $0.found.contains(c) }.count
            let m = lines.filter { $0.expected.contains(c) && !$0.found.contains(c) }.count
            let f = lines.filter { !$0.expected.contains(c) && $0.found.contains(c) }.count
            out += c.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: " %5d %5d %6d\n", h, m, f)
        }
        out += String(format: "precision %.3f, recall %.3f (%d hits, %d misses, %d false alarms)\n", precision, recall, hits, missed, falseAlarms)
        out += "sound acts with a false error: \(soundWithError.count) of \(sound.count)"
        out += soundWithError.isEmpty ? "\n" : " (" + soundWithError.map(\.id).joined(separator: ", ") + ")\n"
        out += "sound acts with any finding: \(sound.filter { !$0.found.isEmpty }.count) of \(sound.count)\n"
        if misses {
            for l in lines where l.expected != l.found {
                out += "  \(l.id): missed [\(l.expected.subtracting(l.found).sorted().joined(separator: ", "))] false [\(l.found.subtracting(l.expected).sorted().joined(separator: ", "))]\n"
            }
        }
        return out
    }
}
