import Foundation

/// Who appeals: an individual or a legal entity. Every field may be missing — missing data is recorded,
/// never a reason to refuse registration (APPC 64(1), R1); the completeness step handles it (R2).
public struct Applicant: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case individual, legalEntity = "legal_entity" }

    public var kind: Kind
    public var surname: String?
    public var givenName: String?
    public var patronymic: String?
    /// Individual identification number; checked, flagged if invalid, never refused.
    public var iin: String?
    public var organisationName: String?
    public var bin: String?
    public var postalAddress: String?
    public var email: String?
    public var phone: String?
    public var representative: String?

    public init(kind: Kind = .individual, surname: String? = nil, givenName: String? = nil, patronymic: String? = nil,
                iin: String? = nil, organisationName: String? = nil, bin: String? = nil, postalAddress: String? = nil,
                email: String? = nil, phone: String? = nil, representative: String? = nil) {
        self.kind = kind
        self.surname = surname
        self.givenName = givenName
        self.patronymic = patronymic
        self.iin = iin
        self.organisationName = organisationName
        self.bin = bin
        self.postalAddress = postalAddress
        self.email = email
        self.phone = phone
        self.representative = representative
    }

    enum CodingKeys: String, CodingKey {
        case kind, surname, givenName, patronymic, iin, organisationName, bin, postalAddress, email, phone, representative
    }

    /// Without a kind the applicant is taken as an individual: missing data never refuses a registration (R1).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .individual
        surname = try c.decodeIfPresent(String.self, forKey: .surname)
        givenName = try c.decodeIfPresent(String.self, forKey: .givenName)
        patronymic = try c.decodeIfPresent(String.self, forKey: .patronymic)
        iin = try c.decodeIfPresent(String.self, forKey: .iin)
        organisationName = try c.decodeIfPresent(String.self, forKey: .organisationName)
        bin = try c.decodeIfPresent(String.self, forKey: .bin)
        postalAddress = try c.decodeIfPresent(String.self, forKey: .postalAddress)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        representative = try c.decodeIfPresent(String.self, forKey: .representative)
    }

    /// Problems with the identification number, if one was given.
    public var identificationProblems: [IdentificationNumber.Problem] {
        switch kind {
        case .individual: iin.map { IdentificationNumber($0, kind: .iin).problems } ?? []
        case .legalEntity: bin.map { IdentificationNumber($0, kind: .bin).problems } ?? []
        }
    }

    /// No name and no postal address: authorship cannot be established (a termination ground for
    /// simplified appeals, except reports of crimes or threats).
    public var isAnonymous: Bool {
        let name = kind == .individual ? (surname ?? "") + (givenName ?? "") : (organisationName ?? "")
        return name.trimmingCharacters(in: .whitespaces).isEmpty && (postalAddress ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }
}
