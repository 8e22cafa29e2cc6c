/// Every step of the procedure by name: the one vocabulary of actions. The name is the API's `action`,
/// the pages' form value and the key of the permission matrix; the step type is the one that takes it.
public enum Action: String, Sendable, Hashable, CaseIterable, Codable {
    case recordCompleteness = "record_completeness"
    case returnForCorrection = "return_for_correction"
    case receiveCorrection = "receive_correction"
    case resolveUncorrected = "resolve_uncorrected"
    case checkCompetence = "check_competence"
    case confirmKind = "confirm_kind"
    case assign
    case forward
    case requestRecusal = "request_recusal"
    case decideRecusal = "decide_recusal"
    case terminate
    case extend
    case requestExtension = "request_extension"
    case decideExtension = "decide_extension"
    case answer
    case recordSending = "record_sending"

    /// The step that takes this action (exhaustive: a new action without its step does not compile).
    public var step: any ProcedureStep.Type {
        switch self {
        case .recordCompleteness: RecordCompleteness.self
        case .returnForCorrection: ReturnForCorrection.self
        case .receiveCorrection: ReceiveCorrection.self
        case .resolveUncorrected: ResolveUncorrected.self
        case .checkCompetence: CheckCompetence.self
        case .confirmKind: ConfirmKind.self
        case .assign: Assign.self
        case .forward: Forward.self
        case .requestRecusal: RequestRecusal.self
        case .decideRecusal: DecideRecusal.self
        case .terminate: Terminate.self
        case .extend: Extend.self
        case .requestExtension: RequestExtension.self
        case .decideExtension: DecideExtension.self
        case .answer: AnswerAppeal.self
        case .recordSending: RecordSending.self
        }
    }
}
