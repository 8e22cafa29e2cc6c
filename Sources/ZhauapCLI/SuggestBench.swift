import Foundation
import Vapor
import ZhauapDomain

/// `zhauap bench suggest [--corpus FILE] [--folds K]`: how right the reading of appeals is. On a held-out
/// corpus (default `Corpus/appeals/heldout.jsonl`, never used to fit anything) with the shipped model; or,
/// with `--folds`, by cross-validation on the bundled training corpus (the model retrained without each
/// fold). Prints the share of kinds right per kind, language and typing habit, the confusion matrix, and
/// the crime/threat flags: every report flagged, none proposed for termination as anonymous.
struct SuggestBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "corpus", help: "a JSONL corpus of appeals (default Corpus/appeals/heldout.jsonl)") var corpus: String?
        @Option(name: "folds", help: "cross-validate on the bundled training corpus in K folds instead") var folds: Int?
        @Flag(name: "misses", help: "list the appeals read wrongly (ids and kinds only)") var misses: Bool
        @Flag(name: "fit-crime", help: "with --folds: search the crime reading's thresholds by cross-validation and print the best") var fitCrime: Bool
        @Option(name: "model-weight", help: "how much the statistical model counts beside the phrases (for fitting on the training corpus)") var modelWeight: Double?
    }

    var help: String { "Accuracy of the kind and crime/threat suggestions on a held-out corpus, with a confusion matrix" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let report: SuggestionReport
        if let k = s.folds {
            guard (2...20).contains(k) else { throw CLIError("--folds must be 2–20") }
            let corpus = KindModel.bundledCorpus + KindModel.bundledCrimeCorpus
            if s.fitCrime {
                context.console.print(CrimeFit.search(corpus, folds: k))
                return
            }
            report = SuggestionReport.crossValidated(corpus, folds: k, modelWeight: s.modelWeight ?? KindSuggester.modelWeight)
        } else {
            let path = s.corpus ?? "Corpus/appeals/heldout.jsonl"
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read the corpus \(path)") }
            let corpus: [CorpusAppeal]
            do { corpus = try CorpusAppeal.lines(data) } catch { throw CLIError("\(path): not a corpus of appeals (\(error))") }
            guard !corpus.isEmpty else { throw CLIError("\(path) holds no appeals") }
            report = SuggestionReport.evaluate(corpus, model: .bundled)
        }
        context.console.print(report.text(misses: s.misses) + SuggestionReport.repeats(report.lines.map(\.appeal)))
    }
}

/// The measurement, separate from the command so tests can run it.
struct SuggestionReport {
    struct Line { var appeal: CorpusAppeal; var suggestion: KindSuggestion }
    var lines: [Line]
    var title: String

    static func evaluate(_ corpus: [CorpusAppeal], model: KindModel, crimeModel: CrimeModel = .bundled, title: String = "held-out corpus",
                         modelWeight: Double = KindSuggester.modelWeight) -> SuggestionReport {
        SuggestionReport(lines: corpus.map {
            Line(appeal: $0, suggestion: KindSuggester.suggest($0.text, areas: [], model: model, modelWeight: modelWeight, crimeModel: crimeModel))
        }, title: title)
    }

    static func crossValidated(_ corpus: [CorpusAppeal], folds k: Int, modelWeight: Double = KindSuggester.modelWeight) -> SuggestionReport {
        var lines: [Line] = []
        for fold in 0..<k {
            let test = corpus.enumerated().filter { $0.offset % k == fold }.map(\.element)
            let train = corpus.enumerated().filter { $0.offset % k != fold }.map(\.element)
            lines += evaluate(test, model: KindModel.train(train.filter(\.teachesKind).map { KindModel.Example(text: $0.text, kind: $0.kind) }),
                              crimeModel: CrimeModel.train(train.map { ($0.text, $0.crime) }), modelWeight: modelWeight).lines
        }
        return SuggestionReport(lines: lines, title: "training corpus, \(k)-fold cross-validation")
    }

    var right: Int { lines.filter { $0.appeal.teachesKind && $0.suggestion.kind == $0.appeal.kind }.count }

    func share(_ subset: [Line]) -> String {
        guard !subset.isEmpty else { return "—" }
        let r = subset.filter { $0.suggestion.kind == $0.appeal.kind }.count
        return String(format: "%5.1f %% (%d/%d)", 100 * Double(r) / Double(subset.count), r, subset.count)
    }

    func text(misses: Bool) -> String {
        // The kinds are measured on the appeals whose kind was reviewed; the crime reading on every appeal.
        let kinds = lines.filter(\.appeal.teachesKind)
        var out = "reading appeals — \(title): \(lines.count) appeals\n"
        out += "kind right: \(share(kinds))\(kinds.count < lines.count ? " (of the \(kinds.count) appeals whose kind was reviewed)" : "")\n"
        out += "\nper kind:\n"
        for k in AppealKind.allCases { out += "  \(k.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(share(kinds.filter { $0.appeal.kind == k }))\n" }
        out += "per language:\n"
        for l in Set(kinds.map(\.appeal.lang)).sorted() { out += "  \(l.padding(toLength: 12, withPad: " ", startingAt: 0)) \(share(kinds.filter { $0.appeal.lang == l }))\n" }
        out += "per typing habit:\n"
        for t in Set(kinds.map(\.appeal.typing)).sorted() {
            out += "  \(t.padding(toLength: 18, withPad: " ", startingAt: 0)) \(share(kinds.filter { $0.appeal.typing == t }))\n"
        }
        let unsure = kinds.filter { $0.suggestion.lowConfidence }
        let secondRight = unsure.filter { s in s.suggestion.alternatives?.contains { $0.kind == s.appeal.kind } == true }.count
        out += "unsure (confidence < \(KindSuggester.confidentAbove)): \(unsure.count), the right kind among the two shown: \(secondRight)\n"
        out += "confident and wrong: \(kinds.filter { !$0.suggestion.lowConfidence && $0.suggestion.kind != $0.appeal.kind }.count)\n"
        out += "\nconfusion (rows: the kind a person gave; columns: suggested)\n"
        let short = AppealKind.allCases.map { String($0.rawValue.prefix(5)) }
        out += "              " + short.map { $0.padding(toLength: 6, withPad: " ", startingAt: 0) }.joined() + "\n"
        for k in AppealKind.allCases {
            let row = AppealKind.allCases.map { c in String(kinds.filter { $0.appeal.kind == k && $0.suggestion.kind == c }.count) }
            out += "  " + k.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) + row.map { $0.padding(toLength: 6, withPad: " ", startingAt: 0) }.joined() + "\n"
        }
        let crimes = lines.filter(\.appeal.crime)
        let flagged = crimes.filter { $0.suggestion.crime != nil }
        let falseFlags = lines.filter { !$0.appeal.crime && $0.suggestion.crime != nil }
        out += "\ncrime or threat reports: \(crimes.count), flagged: \(flagged.count); anonymous among them: \(crimes.filter(\.appeal.anonymous).count), flagged: \(flagged.filter(\.appeal.anonymous).count)\n"
        out += "flagged without one: \(falseFlags.count) of \(lines.count - crimes.count)\n"
        // APPC 88: termination for anonymity is proposed only for an anonymous appeal neither flagged nor a possible crime.
        let possible = lines.filter { $0.suggestion.possibleCrime != nil }
        out += "possible crime (not flagged, never proposed for termination): \(possible.count); crime reports among them: \(possible.filter(\.appeal.crime).count)\n"
        let proposedTermination = crimes.filter { $0.appeal.anonymous && $0.suggestion.crime == nil && $0.suggestion.possibleCrime == nil }.count
        out += "crime reports proposed for termination as anonymous: \(proposedTermination)\n"
        let missedAll = crimes.filter { $0.suggestion.crime == nil && $0.suggestion.possibleCrime == nil }.count
        out += "crime reports neither flagged nor possible: \(missedAll)\n"
        let empty = lines.filter(\.appeal.noEssence)
        out += "no essence: \(empty.count), noticed: \(empty.filter { $0.suggestion.noEssence == true }.count); noticed wrongly: \(lines.filter { !$0.appeal.noEssence && $0.suggestion.noEssence == true }.count)\n"
        if misses {
            out += "\nmisses:\n"
            for l in lines where l.suggestion.kind != l.appeal.kind || l.appeal.crime != (l.suggestion.crime != nil) {
                out += "  \(l.appeal.id) \(l.appeal.kind.rawValue) → \(l.suggestion.kind?.rawValue ?? "-") \(l.suggestion.confidence ?? 0)"
                out += l.appeal.crime != (l.suggestion.crime != nil) ? " crime \(l.appeal.crime) → \(l.suggestion.crime?.categories ?? [])" : ""
                out += l.appeal.crime && l.suggestion.crime == nil && l.suggestion.possibleCrime != nil ? " (possible)" : ""
                out += "\n"
            }
        }
        return out
    }
}

/// `zhauap suggest [--file F]` (text on standard input otherwise): what the product reads in one text —
/// the kind with its confidence and words, the two likeliest when unsure, a crime or threat and its
/// words, a missing essence. For maintainers extending `reading-cues.json`: it prints only the words that led
/// there, on the maintainer's own console, never to a log, and nothing of the applicant (no name, no IIN).
struct SuggestCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "file", help: "a file holding the appeal's text (default: standard input)") var file: String?
    }

    var help: String { "Show what the product reads in an appeal's text (kind, confidence, crime/threat, essence)" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let data: Data
        if let f = s.file {
            guard let d = FileManager.default.contents(atPath: f) else { throw CLIError("cannot read \(f)") }
            data = d
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("the text is not UTF-8") }
        let r = KindSuggester.suggest(text, areas: [])
        var out = "kind: \(r.kind?.rawValue ?? "-") (confidence \(r.confidence ?? 0)\(r.lowConfidence ? ", unsure" : ""))\n"
        out += "because of: \(r.kindMarkers.joined(separator: " · "))\n"
        out += "likeliest: \((r.alternatives ?? []).map { "\($0.kind.rawValue) \($0.probability)" }.joined(separator: ", "))\n"
        if let c = r.crime { out += "crime or threat (APPC 88): \(c.categories.joined(separator: ", ")) — \(c.words.joined(separator: " · ")) (score \(c.score))\n" }
        if let c = r.possibleCrime { out += "possibly a crime or threat, not flagged, never proposed for termination: \(c.categories.joined(separator: ", ")) — \(c.words.joined(separator: " · ")) (score \(c.score), model \(c.model ?? 0))\n" }
        if r.noEssence == true { out += "states no essence (APPC 88)\n" }
        context.console.print(out)
    }
}

extension SuggestionReport {
    /// Repeated appeals in the corpus: each appeal with a signed name compared with the earlier ones of the
    /// same name, as registration does.
    static func repeats(_ unordered: [CorpusAppeal]) -> String {
        let corpus = unordered.sorted { $0.id < $1.id }
        var found = 0, missed = 0, wrong = 0, argumentsRight = 0, proposedWithNew = 0
        let ids = Dictionary(corpus.map { ($0.id, UUID()) }, uniquingKeysWith: { a, _ in a })
        for (i, a) in corpus.enumerated() {
            guard let name = a.applicant else { continue }
            let earlier = corpus[..<i].filter { $0.applicant == name }.map { RepeatCheck.Earlier(id: ids[$0.id]!, number: $0.id, essence: $0.text) }
            let r = RepeatCheck.find(a.text, among: earlier)
            switch (a.repeatOf, r) {
            case (let x?, let r?) where r.number == x:
                found += 1
                if r.newArguments == (a.newArguments ?? false) { argumentsRight += 1 }
                if !r.newArguments && a.newArguments == true { proposedWithNew += 1 }
            case (_?, _): missed += 1
            case (nil, _?): wrong += 1
            case (nil, nil): break
            }
        }
        let total = corpus.filter { $0.repeatOf != nil }.count
        return "repeated appeals: \(total), found: \(found) (new arguments judged right: \(argumentsRight); proposed for termination despite new ones: \(proposedWithNew)), missed: \(missed), seen where there is none: \(wrong)\n"
    }
}
