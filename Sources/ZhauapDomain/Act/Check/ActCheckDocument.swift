import Foundation
import WorkingCalendar

/// An act to check as the API and the corpus write it (`POST /api/v1/acts/check`): plain strings, read
/// into an `ActCheckInput` with every field validated and named when wrong.
public struct ActCheckDocument: Codable, Sendable {
    public struct Hearing: Codable, Sendable {
        public var held: Bool
        public var form: String?
        public var omissionReason: String?
        public var draftGivenOn: String?
    }

    public var actType: String
    public var appealKind: String?
    public var discretionary: Bool?
    public var hearing: Hearing?
    public var actDate: String?
    /// Language (`kk`, `ru`) → section key (`operative_summary`, …) → text.
    public var versions: [String: [String: String]]
    public var arguments: [ActArgument]?

    /// A field that cannot be read: its path (e.g. `versions.kk.facts`) and why.
    public struct Invalid: Error, Sendable, Equatable {
        public var field: String
        public var reason: String
    }

    /// The longest text of one section, one argument and the reason for omitting the hearing.
    public static let maxSectionLength = 20_000
    public static let maxArgumentLength = 4_000
    public static let maxArguments = 50
    public static let maxReasonLength = 2_000

    public func input() throws(Invalid) -> ActCheckInput {
        guard let kind = ActKind(rawValue: actType) else {
            throw Invalid(field: "actType", reason: "one of " + ActKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var appeal: AppealKind? = nil
        if let a = appealKind {
            guard let k = AppealKind(rawValue: a) else { throw Invalid(field: "appealKind", reason: "one of " + AppealKind.allCases.map(\.rawValue).joined(separator: ", ")) }
            appeal = k
        }
        func date(_ s: String?, _ field: String) throws(Invalid) -> CivilDate? {
            guard let s else { return nil }
            guard let d = CivilDate(s) else { throw Invalid(field: field, reason: "a date YYYY-MM-DD") }
            return d
        }
        var facts: ActHearingFacts? = nil
        if let h = hearing {
            var form: HearingForm? = nil
            if let f = h.form {
                guard let hf = HearingForm(rawValue: f) else { throw Invalid(field: "hearing.form", reason: "one of " + HearingForm.allCases.map(\.rawValue).joined(separator: ", ")) }
                form = hf
            }
            if let r = h.omissionReason, r.count > Self.maxReasonLength { throw Invalid(field: "hearing.omissionReason", reason: "at most \(Self.maxReasonLength) characters") }
            facts = ActHearingFacts(held: h.held, form: form, omissionReason: h.omissionReason, draftGivenOn: try date(h.draftGivenOn, "hearing.draftGivenOn"))
        }
        let day = try date(actDate, "actDate")
        guard !versions.isEmpty else { throw Invalid(field: "versions", reason: "at least one language version (kk, ru)") }
        var read: [Language: ActSections] = [:]
        for (key, sections) in versions.sorted(by: { $0.key < $1.key }) {
            guard let lang = Language(rawValue: key), lang != .en else { throw Invalid(field: "versions.\(key)", reason: "a language version is kk or ru") }
            var out: ActSections = [:]
            for (name, text) in sections.sorted(by: { $0.key < $1.key }) {
                guard let section = ActSection(rawValue: name) else {
                    throw Invalid(field: "versions.\(key).\(name)", reason: "one of " + ActSection.allCases.map(\.rawValue).joined(separator: ", "))
                }
                guard text.count <= Self.maxSectionLength else { throw Invalid(field: "versions.\(key).\(name)", reason: "at most \(Self.maxSectionLength) characters") }
                out[section] = text
            }
            read[lang] = out
        }
        if let a = arguments {
            guard a.count <= Self.maxArguments else { throw Invalid(field: "arguments", reason: "at most \(Self.maxArguments) arguments") }
            for (i, arg) in a.enumerated() {
                guard arg.number > 0 else { throw Invalid(field: "arguments[\(i)].number", reason: "a positive number") }
                guard !arg.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, arg.text.count <= Self.maxArgumentLength else {
                    throw Invalid(field: "arguments[\(i)].text", reason: "1 to \(Self.maxArgumentLength) characters")
                }
            }
        }
        return ActCheckInput(kind: kind, appealKind: appeal, discretionary: discretionary ?? false, hearing: facts, actDate: day,
                             versions: read, arguments: arguments)
    }
}

/// One act of a corpus: the document, its id and the codes it must raise (none for a sound act).
public struct ActCorpusEntry: Decodable, Sendable {
    public var id: String
    public var expect: [String]
    public var document: ActCheckDocument

    enum Keys: String, CodingKey { case id, expect }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.decode(String.self, forKey: .id)
        expect = try c.decode([String].self, forKey: .expect)
        document = try ActCheckDocument(from: decoder)
    }

    /// A JSONL corpus, one act a line.
    public static func lines(_ data: Data) throws -> [ActCorpusEntry] {
        try String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map { line in
            try JSONDecoder().decode(ActCorpusEntry.self, from: Data(line.utf8))
        }
    }
}
