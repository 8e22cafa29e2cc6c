import Foundation
import ZhauapText

/// The cited data the reading of an appeal uses (`reading-cues.json`): the phrases that point to each
/// kind (APPC 4), those that point to a crime or a threat (APPC 88) and the harmless contexts that
/// weaken them, and the words that state no essence. Data, not code: a maintainer extends the file.
public struct ReadingCues: Sendable {
    public var source: String
    public var kinds: [AppealKind: [Cue]]
    public var crimeThreshold: Double
    public var crime: [String: [Cue]]
    public var harmless: [Cue]
    public var emptyWords: Set<String>
    public var minimumContentWords: Int

    struct File: Decodable {
        struct Crime: Decodable { var threshold: Double; var categories: [String: [[Cue.Pair]]]; var harmless: [[Cue.Pair]] }
        struct NoEssence: Decodable { var minimumContentWords: Int; var empty: [String] }
        var source: String
        var kinds: [String: [[Cue.Pair]]]
        var crime: Crime
        var noEssence: NoEssence
    }

    public static let bundled: ReadingCues = {
        guard let url = Bundle.module.url(forResource: "reading-cues", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { fatalError("reading-cues.json is missing from the bundle") }
        do { return try ReadingCues(json: data) } catch { fatalError("reading-cues.json: \(error)") }
    }()

    public init(json: Data) throws {
        let f = try JSONDecoder().decode(File.self, from: json)
        func cues(_ list: [[Cue.Pair]]) throws -> [Cue] {
            try list.map { pair in
                guard pair.count == 2, case .text(let p) = pair[0], case .number(let w) = pair[1] else { throw CueFileError.badCue(String(describing: pair)) }
                return Cue(p, weight: w)
            }
        }
        source = f.source
        var kinds: [AppealKind: [Cue]] = [:]
        for (name, list) in f.kinds {
            guard let k = AppealKind(rawValue: name) else { throw CueFileError.unknownKind(name) }
            kinds[k] = try cues(list)
        }
        self.kinds = kinds
        crimeThreshold = f.crime.threshold
        crime = try f.crime.categories.mapValues(cues)
        harmless = try cues(f.crime.harmless)
        emptyWords = Set(f.noEssence.empty.map { Fold.word($0) })
        minimumContentWords = f.noEssence.minimumContentWords
    }
}

enum CueFileError: Error { case badCue(String), unknownKind(String) }

extension Cue {
    /// One element of a `["pattern", weight]` pair in the file.
    enum Pair: Decodable {
        case text(String), number(Double)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else { self = .number(try c.decode(Double.self)) }
        }
    }
}
