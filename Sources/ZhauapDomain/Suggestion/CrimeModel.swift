import Foundation
import ZhauapText

/// APPC 88, read statistically beside the cited phrases: naive Bayes over the same features as the kinds'
/// model (stems and pairs of neighbouring stems, once per appeal), two classes — a crime or threat report
/// or not — trained on the `crime` labels of the bundled corpus. A report often tells what happened
/// without a word of the law («he locks me in», «they come for a minute and leave»); the model learns
/// such words from the corpus. It explains itself: the words of the text that weighed most for a crime.
public struct CrimeModel: Sendable {
    /// Per feature seen in at least `minimumSupport` appeals: log P(feature | report) − log P(feature | other),
    /// bounded by `bound` so that no single word decides.
    var weights: [String: Double]
    /// The log-odds of a text without any known feature (the two classes' shares of the corpus are not a prior).
    var base: Double

    public static let minimumSupport = 1
    public static let bound = 2.0

    public static func train(_ examples: [(text: String, crime: Bool)], smoothing alpha: Double = 0.5) -> CrimeModel {
        var counts: [Bool: [String: Int]] = [:]
        var docs: [Bool: Int] = [:]
        for e in examples {
            docs[e.crime, default: 0] += 1
            for x in KindModel.features(Tokens.of(Clean.text(e.text))) { counts[e.crime, default: [:]][x, default: 0] += 1 }
        }
        let yes = Double(docs[true] ?? 0) + 2 * alpha
        let no = Double(docs[false] ?? 0) + 2 * alpha
        var weights: [String: Double] = [:]
        for f in Set((counts[true] ?? [:]).keys).union((counts[false] ?? [:]).keys) {
            let a = counts[true]?[f] ?? 0, b = counts[false]?[f] ?? 0
            guard a + b >= minimumSupport else { continue }
            let w = log((Double(a) + alpha) / yes) - log((Double(b) + alpha) / no)
            weights[f] = min(bound, max(-bound, w))
        }
        return CrimeModel(weights: weights, base: 0)
    }

    /// The log-odds that the features belong to a crime or threat report, averaged over the known features
    /// and scaled by the square root of their number (a long text is not a report for its length alone),
    /// and the features that raised it most.
    public func score(_ features: Set<String>) -> (logOdds: Double, words: [(String, Double)]) {
        var sum = 0.0, n = 0
        var raised: [(String, Double)] = []
        for f in features {
            guard let w = weights[f] else { continue }
            sum += w
            n += 1
            if w > 1 { raised.append((f, w)) }
        }
        let odds = n == 0 ? base : base + sum / Double(n).squareRoot()
        return (odds, Array(raised.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(5)))
    }

    /// The model trained on the bundled corpus (once, on first use).
    public static let bundled: CrimeModel = train((KindModel.bundledCorpus + KindModel.bundledCrimeCorpus).map { ($0.text, $0.crime) })
}
