import Foundation
import WorkingCalendar
import ZhauapText

/// Where a word of the query was found in a norm, from the strongest place to the weakest.
public enum NormField: String, Sendable, Hashable, Codable, CaseIterable {
    case marker, precondition, consequence, text, act

    var weight: Double {
        switch self {
        case .marker: 3
        case .precondition, .consequence: 1.5
        case .text: 1
        case .act: 0.5
        }
    }
}

/// A word (or a phrase of words) of the query and where in the norm it was found.
public struct MatchedWord: Sendable, Hashable, Codable {
    public var word: String
    public var field: NormField
}

/// A candidate norm (R24): the norm, its act and level of legal force, and why it matched.
public struct NormCandidate: Sendable, Hashable {
    public var norm: Norm
    public var act: NormativeAct?
    public var level: LegalLevel?
    public var rank: Int
    public var score: Double
    public var matched: [MatchedWord]
    /// The norm has a version in force on the day asked about.
    public var inForce: Bool
}

/// A known conflict between two candidates (R25) and what the hierarchy says of it.
public struct NormConflictView: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable {
        /// Different levels: the higher act prevails (Law "On legal acts" Art. 10).
        case higherPrevails = "higher_prevails"
        /// The same level: the later act prevails.
        case laterPrevails = "later_prevails"
        /// One norm is special to the other (lex specialis).
        case specialPrevails = "special_prevails"
    }
    public var first: NormCandidate
    public var second: NormCandidate
    public var note: NormConflict?
    public var verdict: Verdict
    /// The norm the verdict points to, when it points to one.
    public var prevailing: String?
    /// The guide's advice (R25): begin with the act of lower force, which holds the detail.
    public var detailed: String?
}

/// The registry prepared for finding: each norm's stems by the strongest place they stand, and every
/// marker word as a phrase matched in any inflected form. Built once per registry.
public struct NormIndex: Sendable {
    public let registry: LawRegistry
    let stems: [String: [String: NormField]]
    let markerCues: [Cue]

    public init(_ registry: LawRegistry) {
        self.registry = registry
        var stems: [String: [String: NormField]] = [:]
        for n in registry.norms {
            var s: [String: NormField] = [:]
            func add(_ text: String?, _ field: NormField) {
                guard let text else { return }
                for t in Tokens.of(text) {
                    for stem in t.stems where (s[stem]?.weight ?? 0) < field.weight { s[stem] = field }
                }
            }
            n.markers.forEach { add($0, .marker) }
            for v in n.versions {
                v.preconditions.forEach { add($0.kk, .precondition); add($0.ru, .precondition) }
                add(v.consequence?.kk, .consequence); add(v.consequence?.ru, .consequence)
                add(v.textKk, .text); add(v.textRu, .text)
            }
            if let a = registry.act(n.act) { add(a.titleKk, .act); add(a.titleRu, .act) }
            stems[n.id] = s
        }
        self.stems = stems
        var seen = Set<String>()
        markerCues = registry.norms.flatMap(\.markers).filter { seen.insert(Fold.word($0)).inserted }.map { Cue(inflected: $0) }
    }

    /// R24: the marker words of the appeal's text — every registry marker it contains, as the person typed
    /// it, in the order they stand in the text, each once (at most `limit`).
    public func markers(in text: String, limit: Int = 12) -> [String] {
        let tokens = Tokens.of(Clean.text(text))
        let hits = markerCues.hits(in: tokens, text: Clean.text(text))
        var out: [String] = []
        var seen = Set<String>()
        let positioned = hits.compactMap { h -> (String.Index, String)? in
            Clean.text(text).range(of: h.typed).map { ($0.lowerBound, h.typed) }
        }.sorted { $0.0 < $1.0 }
        for (_, typed) in positioned where out.count < limit && seen.insert(typed.lowercased()).inserted { out.append(typed) }
        return out
    }

    /// Where each phrase of `phrases` stands in the norm: a phrase is found when every one of its words
    /// (any of its stems) is a stem of the norm; its place is the weakest of its words' places.
    func matches(_ norm: Norm, phrases: [(String, [[String]])]) -> [MatchedWord] {
        guard let s = stems[norm.id] else { return [] }
        return phrases.compactMap { phrase, words in
            guard !words.isEmpty else { return nil }
            var weakest: NormField?
            for w in words {
                guard let f = w.compactMap({ s[$0] }).max(by: { $0.weight < $1.weight }) else { return nil }
                if weakest == nil || f.weight < weakest!.weight { weakest = f }
            }
            return weakest.map { MatchedWord(word: phrase, field: $0) }
        }
    }

    func candidate(_ n: Norm, matched: [MatchedWord], on day: CivilDate) -> NormCandidate {
        let act = registry.act(n.act)
        return NormCandidate(norm: n, act: act, level: act.flatMap { registry.level($0.level) }, rank: registry.rank(of: n),
                             score: matched.reduce(0) { $0 + $1.field.weight }, matched: matched, inForce: n.version(on: day) != nil)
    }

    /// R24, R29: the norms any of the marker words points to, ordered by legal force (the highest first),
    /// then by how well they match; norms not in force on `day` are kept, marked, after the others.
    public func find(markers: [String], on day: CivilDate, limit: Int = 30) -> [NormCandidate] {
        let phrases = markers.map { ($0, SearchText.words($0)) }.filter { !$0.1.isEmpty }
        // A norm is a candidate when a marker word is one of its own markers, or two words stand in its text:
        // a single common word in a long text («предоставить») says little about the matter.
        let found = registry.norms.compactMap { n -> NormCandidate? in
            let m = matches(n, phrases: phrases)
            return m.contains(where: { $0.field == .marker }) || m.count >= 2 ? candidate(n, matched: m, on: day) : nil
        }
        return Array(found.sorted { a, b in
            if a.inForce != b.inForce { return a.inForce }
            if a.rank != b.rank { return a.rank < b.rank }
            if a.score != b.score { return a.score > b.score }
            return a.norm.id < b.norm.id
        }.prefix(limit))
    }

    /// The desk's search: the norms holding every word of the query (as the appeals' search), the best
    /// match first, then by legal force.
    public func search(_ query: String, on day: CivilDate, limit: Int = 20) -> [NormCandidate] {
        let words = SearchText.words(query)
        guard !words.isEmpty else { return [] }
        let typed = Tokens.of(query).map { String(query[$0.range]) }
        let phrases = zip(typed, words).map { ($0, [$1]) }
        let found = registry.norms.compactMap { n -> NormCandidate? in
            let m = matches(n, phrases: phrases)
            return m.count == phrases.count ? candidate(n, matched: m, on: day) : nil
        }
        return Array(found.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.norm.id < b.norm.id
        }.prefix(limit))
    }

    /// R25: the known conflicts among the candidates (either side may record it), and the special norms
    /// among them, side by side with what the hierarchy says.
    public func conflicts(among candidates: [NormCandidate]) -> [NormConflictView] {
        var out: [NormConflictView] = []
        var seen = Set<[String]>()
        let byID = Dictionary(candidates.map { ($0.norm.id, $0) }, uniquingKeysWith: { a, _ in a })
        for c in candidates {
            let pairs = c.norm.conflicts.map { ($0.norm, Optional($0)) } + c.norm.specialTo.map { ($0, NormConflict?.none) }
            for (otherID, note) in pairs {
                guard let other = byID[otherID], seen.insert([c.norm.id, otherID].sorted()).inserted else { continue }
                out.append(view(c, other, note: note))
            }
        }
        return out
    }

    func view(_ a: NormCandidate, _ b: NormCandidate, note: NormConflict?) -> NormConflictView {
        let verdict: NormConflictView.Verdict
        var prevailing: String?
        if a.norm.specialTo.contains(b.norm.id) { verdict = .specialPrevails; prevailing = a.norm.id }
        else if b.norm.specialTo.contains(a.norm.id) { verdict = .specialPrevails; prevailing = b.norm.id }
        else if a.rank != b.rank { verdict = .higherPrevails; prevailing = a.rank < b.rank ? a.norm.id : b.norm.id }
        else {
            verdict = .laterPrevails
            // The later act: its date of adoption, else the day it took effect.
            let da = a.act?.adoptedOn ?? a.norm.versions.first?.from, db = b.act?.adoptedOn ?? b.norm.versions.first?.from
            if let da, let db, da != db { prevailing = da > db ? a.norm.id : b.norm.id }
        }
        let detailed = a.rank == b.rank ? nil : (a.rank > b.rank ? a.norm.id : b.norm.id)
        let (first, second) = a.rank <= b.rank ? (a, b) : (b, a)
        return NormConflictView(first: first, second: second, note: note, verdict: verdict, prevailing: prevailing, detailed: detailed)
    }
}
