import Foundation

/// Where an appeal's procedure stands, with what that stage needs and nothing else: an answered appeal
/// always has its answer and executor, an appeal under consideration always has its executor, one
/// awaiting correction always has the request — combinations that cannot be written cannot be stored.
public enum AppealStage: Sendable, Hashable {
    /// Registered; nobody assigned yet.
    case registered
    /// Assigned and being considered.
    case underConsideration(executor: UUID)
    /// Returned to the applicant to remedy a deficiency (APPC 63, R4), waiting for the correction.
    case awaitingCorrection(CorrectionRequest, executor: UUID?)
    /// Sent whole to the competent body (APPC 65, R6); the forwarding is the last of `Appeal.forwardings`.
    case forwarded(executor: UUID?)
    /// Ended on a ground of APPC 70/88 (R8).
    case terminated(Termination, executor: UUID?)
    /// Answered in the simplified procedure by its executor (APPC 87–89).
    case answered(Answer, executor: UUID)
    /// Ended in an administrative act (or, on a complaint, the higher body's decision), signed and frozen (R42–R44).
    case decided(SignedAct, executor: UUID)

    public var state: AppealState {
        switch self {
        case .registered: .registered
        case .underConsideration: .underConsideration
        case .awaitingCorrection: .awaitingCorrection
        case .forwarded: .forwarded
        case .terminated: .terminated
        case .answered: .answered
        case .decided: .decided
        }
    }

    public var executor: UUID? {
        switch self {
        case .registered: nil
        case .underConsideration(let e), .answered(_, let e), .decided(_, let e): e
        case .awaitingCorrection(_, let e), .forwarded(let e), .terminated(_, let e): e
        }
    }

    /// The same stage with `executor` in charge; a registered appeal comes under consideration. Only
    /// open stages change hands: a closed one is returned as it is.
    public func assigning(_ executor: UUID) -> AppealStage {
        switch self {
        case .registered, .underConsideration: .underConsideration(executor: executor)
        case .awaitingCorrection(let r, _): .awaitingCorrection(r, executor: executor)
        case .forwarded, .terminated, .answered, .decided: self
        }
    }
}
