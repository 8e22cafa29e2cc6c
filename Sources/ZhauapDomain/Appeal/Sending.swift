import Foundation
import WorkingCalendar

/// A document the applicant receives about the appeal (R46); each is produced in Kazakh and in Russian.
public enum OutgoingDocument: String, Sendable, Hashable, Codable, CaseIterable {
    /// The coupon given at registration (APPC 64(2)).
    case coupon
    /// The return for correction (APPC 63, R4).
    case correctionNotice = "correction_notice"
    /// The notice of forwarding to the competent body (APPC 65, R6).
    case forwardingNotice = "forwarding_notice"
    /// The notice that the term was extended, with the reason and the new date (APPC 76(2), R15).
    case extensionNotice = "extension_notice"

    /// Whether the appeal has what this document tells.
    public func isAvailable(for a: Appeal) -> Bool {
        switch self {
        case .coupon: true
        case .correctionNotice: a.correction != nil
        case .forwardingNotice: !a.forwardings.isEmpty
        case .extensionNotice: a.terms.contains { $0.purpose == .consideration && $0.originalDue != nil }
        }
    }
}

/// How a document reached (or was sent to) the applicant.
public enum DeliveryChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case inPerson = "in_person"
    case post
    case email
    case eotinish
    case sms
}

/// The record that a document was sent (R46): which, in which language, how, on which day, by whom.
public struct Sending: Sendable, Hashable, Codable {
    public var document: OutgoingDocument
    public var language: Language
    public var channel: DeliveryChannel
    public var sentOn: CivilDate
    /// A postal receipt number, an e-mail address, a portal message id…
    public var reference: String?
    public var recordedBy: UUID

    public init(document: OutgoingDocument, language: Language, channel: DeliveryChannel, sentOn: CivilDate, reference: String?,
                recordedBy: UUID) {
        (self.document, self.language, self.channel, self.sentOn, self.reference, self.recordedBy) =
            (document, language, channel, sentOn, reference, recordedBy)
    }
}
