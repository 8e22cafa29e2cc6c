import Foundation
import Testing
import WorkingCalendar
@testable import ZhauapDomain

@Suite("Roles: the permission matrix, derived from the steps")
struct PermissionMatrixTests {
    /// The matrix as the guide states it, written independently of the steps' own declarations: a step
    /// that opens to the wrong role, or an action added without a line here, fails.
    static let expected: [String: Set<Action>] = [
        // R11, R22, R23: the registrar files what arrives (documents, answers, opinions); the executor and the head keep the case.
        // R33, APPC 73(3): the registrar also records a delivery and files an objection that arrives.
        "registrar": [.checkCompetence, .recordCompleteness, .receiveCorrection, .requestRecusal, .recordSending, .addDocument, .recordExport,
                      .recordRequestAnswer, .recordExpertOpinion, .recordDelivery, .recordObjection,
                      // APPC 91(4): a complaint arrives at the body whose act is appealed, which passes it on.
                      .fileComplaint, .passComplaint],
        "assigned executor": Set<Action>([.checkCompetence, .recordCompleteness, .returnForCorrection, .receiveCorrection, .confirmKind, .forward, .requestRecusal,
                              .requestExtension, .answer, .recordSending]).union(caseWork),
        "other executor": [],
        "head": Set<Action>([.checkCompetence, .assign, .recordCompleteness, .returnForCorrection, .receiveCorrection, .resolveUncorrected, .confirmKind, .forward,
                 .requestRecusal, .decideRecusal, .terminate, .extend, .decideExtension, .recordSending, .clearCrimeFlag,
                 // R44: the head signs the act; APPC 91(4): files and passes a complaint.
                 .signAct, .fileComplaint, .passComplaint]).union(caseWork),
        // R13: an administrator hands a case over (the command line's export), nothing else.
        "admin": [.recordExport],
    ]

    static let caseWork: Set<Action> = [.addDocument, .withdrawDocument, .recordExport, .recordFact, .reviseFact, .requestAssistance, .chaseRequest,
                                        .recordRequestAnswer, .recordRequestFailure, .involveExpert, .recordExpertOpinion,
                                        // R24–R28: the executor and the head find and apply the law.
                                        .applyNorm, .withdrawNorm, .checkPrecondition, .recordAnalogy,
                                        // R30–R37: R31, the hearing is conducted by the executor or the head who issues the act.
                                        .planHearing, .addParticipant, .prepareDraft, .recordDelivery, .inviteToHearing, .recordObjection,
                                        .answerArgument, .recordHearing, .omitHearing,
                                        // R42, R43: the act is drafted and its warnings weighed by whoever conducts the case.
                                        .draftAct, .editAct, .acknowledgeWarning]

    static func actor(_ role: String) -> Actor {
        switch role {
        case "registrar": F.registrar
        case "assigned executor": F.executor
        case "other executor": F.otherExecutor
        case "head": F.head
        default: Actor(userID: UUID(), bodyID: F.body.id, name: "Админ", position: "", roles: [.admin])
        }
    }

    @Test("Each role may do exactly its part of the procedure", arguments: ["registrar", "assigned executor", "other executor", "head", "admin"])
    func matrix(role: String) throws {
        let appeal = try F.assigned()
        let got = Set(Action.allCases.filter { Permissions.allows($0, actor: Self.actor(role), appeal: appeal) })
        #expect(got == Self.expected[role])
    }

    @Test("Registration: a registrar or a head, nobody else (APPC 64)")
    func register() {
        #expect(Permissions.mayRegister(F.registrar) && Permissions.mayRegister(F.head))
        #expect(!Permissions.mayRegister(F.executor) && !Permissions.mayRegister(Self.actor("admin")))
    }

    @Test("Every action names its own step, and its API name is the step's")
    func table() {
        for action in Action.allCases {
            #expect(action.step.action == action)
            #expect(AppealCommandName.of(action) == action.rawValue)
        }
        #expect(Set(Action.allCases.map(\.rawValue)).count == Action.allCases.count)
    }

    @Test("A step refused by role is refused by the procedure too, with the action's name", arguments: Action.allCases)
    func refusedByRole(action: Action) throws {
        let appeal = try F.assigned()
        for role in ["registrar", "assigned executor", "other executor", "head", "admin"] where Self.expected[role]?.contains(action) == false {
            #expect(!Permissions.available(actor: Self.actor(role), appeal: appeal).contains(action))
        }
    }

    @Test("What is offered is what the procedure accepts: every offered step passes the role and state checks")
    func offeredIsAccepted() throws {
        let appeal = try F.assigned()
        for role in ["registrar", "assigned executor", "head"] {
            for action in Permissions.available(actor: Self.actor(role), appeal: appeal) {
                #expect(action.step.allowedIn.contains(appeal.state))
                #expect(action.step.who.admits(Self.actor(role), appeal: appeal))
            }
        }
    }
}

/// The API name of an action as a command reports it (the same string the step table declares).
enum AppealCommandName {
    static func of(_ action: Action) -> String {
        let samples: [Action: AppealCommand] = [
            .recordCompleteness: .recordCompleteness(missing: [], feeRequired: false),
            .returnForCorrection: .returnForCorrection(deficiency: "", remedy: "", consequence: "", workingDays: nil),
            .receiveCorrection: .receiveCorrection(note: nil), .resolveUncorrected: .resolveUncorrected(outcome: .returned),
            .checkCompetence: .checkCompetence(.whole), .confirmKind: .confirmKind(.request, area: nil, special: nil), .assign: .assign(executorID: UUID()),
            .forward: .forward(targetBodyID: nil, targetName: "", demands: nil),
            .requestRecusal: .requestRecusal(source: .participant, reason: ""), .decideRecusal: .decideRecusal(accept: false, newExecutorID: nil),
            .terminate: .terminate(ground: .withdrawn, note: ""), .extend: .extend(until: F.d("2024-02-20"), reason: ""),
            .requestExtension: .requestExtension(until: F.d("2024-02-20"), reason: ""),
            .decideExtension: .decideExtension(accept: false, until: nil, note: nil), .answer: .answer(text: "", character: .explained),
            .recordSending: .recordSending(document: .coupon, language: .kk, channel: .post, sentOn: nil, reference: nil),
            .addDocument: AppealCommand(AddDocument(title: "", kind: .evidence, direction: .incoming)),
            .withdrawDocument: AppealCommand(WithdrawDocument(number: 2, reason: "")),
            .recordExport: AppealCommand(RecordExport(language: .kk, documents: 0, sheets: 0, manifestSHA256: "",
                                                      pdf: StoredFile(sha256: "", mediaType: "", size: 0, name: ""),
                                                      zip: StoredFile(sha256: "", mediaType: "", size: 0, name: ""), trailHead: "")),
            .recordFact: AppealCommand(RecordFact(statement: "", status: .established, bearing: .neutral)),
            .reviseFact: AppealCommand(ReviseFact(number: 1)), .requestAssistance: AppealCommand(RequestAssistance(question: "")),
            .chaseRequest: AppealCommand(ChaseRequest(number: 1)), .recordRequestAnswer: AppealCommand(RecordRequestAnswer(number: 1)),
            .recordRequestFailure: AppealCommand(RecordRequestFailure(number: 1, reason: "")),
            .involveExpert: AppealCommand(InvolveExpert(expert: "", question: "", due: F.d("2024-02-20"))),
            .recordExpertOpinion: AppealCommand(RecordExpertOpinion(number: 1)),
            .clearCrimeFlag: AppealCommand(ClearCrimeFlag(reason: "")),
            .applyNorm: AppealCommand(ApplyNorm(norm: "", reason: "")), .withdrawNorm: AppealCommand(WithdrawNorm(norm: "", reason: "")),
            .checkPrecondition: AppealCommand(CheckPrecondition(norm: "", precondition: 1, answer: .unclear)),
            .recordAnalogy: AppealCommand(RecordAnalogy(kind: .law, basis: "", reason: "")),
            .planHearing: AppealCommand(PlanHearing(outcome: .burdening)),
            .addParticipant: AppealCommand(AddParticipant(name: "", channel: .post)),
            .prepareDraft: AppealCommand(PrepareDraft(summaryKk: "")), .recordDelivery: AppealCommand(RecordDelivery(sending: 1)),
            .inviteToHearing: AppealCommand(InviteToHearing(form: .videoCall, date: F.d("2024-02-20"), time: "10:00", place: "")),
            .recordObjection: AppealCommand(RecordObjection(channel: .oral, text: "")), .submitObjection: AppealCommand(SubmitObjection(text: "")),
            .answerArgument: AppealCommand(AnswerArgument(number: 1, accepted: false, reasonKk: "")),
            .recordHearing: AppealCommand(RecordHearing(form: .email)), .omitHearing: AppealCommand(OmitHearing(reason: .favourable)),
            .draftAct: AppealCommand(DraftAct(kind: .burdening)), .editAct: AppealCommand(EditAct()), .approveAct: AppealCommand(ApproveAct()),
            .acknowledgeWarning: AppealCommand(AcknowledgeWarning(code: "", reason: "")), .signAct: AppealCommand(SignAct()),
            .fileComplaint: AppealCommand(FileComplaint(text: "")), .passComplaint: AppealCommand(PassComplaint()),
        ]
        return samples[action]?.name ?? ""
    }
}
