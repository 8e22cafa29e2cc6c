/// The kinds of appeal (APPC Art. 4, R5).
public enum AppealKind: String, Sendable, Hashable, Codable, CaseIterable {
    case application, request, proposal, response, report, complaint

    /// Reports, proposals, responses and requests end in an answer without an administrative act or a
    /// hearing (APPC 87–89, R34).
    public var isSimplified: Bool {
        switch self {
        case .request, .proposal, .response, .report: true
        case .application, .complaint: false
        }
    }
}

/// How the appeal arrived (APPC 63).
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case paper
    /// Taken down in a protocol by the receiving employee (APPC 63).
    case oral
    case email
    case portal
    /// The state portal: its notice timestamp is the moment of receipt (R19).
    case eotinish
    case inPerson = "in_person"
    /// From another body of this installation (a request for assistance, R22).
    case interagency
}

/// The state of an appeal's procedure.
public enum AppealState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Registered; not yet assigned to an executor.
    case registered
    /// Assigned and being considered.
    case underConsideration = "under_consideration"
    /// Returned to the applicant to remedy a deficiency (R4); waiting for the correction.
    case awaitingCorrection = "awaiting_correction"
    /// Sent whole to the competent body (R6). Final here.
    case forwarded
    /// The procedure ended on a ground of APPC 70/88 (R8). Final.
    case terminated
    /// Answered in the simplified procedure. Final.
    case answered
    /// Ended in a signed administrative act or complaint decision (R42–R44). Final; delivery and a
    /// complaint follow.
    case decided

    public var isOpen: Bool { ![.forwarded, .terminated, .answered, .decided].contains(self) }

    /// The states of appeals still being handled.
    public static var open: [AppealState] { allCases.filter(\.isOpen) }
    public static var openStates: Set<AppealState> { Set(open) }
}

/// The character of an answer in the simplified procedure.
public enum AnswerCharacter: String, Sendable, Hashable, Codable, CaseIterable {
    case explained, satisfied, refused
    case takenIntoAccount = "taken_into_account"
}
