import Foundation
import WorkingCalendar

/// What a norm does (R24, R42): empowers an act, confirms the body's competence, sets a term, or sets a
/// procedure. The act needs an empowering and a competence norm.
public enum NormRole: String, Sendable, Hashable, Codable, CaseIterable {
    case empowers, competence, term, procedure
}

/// The term a norm sets, in the terms engine's units: the term rules that cite the norm must agree.
public struct NormTerm: Sendable, Hashable, Codable {
    public var unit: TermUnit
    public var amount: Int
    public init(unit: TermUnit, amount: Int) { (self.unit, self.amount) = (unit, amount) }
}

/// A text in the three languages with where it comes from and how far it is known.
public struct CitedWording: Sendable, Hashable, Codable {
    public var kk: String
    public var ru: String
    public var en: String
    public var source: String
    public var status: Verification

    public init(kk: String, ru: String, en: String, source: String, status: Verification) {
        (self.kk, self.ru, self.en, self.source, self.status) = (kk, ru, en, source, status)
    }
    public func text(_ lang: Language) -> String { switch lang { case .kk: kk; case .ru: ru; case .en: en } }
}

/// One legal precondition (IF, R27): a short statement; where the applicant needs it explained (R28),
/// the explanation in Kazakh and Russian.
public struct Precondition: Sendable, Hashable, Codable {
    public var kk: String
    public var ru: String
    public var en: String
    public var explainKk: String?
    public var explainRu: String?
    public var source: String
    public var status: Verification

    public init(kk: String, ru: String, en: String, explainKk: String? = nil, explainRu: String? = nil, source: String, status: Verification) {
        (self.kk, self.ru, self.en, self.explainKk, self.explainRu, self.source, self.status) = (kk, ru, en, explainKk, explainRu, source, status)
    }
    public func text(_ lang: Language) -> String { switch lang { case .kk: kk; case .ru: ru; case .en: en } }
}

/// A wording of a norm in force for a period: its text as far as known, its IF and its THEN. An
/// amendment is a new version; a repeal is a last version with `repealed` and nothing else.
public struct NormVersion: Sendable, Hashable, Codable, InForcePeriod {
    public var from: CivilDate
    public var to: CivilDate?
    public var repealed: Bool
    public var textKk: String?
    public var textRu: String?
    public var textSource: String?
    public var textStatus: Verification?
    public var preconditions: [Precondition]
    public var consequence: CitedWording?
    public var note: String?

    public init(from: CivilDate, to: CivilDate? = nil, repealed: Bool = false, textKk: String? = nil, textRu: String? = nil,
                textSource: String? = nil, textStatus: Verification? = nil, preconditions: [Precondition] = [],
                consequence: CitedWording? = nil, note: String? = nil) {
        (self.from, self.to, self.repealed, self.textKk, self.textRu, self.textSource, self.textStatus, self.preconditions, self.consequence, self.note) =
            (from, to, repealed, textKk, textRu, textSource, textStatus, preconditions, consequence, note)
    }

    public func text(_ lang: Language) -> String? { lang == .ru ? (textRu ?? textKk) : (textKk ?? textRu) }
}

/// A known conflict with another norm (R25), with what is known of it.
public struct NormConflict: Sendable, Hashable, Codable {
    public var norm: String
    public var noteKk: String
    public var noteRu: String
    public var noteEn: String
    public var source: String
    public var status: Verification

    public init(norm: String, noteKk: String, noteRu: String, noteEn: String, source: String, status: Verification) {
        (self.norm, self.noteKk, self.noteRu, self.noteEn, self.source, self.status) = (norm, noteKk, noteRu, noteEn, source, status)
    }

    public func note(_ lang: Language) -> String { switch lang { case .kk: noteKk; case .ru: noteRu; case .en: noteEn } }
}

/// A legal norm (R27): where it stands (act, article, paragraph, subparagraph), its marker words (R24),
/// what it does, the term it sets, the norms it conflicts with or is special to, and its versions.
public struct Norm: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var act: String
    public var article: String
    public var paragraph: String?
    public var subparagraph: String?
    public var markersKk: [String]
    public var markersRu: [String]
    public var roles: [NormRole]
    public var term: NormTerm?
    public var conflicts: [NormConflict]
    public var specialTo: [String]
    public var versions: [NormVersion]
    public var source: String
    public var status: Verification

    public init(id: String, act: String, article: String, paragraph: String? = nil, subparagraph: String? = nil, markersKk: [String] = [],
                markersRu: [String] = [], roles: [NormRole], term: NormTerm? = nil, conflicts: [NormConflict] = [], specialTo: [String] = [],
                versions: [NormVersion], source: String, status: Verification) {
        (self.id, self.act, self.article, self.paragraph, self.subparagraph, self.markersKk, self.markersRu) =
            (id, act, article, paragraph, subparagraph, markersKk, markersRu)
        (self.roles, self.term, self.conflicts, self.specialTo, self.versions, self.source, self.status) =
            (roles, term, conflicts, specialTo, versions, source, status)
    }

    public var markers: [String] { markersKk + markersRu }

    /// The version in force on `day`, if any.
    public func version(on day: CivilDate) -> NormVersion? { versions.last { $0.covers(day) } }
    /// The newest wording (the one a reader sees first), repealed or not.
    public var latest: NormVersion? { versions.last }
    /// The day the norm was repealed, if it was.
    public var repealedOn: CivilDate? { versions.last(where: \.repealed)?.from }

    /// Where the norm stands, as people cite it: «76-бап 1-тармақ», «ст. 76 п. 1», «Art. 76(1)».
    public func citation(_ lang: Language) -> String {
        switch lang {
        case .kk:
            return (["\(article)-бап"] + [paragraph.map { "\($0)-тармақ" }, subparagraph.map { "\($0)-тармақша" }].compactMap { $0 })
                .joined(separator: " ")
        case .ru:
            return (["ст. \(article)"] + [paragraph.map { "п. \($0)" }, subparagraph.map { "пп. \($0)" }].compactMap { $0 }).joined(separator: " ")
        case .en:
            return "Art. \(article)" + (paragraph.map { "(\($0))" } ?? "") + (subparagraph.map { "(\($0))" } ?? "")
        }
    }
}
