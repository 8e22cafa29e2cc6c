import Foundation
import WorkingCalendar

/// A document the procedure itself produces and puts in the case.
public enum GeneratedDocument: Sendable, Hashable {
    /// A document sent to the applicant (R46), frozen as sent.
    case sent(OutgoingDocument)
    /// The letter of a request for assistance (R22).
    case requestLetter(number: Int)
    /// The draft decision of this version (APPC 73, R33).
    case draftDecision(version: Int)
    /// The invitation to the hearing of this number (R32).
    case hearingInvitation(number: Int)
    /// The protocol of the oral hearing (APPC 74, R37).
    case hearingProtocol
    /// An objection the applicant submitted online, as received (APPC 73(3)).
    case objection(number: Int)
    /// The administrative act as signed, revision `revision` (R43, R44).
    case act(revision: Int)
}

/// Produces a generated document's file exactly as it goes out, so the case keeps that file and never
/// regenerates it later (R13). Given to the procedure by the service; the domain only calls it.
public protocol DocumentFreezer: Sendable {
    func freeze(_ document: GeneratedDocument, of appeal: Appeal, body: AdministrativeBody, language: Language) -> (meta: FileMeta, content: Data)
}
