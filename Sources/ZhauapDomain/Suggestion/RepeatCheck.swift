import Foundation
import Synchronization
import ZhauapText

extension Applicant {
    /// How an applicant is recognised again (APPC 88, a repeated appeal): the IIN or BIN when it checks, else
    /// the surname and given name (or the organisation's name) folded, so «Нұрланов Ержан» typed as
    /// «Нурланов Ержан» or «Nurlanov Erzhan» is the same person. Nil for an anonymous applicant.
    public var matchKey: String? {
        switch kind {
        case .individual:
            if let iin, IdentificationNumber(iin, kind: .iin).isValid { return "iin:" + iin }
            let parts = [surname, givenName].compactMap { $0 }.map { Fold.word($0) }.filter { !$0.isEmpty }
            return parts.count == 2 ? "name:" + parts.joined(separator: " ") : nil
        case .legalEntity:
            if let bin, IdentificationNumber(bin, kind: .bin).isValid { return "bin:" + bin }
            let name = Tokens.of(organisationName ?? "").map(\.folded).joined(separator: " ")
            return name.isEmpty ? nil : "org:" + name
        }
    }
}

/// A repeated appeal (APPC 88 [U], R8): the same applicant on the same subject. The texts are compared by
/// their content stems (greetings, addressing and numbers left out); a new text that brings many stems
/// the earlier one did not have is taken to bring new arguments, and is not proposed for termination.
public enum RepeatCheck {
    /// From this share of common stems (Dice) the appeals are on the same subject.
    public static let sameSubject = 0.2
    /// A new text with at least this share of its stems new, and at least `newStemsAtLeast` of them, brings new arguments.
    public static let newShare = 0.55
    public static let newStemsAtLeast = 12

    public struct Earlier: Sendable {
        public var id: UUID
        public var number: String
        public var essence: String
        public init(id: UUID, number: String, essence: String) { (self.id, self.number, self.essence) = (id, number, essence) }
    }

    static func content(_ text: String, cues: ReadingCues) -> Set<String> {
        Set(Tokens.of(Clean.text(text)).filter { t in
            t.folded.count > 2 && !cues.emptyWords.contains(t.folded) && !t.folded.contains(where: \.isNumber)
        }.map(\.stem))
    }

    /// Content stems already read, by appeal and essence: a frequent applicant's earlier appeals are read for
    /// every new one, and their essences do not change. Bounded: full, it starts again empty.
    public final class Contents: Sendable {
        private let known = Mutex<[Key: Set<String>]>([:])
        private let capacity: Int
        struct Key: Hashable { var id: UUID; var essence: String }

        public init(capacity: Int) { self.capacity = capacity }

        /// Keeps a new appeal's reading, so that the next appeal of the same applicant finds it read.
        public func remember(_ id: UUID, essence: String, _ reading: Reading) {
            known.withLock { k in
                if k.count >= capacity { k.removeAll(keepingCapacity: true) }
                k[Key(id: id, essence: essence)] = reading.stems
            }
        }

        func content(of e: Earlier, cues: ReadingCues) -> Set<String> {
            let key = Key(id: e.id, essence: e.essence)
            if let c = known.withLock({ $0[key] }) { return c }
            let c = RepeatCheck.content(e.essence, cues: cues)
            known.withLock { k in
                if k.count >= capacity { k.removeAll(keepingCapacity: true) }
                k[key] = c
            }
            return c
        }
    }

    /// A new text's content stems, read once (a registration reads them before it takes the write lock,
    /// under which the earlier appeals are read and compared).
    public struct Reading: Sendable {
        let stems: Set<String>
        public init(_ text: String, cues: ReadingCues = .bundled) { stems = RepeatCheck.content(text, cues: cues) }
    }

    /// The earlier appeal most like this text, if it is on the same subject.
    public static func find(_ text: String?, among earlier: [Earlier], cues: ReadingCues = .bundled, contents: Contents? = nil) -> RepeatFinding? {
        guard let text, !earlier.isEmpty else { return nil }
        return find(Reading(text, cues: cues), among: earlier, cues: cues, contents: contents)
    }

    /// As `find(_:among:)`, with the new text read already.
    public static func find(_ reading: Reading, among earlier: [Earlier], cues: ReadingCues = .bundled, contents: Contents? = nil) -> RepeatFinding? {
        let now = reading.stems
        guard !earlier.isEmpty, !now.isEmpty else { return nil }
        var best: (Earlier, Double, Set<String>)? = nil
        for e in earlier {
            let then = contents?.content(of: e, cues: cues) ?? content(e.essence, cues: cues)
            guard !then.isEmpty else { continue }
            let dice = 2 * Double(now.intersection(then).count) / Double(now.count + then.count)
            if dice > (best?.1 ?? 0) { best = (e, dice, then) }
        }
        guard let (e, similarity, then) = best, similarity >= sameSubject else { return nil }
        let fresh = now.subtracting(then)
        let newArguments = fresh.count >= newStemsAtLeast && Double(fresh.count) / Double(now.count) >= newShare
        return RepeatFinding(appealID: e.id, number: e.number, similarity: (similarity * 100).rounded() / 100, newArguments: newArguments)
    }
}
