import Foundation
import WorkingCalendar

/// What a step of the procedure did, for the tamper-evident trail (R45): its kind with a typed payload,
/// the legal date it takes effect and why. Who and when it was recorded are added by the service.
///
/// On the trail a payload is kept as a flat map of its fields (`details`): each value as text, lists
/// joined by commas, absent fields left out, encoded with sorted keys for the hash chain. A payload
/// whose meaning changes gets a new kind; entries already written keep theirs.
public struct AppealEvent: Sendable, Hashable {
    public var payload: EventPayload
    public var legalDate: CivilDate
    public var reason: String?

    public init(_ payload: EventPayload, on legalDate: CivilDate, reason: String? = nil) {
        self.payload = payload
        self.legalDate = legalDate
        self.reason = reason
    }

    /// The kind's name on the trail (`registered`, `answered` …).
    public var type: String { payload.kind }
    /// The payload's fields as kept on the trail.
    public var details: [String: String] { payload.fields }
}

/// Every kind of trail entry, each with the facts it records.
public enum EventPayload: Sendable, Hashable {
    case registered(Registered)
    case completenessRecorded(CompletenessRecorded)
    case returnedForCorrection(ReturnedForCorrection)
    case correctionReceived
    case terminated(Terminated)
    case kindConfirmed(KindConfirmed)
    case competenceChecked(CompetenceChecked)
    case termChanged(TermChanged)
    case termRecomputed(TermRecomputed)
    case assigned(Assigned)
    case forwarded(Forwarded)
    case recusalRequested(RecusalRequested)
    case recusalDecided(RecusalDecided)
    case extended(Extended)
    case extensionRequested(ExtensionRequested)
    case extensionDecided(ExtensionDecided)
    case documentSent(DocumentSent)
    case answered(Answered)
    case documentAdded(DocumentAdded)
    case documentWithdrawn(DocumentWithdrawn)
    case factRecorded(FactRecorded)
    case factRevised(FactRecorded)
    case assistanceRequested(AssistanceRequested)
    case requestChased(RequestChased)
    case requestAnswered(RequestAnswered)
    case requestFailed(RequestFailed)
    case expertInvolved(ExpertInvolved)
    case expertOpinionRecorded(ExpertOpinionRecorded)
    case caseExported(CaseExported)
    case crimeFlagCleared(CrimeFlagCleared)
    case normApplied(NormApplied)
    case normWithdrawn(NormWithdrawn)
    case preconditionChecked(PreconditionChecked)
    case analogyRecorded(AnalogyRecorded)
    case hearingPlanned(HearingPlanned)
    case participantAdded(ParticipantAdded)
    case draftPrepared(DraftPrepared)
    case deliveryRecorded(DeliveryRecorded)
    case invitationIssued(InvitationIssued)
    case objectionRecorded(ObjectionRecorded)
    case argumentAnswered(ArgumentAnswered)
    case hearingHeld(HearingHeld)
    case hearingOmitted(HearingOmitted)
    case actDrafted(ActDrafted)
    case actEdited(ActEdited)
    case actApproved(ActApproved)
    case warningAcknowledged(WarningAcknowledged)
    case actSigned(ActSigned)
    case complaintFiled(ComplaintFiled)
    case complaintPassed(ComplaintPassed)
    case complaintDecided(ComplaintDecided)

    public var kind: String {
        switch self {
        case .registered: "registered"
        case .completenessRecorded: "completeness_recorded"
        case .returnedForCorrection: "returned_for_correction"
        case .correctionReceived: "correction_received"
        case .terminated: "terminated"
        case .kindConfirmed: "kind_confirmed"
        case .competenceChecked: "competence_checked"
        case .termChanged: "term_changed"
        case .termRecomputed: "term_recomputed"
        case .assigned: "assigned"
        case .forwarded: "forwarded"
        case .recusalRequested: "recusal_requested"
        case .recusalDecided: "recusal_decided"
        case .extended: "extended"
        case .extensionRequested: "extension_requested"
        case .extensionDecided: "extension_decided"
        case .documentSent: "document_sent"
        case .answered: "answered"
        case .documentAdded: "document_added"
        case .documentWithdrawn: "document_withdrawn"
        case .factRecorded: "fact_recorded"
        case .factRevised: "fact_revised"
        case .assistanceRequested: "assistance_requested"
        case .requestChased: "request_chased"
        case .requestAnswered: "request_answered"
        case .requestFailed: "request_failed"
        case .expertInvolved: "expert_involved"
        case .expertOpinionRecorded: "expert_opinion_recorded"
        case .caseExported: "case_exported"
        case .crimeFlagCleared: "crime_flag_cleared"
        case .normApplied: "norm_applied"
        case .normWithdrawn: "norm_withdrawn"
        case .preconditionChecked: "precondition_checked"
        case .analogyRecorded: "analogy_recorded"
        case .hearingPlanned: "hearing_planned"
        case .participantAdded: "participant_added"
        case .draftPrepared: "draft_prepared"
        case .deliveryRecorded: "delivery_recorded"
        case .invitationIssued: "invitation_issued"
        case .objectionRecorded: "objection_recorded"
        case .argumentAnswered: "argument_answered"
        case .hearingHeld: "hearing_held"
        case .hearingOmitted: "hearing_omitted"
        case .actDrafted: "act_drafted"
        case .actEdited: "act_edited"
        case .actApproved: "act_approved"
        case .warningAcknowledged: "warning_acknowledged"
        case .actSigned: "act_signed"
        case .complaintFiled: "complaint_filed"
        case .complaintPassed: "complaint_passed"
        case .complaintDecided: "complaint_decided"
        }
    }

    var body: (any Encodable & Sendable)? {
        switch self {
        case .registered(let p): p
        case .completenessRecorded(let p): p
        case .returnedForCorrection(let p): p
        case .correctionReceived: nil
        case .terminated(let p): p
        case .kindConfirmed(let p): p
        case .competenceChecked(let p): p
        case .termChanged(let p): p
        case .termRecomputed(let p): p
        case .assigned(let p): p
        case .forwarded(let p): p
        case .recusalRequested(let p): p
        case .recusalDecided(let p): p
        case .extended(let p): p
        case .extensionRequested(let p): p
        case .extensionDecided(let p): p
        case .documentSent(let p): p
        case .answered(let p): p
        case .documentAdded(let p): p
        case .documentWithdrawn(let p): p
        case .factRecorded(let p): p
        case .factRevised(let p): p
        case .assistanceRequested(let p): p
        case .requestChased(let p): p
        case .requestAnswered(let p): p
        case .requestFailed(let p): p
        case .expertInvolved(let p): p
        case .expertOpinionRecorded(let p): p
        case .caseExported(let p): p
        case .crimeFlagCleared(let p): p
        case .normApplied(let p): p
        case .normWithdrawn(let p): p
        case .preconditionChecked(let p): p
        case .analogyRecorded(let p): p
        case .hearingPlanned(let p): p
        case .participantAdded(let p): p
        case .draftPrepared(let p): p
        case .deliveryRecorded(let p): p
        case .invitationIssued(let p): p
        case .objectionRecorded(let p): p
        case .argumentAnswered(let p): p
        case .hearingHeld(let p): p
        case .hearingOmitted(let p): p
        case .actDrafted(let p): p
        case .actEdited(let p): p
        case .actApproved(let p): p
        case .warningAcknowledged(let p): p
        case .actSigned(let p): p
        case .complaintFiled(let p): p
        case .complaintPassed(let p): p
        case .complaintDecided(let p): p
        }
    }

    public var fields: [String: String] {
        guard let body else { return [:] }
        return TrailFields.flatten(body)
    }
}

/// Flattens a payload to the trail's text fields (snake_case keys).
enum TrailFields {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        return e
    }()

    /// The payload's fields as `reference` gives them, read straight from its `Encodable` form (a payload is
    /// flattened at every step, under the database's write lock); anything outside the plain shapes (a nested
    /// object, a null, an unusual number) is left to `reference`. Debug builds check every call against it.
    static func flatten(_ value: any Encodable) -> [String: String] {
        let fast = FieldsEncoder.fields(of: value)
        assert(fast == nil || fast == reference(value), "TrailFields: the direct reading differs from the JSON reading")
        return fast ?? reference(value)
    }

    /// The fields through JSON: the payload encoded (snake_case keys), read back value by value by JSON type.
    static func reference(_ value: any Encodable) -> [String: String] {
        guard let data = try? encoder.encode(value),
              let object = try? JSONDecoder().decode([String: Leaf].self, from: data) else { return [:] }
        return object.mapValues(\.text)
    }

    /// One JSON value of a payload, read back strictly by its type.
    private enum Leaf: Decodable {
        case bool(Bool), int(Int), double(Double), string(String), list([Leaf])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            // Strings first: most payload fields are text, and each refused attempt costs a thrown error.
            // JSON keeps the types apart (a string is never read as a number or a Boolean, nor the reverse).
            if let s = try? c.decode(String.self) { self = .string(s) }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else { self = .list(try c.decode([Leaf].self)) }
        }

        var text: String {
            switch self {
            case .bool(let b): b ? "true" : "false"
            case .int(let i): String(i)
            case .double(let d): String(d)
            case .string(let s): s
            case .list(let l): l.map(\.text).joined(separator: ",")
            }
        }
    }
}

extension OutgoingDocument {
    /// The document in both languages of production, as the trail names them (`coupon:kk`, `coupon:ru`).
    public var copies: [String] { ["\(rawValue):kk", "\(rawValue):ru"] }
}
