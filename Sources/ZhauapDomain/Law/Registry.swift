import Foundation
import WorkingCalendar

/// How far an item of the registry is known (LEGAL-NOTES): seen in the law's text, secondary, or
/// unverified. Shown to the user next to every act, norm, precondition and consequence.
public enum Verification: String, Sendable, Hashable, Codable, CaseIterable {
    case verified = "V"
    case secondary = "S"
    case unverified = "U"
}

/// A level of legal force (Law "On legal acts" Art. 10; R29): rank 1 is the highest.
public struct LegalLevel: Sendable, Hashable, Codable {
    public var code: String
    public var rank: Int
    public var nameKk: String
    public var nameRu: String
    public var nameEn: String
    public var source: String
    public var status: Verification

    public func name(_ lang: Language) -> String { switch lang { case .kk: nameKk; case .ru: nameRu; case .en: nameEn } }
}

/// A period an act or a norm is in force: from `from` to `to` (both included; open-ended when nil), or
/// the day it was repealed (`repealed`, from that day on).
public protocol InForcePeriod {
    var from: CivilDate { get }
    var to: CivilDate? { get }
    var repealed: Bool { get }
}

extension InForcePeriod {
    public func covers(_ day: CivilDate) -> Bool { !repealed && from <= day && (to.map { day <= $0 } ?? true) }
}

public struct ActVersion: Sendable, Hashable, Codable, InForcePeriod {
    public var from: CivilDate
    public var to: CivilDate?
    public var repealed: Bool
    public var note: String?

    public init(from: CivilDate, to: CivilDate? = nil, repealed: Bool = false, note: String? = nil) {
        (self.from, self.to, self.repealed, self.note) = (from, to, repealed, note)
    }
}

/// A normative legal act (R24, R29): its kind and level of legal force, titles, number, date, issuer, the
/// official reference (the adilet document id) and the periods it is in force.
public struct NormativeAct: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var level: String
    public var titleKk: String
    public var titleRu: String
    public var titleEn: String
    public var number: String?
    public var adoptedOn: CivilDate?
    public var issuerKk: String?
    public var issuerRu: String?
    public var reference: String?
    public var versions: [ActVersion]
    public var source: String
    public var status: Verification

    public init(id: String, level: String, titleKk: String, titleRu: String, titleEn: String, number: String? = nil, adoptedOn: CivilDate? = nil,
                issuerKk: String? = nil, issuerRu: String? = nil, reference: String? = nil, versions: [ActVersion], source: String, status: Verification) {
        (self.id, self.level, self.titleKk, self.titleRu, self.titleEn, self.number, self.adoptedOn) = (id, level, titleKk, titleRu, titleEn, number, adoptedOn)
        (self.issuerKk, self.issuerRu, self.reference, self.versions, self.source, self.status) = (issuerKk, issuerRu, reference, versions, source, status)
    }

    public func title(_ lang: Language) -> String { switch lang { case .kk: titleKk; case .ru: titleRu; case .en: titleEn } }
    public func isInForce(on day: CivilDate) -> Bool { versions.contains { $0.covers(day) } }
    /// The day the act was repealed, if it was.
    public var repealedOn: CivilDate? { versions.last(where: \.repealed)?.from }
}

/// The whole registry: the hierarchy, the acts and their norms. Installation-wide (the law is the
/// country's), edited by the installation's administrator, shipped with a starter set.
public struct LawRegistry: Sendable, Hashable, Codable {
    public static let currentFormat = 1
    public var format: Int
    public var version: String
    public var source: String
    public var hierarchy: [LegalLevel]
    public var acts: [NormativeAct]
    public var norms: [Norm]

    public init(format: Int = LawRegistry.currentFormat, version: String, source: String, hierarchy: [LegalLevel], acts: [NormativeAct], norms: [Norm]) {
        (self.format, self.version, self.source, self.hierarchy, self.acts, self.norms) = (format, version, source, hierarchy, acts, norms)
    }

    public func act(_ id: String) -> NormativeAct? { acts.first { $0.id == id } }
    public func norm(_ id: String) -> Norm? { norms.first { $0.id == id } }
    public func level(_ code: String) -> LegalLevel? { hierarchy.first { $0.code == code } }

    /// The rank of the norm's act in the hierarchy (1 is the highest force; unknown levels rank last).
    public func rank(of norm: Norm) -> Int {
        act(norm.act).flatMap { level($0.level) }?.rank ?? Int.max
    }

    /// The starter registry shipped with the product (`Resources/law-registry.json`).
    public static func bundled() throws -> LawRegistry {
        guard let url = Bundle.module.url(forResource: "law-registry", withExtension: "json") else { throw CocoaError(.fileNoSuchFile) }
        return try decode(Data(contentsOf: url))
    }

    public static func decode(_ data: Data) throws -> LawRegistry { try JSONDecoder().decode(LawRegistry.self, from: data) }

    /// The registry as a file: stable key order, readable, the same bytes for the same registry.
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self)
    }
}

extension LawRegistry {
    /// A registry with nothing in it (a step given no registry finds no norm).
    public static let empty = LawRegistry(version: "", source: "", hierarchy: [], acts: [], norms: [])
}
