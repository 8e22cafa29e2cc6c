import Foundation
import WorkingCalendar

/// R22 (APPC 20(1)(8)): the executor asks another state body for assistance — a body of this installation
/// (the request arrives there registered, on its desk) or an outside body by name. The answer's term comes
/// from the cited rules (`assistance_answer`) unless the executor sets a shorter one.
public struct RequestAssistance: ProcedureStep {
    public static let action = Action.requestAssistance
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head]

    public var targetBodyID: UUID?
    public var targetName: String?
    public var targetNameRu: String?
    public var question: String
    public var questionRu: String?
    /// Working days for the answer; nil: the rule's term.
    public var workingDays: Int?

    public init(targetBodyID: UUID? = nil, targetName: String? = nil, targetNameRu: String? = nil, question: String, questionRu: String? = nil,
                workingDays: Int? = nil) {
        (self.targetBodyID, self.targetName, self.targetNameRu, self.question, self.questionRu, self.workingDays) =
            (targetBodyID, targetName, targetNameRu, question, questionRu, workingDays)
    }

    enum CodingKeys: String, CodingKey {
        case targetBodyID = "targetBodyId", targetName, targetNameRu, question, questionRu, workingDays
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(question, "question")
        guard let name = DocumentWording.given(targetName) else { throw .missingField("targetName") }
        if targetBodyID == c.body.id { throw .forwardToSelf }
        if let n = workingDays, !(1...60).contains(n) { throw .invalidAmount(n) }
        let term = try Procedure.startTerm(.assistanceAnswer, for: a, from: c.today, amount: workingDays, context: c)
        let number = (a.assistance.last?.number ?? 0) + 1
        let newID = targetBodyID.map { _ in c.newID() }
        a.assistance.append(AssistanceRequest(
            number: number, to: RequestAddressee(bodyID: targetBodyID, name: name, nameRu: DocumentWording.given(targetNameRu)),
            question: question.trimmingCharacters(in: .whitespacesAndNewlines), questionRu: DocumentWording.given(questionRu), sentOn: c.today,
            due: term.due, termRuleID: workingDays == nil ? term.ruleID : "set-by-executor",
            termBasis: workingDays == nil ? term.basis : "Set by the executor: \(term.amount) working days (within the rule \(term.ruleID))",
            letters: [], chases: [], outcome: .awaiting, registeredAs: newID, requestedBy: c.actor.userID))
        var effects: [Effect] = []
        var events: [AppealEvent] = []
        // The request letter, Kazakh always and Russian when the question was typed in Russian too, frozen in the case.
        if let freezer = c.freezer {
            for lang in [Language.kk] + (a.assistance[number - 1].questionRu == nil ? [] : [.ru]) {
                let (meta, content) = freezer.freeze(.requestLetter(number: number), of: a, body: c.body, language: lang)
                let doc = a.addDocument(title: name, kind: .requestLetter, date: c.today, party: name, direction: .outgoing, language: lang,
                                        sheets: meta.pages ?? 1, file: meta.file, by: c.actor, on: c.today)
                a.assistance[number - 1].letters.append(doc)
                events.append(AppealEvent(.documentAdded(DocumentAdded(a.documents[a.documents.count - 1])), on: c.today))
                effects.append(.storeFile(meta.file, content: content))
            }
        }
        if let target = targetBodyID, let newID {
            effects.append(.registerAssistanceRequest(targetBodyID: target, newAppealID: newID,
                                                      link: AssistanceLink(appealID: a.id, bodyID: a.bodyID, requestNumber: number,
                                                                           caseNumber: a.registration.number)))
        }
        let event = AssistanceRequested(number: number, targetBodyId: targetBodyID, due: term.due, ruleId: a.assistance[number - 1].termRuleID)
        return StepOutcome([AppealEvent(.assistanceRequested(event), on: c.today)] + events, effects: effects)
    }
}
