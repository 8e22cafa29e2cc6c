/// The APPC 63 checklist (R2). Essential items may justify a return for correction; formal ones are
/// noted but must not block consideration (APPC 14: no abuse of formal requirements).
public enum ChecklistItem: String, Sendable, Hashable, Codable, CaseIterable {
    case applicantName = "applicant_name"
    case postalAddress = "postal_address"
    case essence
    case signature
    case stateFee = "state_fee"
    case identificationNumber = "identification_number"
    case addressedBody = "addressed_body"
    case appealDate = "appeal_date"

    public var isEssential: Bool {
        switch self {
        case .applicantName, .postalAddress, .essence, .signature, .stateFee: true
        case .identificationNumber, .addressedBody, .appealDate: false
        }
    }
}

/// The result of the completeness check, as kept on the appeal.
public struct CompletenessCheck: Sendable, Hashable, Codable {
    /// Items found missing.
    public var missing: [ChecklistItem]
    public var feeRequired: Bool
    public var checkedOn: String

    public var essentialMissing: [ChecklistItem] { missing.filter(\.isEssential) }

    /// What registration can tell by itself: fields left empty.
    public static func detectMissing(_ a: Appeal) -> [ChecklistItem] {
        var out: [ChecklistItem] = []
        let p = a.applicant
        let name = p.kind == .individual ? [p.surname, p.givenName] : [p.organisationName]
        if name.contains(where: { ($0 ?? "").isEmpty }) { out.append(.applicantName) }
        if (p.postalAddress ?? "").isEmpty { out.append(.postalAddress) }
        if (a.essence ?? "").isEmpty { out.append(.essence) }
        if a.signaturePresent != true { out.append(.signature) }
        if (p.kind == .individual ? p.iin : p.bin) == nil { out.append(.identificationNumber) }
        if (a.addressedTo ?? "").isEmpty { out.append(.addressedBody) }
        if a.appealDate == nil { out.append(.appealDate) }
        return out
    }
}
