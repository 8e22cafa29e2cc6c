import Foundation
import ZhauapDomain

/// `zhauap bench suggest --folds K --fit-crime`: the crime reading's thresholds searched by cross-validation
/// on the training corpora only (each fold's evidence from a model trained without it). The best setting
/// flags the most reports; among equals, the fewest harmless appeals; never more than 5 % of them.
enum CrimeFit {
    struct Point { var crime: Bool; var evidence: KindSuggester.CrimeEvidence }

    static func search(_ corpus: [CorpusAppeal], folds k: Int, cues: ReadingCues = .bundled) -> String {
        var points: [Point] = []
        for fold in 0..<k {
            let train = corpus.enumerated().filter { $0.offset % k != fold }.map(\.element)
            let model = CrimeModel.train(train.map { ($0.text, $0.crime) })
            for a in corpus.enumerated().filter({ $0.offset % k == fold }).map(\.element) {
                points.append(Point(crime: a.crime, evidence: KindSuggester.crimeEvidence(a.text, cues: cues, model: model)))
            }
        }
        let reports = points.filter(\.crime).count, others = points.count - reports
        let shipped = KindSuggester.CrimeThresholds.fitted
        func score(_ t: KindSuggester.CrimeThresholds) -> (hit: Int, false: Int) {
            var hit = 0, wrong = 0
            for p in points where p.evidence.flags(t, phraseThreshold: cues.crimeThreshold) { if p.crime { hit += 1 } else { wrong += 1 } }
            return (hit, wrong)
        }
        var best: (KindSuggester.CrimeThresholds, (hit: Int, false: Int))? = nil
        for alone in stride(from: 3.0, through: 8.0, by: 0.25) {
            for cues in stride(from: 0.25, through: 2.0, by: 0.25) {
                for withCues in stride(from: 1.0, through: alone, by: 0.25) {
                    let t = KindSuggester.CrimeThresholds(modelAlone: alone, cuesWithModel: cues, modelWithCues: withCues,
                                                          possibleCues: shipped.possibleCues, possibleModel: shipped.possibleModel)
                    let r = score(t)
                    guard Double(r.false) <= 0.05 * Double(others) else { continue }
                    if let (_, b) = best, r.hit < b.hit || (r.hit == b.hit && r.false >= b.false) { continue }
                    best = (t, r)
                }
            }
        }
        let now = score(shipped)
        var out = "crime reading, \(k)-fold cross-validation on \(corpus.count) training appeals (\(reports) reports, \(others) others)\n"
        out += "  shipped thresholds (model alone \(shipped.modelAlone), phrases \(shipped.cuesWithModel) with model \(shipped.modelWithCues)):"
        out += " flagged \(now.hit)/\(reports), harmless flagged \(now.false)/\(others)\n"
        if let (t, r) = best {
            out += "  best within 5 % harmless flagged: model alone \(t.modelAlone), phrases \(t.cuesWithModel) with model \(t.modelWithCues):"
            out += " flagged \(r.hit)/\(reports), harmless flagged \(r.false)/\(others)\n"
        }
        return out
    }
}
