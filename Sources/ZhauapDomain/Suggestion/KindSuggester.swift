import Foundation
import ZhauapText

/// Reads an appeal's text as a registrar would (R5, R6, R8; APPC 4, 65, 88): the likeliest kind with a
/// confidence and the words that led there, the two likeliest when unsure; whether it reports a crime or
/// a threat and in which words; whether it states an essence at all; which competence area of the body
/// it falls in. Built from cited phrases (`ReadingCues`) and a naive Bayes model trained on a corpus
/// (`KindModel`); explainable, inside the product. Every answer is a suggestion a person confirms.
public enum KindSuggester {
    /// How much the statistical model counts beside the cited phrases (fitted on the training corpus).
    public static let modelWeight = 0.15
    /// Below this probability the suggestion says it is unsure and shows the two likeliest kinds.
    public static let confidentAbove = 0.6

    public static func suggest(_ text: String?, areas: [CompetenceArea], cues: ReadingCues = .bundled, model: KindModel = .bundled,
                               modelWeight: Double = modelWeight, crimeModel: CrimeModel = .bundled) -> KindSuggestion {
        let text = Clean.text(text ?? "")
        let tokens = Tokens.of(text)
        let index = TokenIndex(tokens)
        guard !tokens.isEmpty else {
            return KindSuggestion(kind: nil, kindMarkers: [], area: nil, areaMarkers: [], confidence: 0, alternatives: [], noEssence: true)
        }
        // The kind: phrase weights plus the model's log scores, made probabilities.
        let modelScores = model.score(KindModel.features(tokens))
        var hits: [AppealKind: [CueHit]] = [:]
        var scores: [AppealKind: Double] = [:]
        for kind in AppealKind.allCases {
            let h = (cues.kinds[kind] ?? []).hits(in: index, text: text)
            hits[kind] = h
            scores[kind] = h.reduce(0) { $0 + $1.cue.weight } + modelWeight * (modelScores[kind]?.score ?? 0)
        }
        let top = scores.values.max() ?? 0
        let exp = scores.mapValues { Foundation.exp($0 - top) }
        let sum = exp.values.reduce(0, +)
        let ranked = AppealKind.allCases.map { KindScore(kind: $0, probability: (exp[$0] ?? 0) / sum) }
            .sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.kind.rawValue < $1.kind.rawValue }
        let best = ranked[0]
        var words = (hits[best.kind] ?? []).sorted { $0.cue.weight > $1.cue.weight }.map(\.typed)
        if words.count < 3 { addTyped(modelScores[best.kind]?.words ?? [], of: tokens, text: text, to: &words, upTo: 5) }
        let crime = crimeReading(index, text: text, cues: cues, model: crimeModel)
        let area = areaFinding(tokens, text: text, areas: areas)
        var s = KindSuggestion(kind: best.kind, kindMarkers: Array(words.prefix(6)), area: area?.0, areaMarkers: area?.1 ?? [],
                               confidence: (best.probability * 100).rounded() / 100,
                               alternatives: Array(ranked.prefix(2)).map { KindScore(kind: $0.kind, probability: ($0.probability * 100).rounded() / 100) },
                               crime: crime.flag, noEssence: statesNoEssence(tokens, cues: cues, text: text))
        s.possibleCrime = crime.possible
        return s
    }

    /// APPC 88: the cited phrases and the model together (thresholds chosen by cross-validation on the
    /// training corpus for recall first). A crime or a threat is flagged when the phrases outweigh the
    /// harmless contexts by the file's threshold, or the model is sure, or both lean that way; below
    /// that, any crime phrase or a leaning model is a possible crime — not flagged, never proposed for
    /// termination, and said so with the words.
    static func crimeReading(_ x: TokenIndex, text: String, cues: ReadingCues, model: CrimeModel) -> (flag: CrimeFinding?, possible: CrimeFinding?) {
        let c = crimeCues(x, text: text, cues: cues)
        let m = model.score(KindModel.features(x.tokens))
        let t = CrimeThresholds.fitted
        let flagged = CrimeEvidence(phrases: c.categories.isEmpty ? nil : c.score, model: m.logOdds).flags(t, phraseThreshold: cues.crimeThreshold)
        let possible = !flagged && ((!c.categories.isEmpty && c.score >= t.possibleCues) || m.logOdds >= t.possibleModel)
        guard flagged || possible else { return (nil, nil) }
        // The phrases' words once each, then the model's reasons (content words, not «что», «бир»).
        var words: [String] = []
        for w in c.words where !words.contains(where: { $0.caseInsensitiveCompare(w) == .orderedSame }) { words.append(w) }
        addTyped(m.words.filter { ($0.0.split(separator: "_").first?.count ?? 0) >= 4 }, of: x.tokens, text: text, to: &words, upTo: 6)
        let finding = CrimeFinding(categories: c.categories, words: Array(words.prefix(6)), score: (c.score * 10).rounded() / 10,
                                   model: (m.logOdds * 10).rounded() / 10)
        return flagged ? (finding, nil) : (nil, finding)
    }

    /// What the crime reading weighs: the cited phrases' score (nil when no category's phrase occurs) and the
    /// model's log-odds. Public so that the thresholds can be fitted by cross-validation (`zhauap bench suggest --fit-crime`).
    public struct CrimeEvidence: Sendable {
        public var phrases: Double?
        public var model: Double

        /// Flagged: the phrases alone reach their threshold, or the model alone, or both lean that way.
        public func flags(_ t: CrimeThresholds, phraseThreshold: Double) -> Bool {
            if let p = phrases, p >= phraseThreshold || (p >= t.cuesWithModel && model >= t.modelWithCues) { return true }
            return model >= t.modelAlone
        }
    }

    /// The crime reading's evidence for a text, as `suggest` weighs it.
    public static func crimeEvidence(_ text: String, cues: ReadingCues = .bundled, model: CrimeModel = .bundled) -> CrimeEvidence {
        let text = Clean.text(text)
        let x = TokenIndex(Tokens.of(text))
        let c = crimeCues(x, text: text, cues: cues)
        return CrimeEvidence(phrases: c.categories.isEmpty ? nil : c.score, model: model.score(KindModel.features(x.tokens)).logOdds)
    }

    /// The thresholds of the crime reading beside the cited phrases' own (`reading-cues.json`).
    public struct CrimeThresholds: Sendable {
        /// The model's log-odds that flags by itself.
        public var modelAlone: Double
        /// Phrases and model both moderate: each at least this.
        public var cuesWithModel: Double
        public var modelWithCues: Double
        /// A possible crime: phrases or model at least this.
        public var possibleCues: Double
        public var possibleModel: Double
        public init(modelAlone: Double, cuesWithModel: Double, modelWithCues: Double, possibleCues: Double, possibleModel: Double) {
            (self.modelAlone, self.cuesWithModel, self.modelWithCues) = (modelAlone, cuesWithModel, modelWithCues)
            (self.possibleCues, self.possibleModel) = (possibleCues, possibleModel)
        }

        /// Chosen by cross-validation on the training corpus (`zhauap bench suggest --folds 5`).
        public static let fitted = CrimeThresholds(modelAlone: 5.0, cuesWithModel: 0.25, modelWithCues: 3.75, possibleCues: 0.8, possibleModel: 3.5)
    }

    /// A model's reasons (features), as the words of the text they came from, added to `words` up to a count.
    static func addTyped(_ features: [(String, Double)], of tokens: [Token], text: String, to words: inout [String], upTo limit: Int) {
        for (feature, _) in features where words.count < limit {
            let stem = feature.split(separator: "_").first.map(String.init) ?? feature
            if let t = tokens.first(where: { $0.stems.contains(stem) }) {
                let typed = String(text[t.range])
                if !words.contains(where: { $0.localizedCaseInsensitiveContains(typed) }) { words.append(typed) }
            }
        }
    }

    /// APPC 88: a crime or a threat reported — the categories and the words, when the cited phrases
    /// outweigh the harmless contexts by the threshold.
    public static func crimeFinding(_ tokens: [Token], text: String, cues: ReadingCues) -> CrimeFinding? {
        crimeFinding(TokenIndex(tokens), text: text, cues: cues)
    }

    static func crimeFinding(_ tokens: TokenIndex, text: String, cues: ReadingCues) -> CrimeFinding? {
        let c = crimeCues(tokens, text: text, cues: cues)
        guard !c.categories.isEmpty, c.score >= cues.crimeThreshold else { return nil }
        return CrimeFinding(categories: c.categories, words: Array(c.words.prefix(6)), score: (c.score * 10).rounded() / 10)
    }

    /// The cited phrases' reading, whatever its score: the categories found, the words as typed, and the
    /// phrases' weight less the harmless contexts'.
    static func crimeCues(_ tokens: TokenIndex, text: String, cues: ReadingCues) -> (categories: [String], words: [String], score: Double) {
        var categories: [String] = []
        var words: [String] = []
        var total = 0.0
        for (category, list) in cues.crime.sorted(by: { $0.key < $1.key }) {
            let h = list.hits(in: tokens, text: text)
            guard !h.isEmpty else { continue }
            // A category counts its strongest phrase fully and the others at half.
            let weights = h.map(\.cue.weight).sorted(by: >)
            total += weights[0] + weights.dropFirst().reduce(0, +) / 2
            categories.append(category)
            words += h.map(\.typed)
        }
        let harmless = cues.harmless.hits(in: tokens, text: text).reduce(0) { $0 + $1.cue.weight }
        return (categories, words, total + harmless)
    }

    /// APPC 88: the text states no essence — fewer words than the minimum that are not greetings,
    /// addressing, courtesy or numbers, once the lines that only sign (a name, initials, a phone) or only
    /// head the text (one word: «ЖАЛОБА») are set aside, and a run of one letter («аааааа») is no word.
    public static func statesNoEssence(_ tokens: [Token], cues: ReadingCues, text: String = "") -> Bool {
        var skipped = Set<Range<String.Index>>()
        if !text.isEmpty {
            for line in text.split(whereSeparator: \.isNewline) {
                let words = tokens.filter { line.startIndex <= $0.range.lowerBound && $0.range.upperBound <= line.endIndex }
                let signs = words.count <= 4 && words.allSatisfy { t in
                    let w = text[t.range]
                    // A name is written «Серікбаева», not «СВЕТА» (a line typed in capitals is not a signature).
                    return (w.first?.isUppercase == true && (w.count <= 3 || w.dropFirst().contains(where: \.isLowercase)))
                        || w.allSatisfy(\.isNumber) || w.count <= 2
                }
                if words.count == 1 || signs { skipped.formUnion(words.map(\.range)) }
            }
        }
        let content = tokens.filter { t in
            !skipped.contains(t.range) && t.folded.count > 2 && !t.folded.allSatisfy(\.isNumber) && !cues.emptyWords.contains(t.folded)
                && t.folded.contains(where: \.isLetter) && t.folded.filter(\.isNumber).count < 3 && Set(t.folded).count > 1
        }
        return content.count < cues.minimumContentWords
    }

    /// R6, R24: the competence area whose marker words (any inflected form) the text has most of.
    static func areaFinding(_ tokens: [Token], text: String, areas: [CompetenceArea]) -> (String, [String])? {
        var best: (String, [String])? = nil
        for area in areas {
            let hits = area.markers.filter { !$0.isEmpty }.map { Cue(inflected: $0) }.hits(in: tokens, text: text).map(\.typed)
            if !hits.isEmpty && hits.count > (best?.1.count ?? 0) { best = (area.code, hits) }
        }
        return best
    }
}
