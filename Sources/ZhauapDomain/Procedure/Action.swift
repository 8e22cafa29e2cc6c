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
    case addDocument = "add_document"
    case withdrawDocument = "withdraw_document"
    case recordExport = "record_export"
    case recordFact = "record_fact"
    case reviseFact = "revise_fact"
    case requestAssistance = "request_assistance"
    case chaseRequest = "chase_request"
    case recordRequestAnswer = "record_request_answer"
    case recordRequestFailure = "record_request_failure"
    case involveExpert = "involve_expert"
    case recordExpertOpinion = "record_expert_opinion"
    case clearCrimeFlag = "clear_crime_flag"
    case applyNorm = "apply_norm"
    case withdrawNorm = "withdraw_norm"
    case checkPrecondition = "check_precondition"
    case recordAnalogy = "record_analogy"
    case planHearing = "plan_hearing"
    case addParticipant = "add_participant"
    case prepareDraft = "prepare_draft"
    case recordDelivery = "record_delivery"
    case inviteToHearing = "invite_to_hearing"
    case recordObjection = "record_objection"
    case submitObjection = "submit_objection"
    case answerArgument = "answer_argument"
    case recordHearing = "record_hearing"
    case omitHearing = "omit_hearing"
    case draftAct = "draft_act"
    case editAct = "edit_act"
    case approveAct = "approve_act"
    case acknowledgeWarning = "acknowledge_warning"
    case signAct = "sign_act"
    case fileComplaint = "file_complaint"
    case passComplaint = "pass_complaint"

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
        case .addDocument: AddDocument.self
        case .withdrawDocument: WithdrawDocument.self
        case .recordExport: RecordExport.self
        case .recordFact: RecordFact.self
        case .reviseFact: ReviseFact.self
        case .requestAssistance: RequestAssistance.self
        case .chaseRequest: ChaseRequest.self
        case .recordRequestAnswer: RecordRequestAnswer.self
        case .recordRequestFailure: RecordRequestFailure.self
        case .involveExpert: InvolveExpert.self
        case .recordExpertOpinion: RecordExpertOpinion.self
        case .clearCrimeFlag: ClearCrimeFlag.self
        case .applyNorm: ApplyNorm.self
        case .withdrawNorm: WithdrawNorm.self
        case .checkPrecondition: CheckPrecondition.self
        case .recordAnalogy: RecordAnalogy.self
        case .planHearing: PlanHearing.self
        case .addParticipant: AddParticipant.self
        case .prepareDraft: PrepareDraft.self
        case .recordDelivery: RecordDelivery.self
        case .inviteToHearing: InviteToHearing.self
        case .recordObjection: RecordObjection.self
        case .submitObjection: SubmitObjection.self
        case .answerArgument: AnswerArgument.self
        case .recordHearing: RecordHearing.self
        case .omitHearing: OmitHearing.self
        case .draftAct: DraftAct.self
        case .editAct: EditAct.self
        case .approveAct: ApproveAct.self
        case .acknowledgeWarning: AcknowledgeWarning.self
        case .signAct: SignAct.self
        case .fileComplaint: FileComplaint.self
        case .passComplaint: PassComplaint.self
        }
    }
}
