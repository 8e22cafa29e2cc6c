import Foundation
import ZhauapText

/// A small statistical model of the kinds: naive Bayes over the stems of a text and its pairs of
/// neighbouring stems, each counted once per appeal, trained on a corpus of appeals written for it
/// (`reading-corpus.jsonl`). It explains itself: the words that weighed most for the kind it chose.
public struct KindModel: Sendable {
    /// Per kind: log P(feature | kind) for the features seen, and the log of the unseen feature's share.
    var logLikelihood: [AppealKind: [String: Double]]
    var unseen: [AppealKind: Double]
    var vocabulary: Set<String>

    public struct Example: Sendable, Decodable {
        public var text: String
        public var kind: AppealKind
        public init(text: String, kind: AppealKind) { (self.text, self.kind) = (text, kind) }
    }

    /// The features of a text: its stems and its pairs of neighbouring stems, once each.
    public static func features(_ tokens: [Token]) -> Set<String> {
        var out = Set<String>()
        for t in tokens where t.folded.count > 1 && !t.folded.allSatisfy(\.isNumber) {
            for s in t.stems { out.insert(s) }
        }
        let words = tokens.filter { $0.folded.count > 1 && !$0.folded.allSatisfy(\.isNumber) }
        for (a, b) in zip(words, words.dropFirst()) { out.insert(a.stem + "_" + b.stem) }
        return out
    }

    public static func train(_ examples: [Example], smoothing alpha: Double = 0.5) -> KindModel {
        var counts: [AppealKind: [String: Int]] = [:]
        var docs: [AppealKind: Int] = [:]
        var vocabulary = Set<String>()
        for e in examples {
            let f = features(Tokens.of(Clean.text(e.text)))
            vocabulary.formUnion(f)
            docs[e.kind, default: 0] += 1
            for x in f { counts[e.kind, default: [:]][x, default: 0] += 1 }
        }
        var ll: [AppealKind: [String: Double]] = [:]
        var unseen: [AppealKind: Double] = [:]
        for kind in AppealKind.allCases {
            // Bernoulli-style: the share of the kind's appeals that have the feature.
            let n = Double(docs[kind] ?? 0) + 2 * alpha
            unseen[kind] = log(alpha / n)
            ll[kind] = (counts[kind] ?? [:]).mapValues { log((Double($0) + alpha) / n) }
        }
        return KindModel(logLikelihood: ll, unseen: unseen, vocabulary: vocabulary)
    }

    /// The log score of each kind for the features (uniform prior: nothing is known of how often each comes),
    /// and per kind the features that raised it most above the others.
    func score(_ features: Set<String>) -> [AppealKind: (score: Double, words: [(String, Double)])] {
        let kinds = AppealKind.allCases
        var totals = [Double](repeating: 0, count: kinds.count)
        var contributions = [[(String, Double)]](repeating: [], count: kinds.count)
        var values = [Double](repeating: 0, count: kinds.count)
        for f in features where vocabulary.contains(f) {
            var sum = 0.0
            for (i, kind) in kinds.enumerated() {
                values[i] = logLikelihood[kind]?[f] ?? unseen[kind]!
                sum += values[i]
            }
            for i in kinds.indices {
                totals[i] += values[i]
                let lift = values[i] - (sum - values[i]) / Double(kinds.count - 1)
                if lift > 0.5 { contributions[i].append((f, lift)) }
            }
        }
        var out: [AppealKind: (Double, [(String, Double)])] = [:]
        for (i, kind) in kinds.enumerated() { out[kind] = (totals[i], Array(contributions[i].sorted { $0.1 > $1.1 }.prefix(5))) }
        return out
    }

    /// The model trained on the bundled corpus (once, on first use; a few hundred appeals take milliseconds).
    public static let bundled: KindModel = train(bundledCorpus.map { KindModel.Example(text: $0.text, kind: $0.kind) })

    /// The bundled corpus of appeals, with every field it records.
    public static let bundledCorpus: [CorpusAppeal] = resource("reading-corpus")

    /// Appeals written to teach the crime and threat reading (APPC 88) what reports without a word of the
    /// law look like, and what harmless appeals share their words: labelled for `crime`, their kinds not
    /// reviewed, so they train the crime model only, never the kinds'.
    public static let bundledCrimeCorpus: [CorpusAppeal] = resource("reading-corpus-crime").map { a in
        var a = a
        a.teachesKind = false
        return a
    }

    static func resource(_ name: String) -> [CorpusAppeal] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "jsonl"),
              let data = try? Data(contentsOf: url) else { fatalError("\(name).jsonl is missing from the bundle") }
        return (try? CorpusAppeal.lines(data)) ?? []
    }
}

/// One appeal of a corpus (`*.jsonl`): the text and what a person decided about it.
public struct CorpusAppeal: Sendable, Decodable {
    public var id: String
    public var text: String
    public var kind: AppealKind
    public var lang: String
    public var typing: String
    public var crime: Bool
    public var anonymous: Bool
    public var noEssence: Bool
    public var applicant: String?
    public var iin: String?
    public var topic: String
    public var repeatOf: String?
    public var newArguments: Bool?
    /// Whether the appeal's kind was reviewed, so that it trains and measures the kinds (not read from the file).
    public var teachesKind = true

    enum CodingKeys: String, CodingKey {
        case id, text, kind, lang, typing, crime, anonymous, noEssence, applicant, iin, topic, repeatOf, newArguments
    }

    public static func lines(_ data: Data) throws -> [CorpusAppeal] {
        try data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map { try JSONDecoder().decode(CorpusAppeal.self, from: Data($0)) }
    }
}
