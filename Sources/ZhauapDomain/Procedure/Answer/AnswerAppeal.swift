import Foundation
import WorkingCalendar

/// APPC 87–89: reports, proposals, responses and requests end in an answer by their executor.
public struct AnswerAppeal: ProcedureStep {
    public static let action = Action.answer
    public static let allowedIn: Set<AppealState> = [.underConsideration]
    public static let who: Who = [.assignedExecutor]

    /// The answer in the appeal's language; `textKk` and `textRu` give each language's text explicitly.
    public var text: String?
    public var textKk: String?
    public var textRu: String?
    public var character: AnswerCharacter

    public init(text: String?, character: AnswerCharacter, textKk: String? = nil, textRu: String? = nil) {
        self.text = text
        self.textKk = textKk
        self.textRu = textRu
        self.character = character
    }

    /// The letter is produced in Kazakh and in the appeal's language (Law "On languages" Art. 11): a text
    /// for each, in its own language; nothing typed in one language is put into the other's letter.
    static func texts(for a: Appeal, text: String?, kk: String?, ru: String?) throws(ProcedureError) -> [String: String] {
        func given(_ s: String?) -> String? { s.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 } }
        let own = a.language == .ru ? Language.ru : .kk
        guard let ownText = given(own == .kk ? kk : ru) ?? given(text) else { throw .missingField("text") }
        var texts = [own.rawValue: ownText]
        if own == .ru {
            guard let kkText = given(kk) else { throw .missingField("textKk") }
            texts["kk"] = kkText
        } else if let ruText = given(ru) {
            texts["ru"] = ruText
        }
        return texts
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard let kind = a.kind else { throw .kindNotConfirmed }
        guard kind.isSimplified else { throw .requiresAdministrativeAct(kind) }
        guard case .underConsideration(let executor) = a.stage else { throw .invalidState(action: Self.action.rawValue, state: a.state) }
        // An answer on its due day is on time; only a later day is late.
        let late = a.term(.consideration).map { c.today > $0.due } ?? false
        let texts = try Self.texts(for: a, text: text, kk: textKk, ru: textRu)
        let first = a.language == .ru ? texts["ru"]! : texts["kk"]!
        a.stage = .answered(Answer(text: first, character: character, answeredOn: c.today, answeredBy: c.actor.userID, texts: texts),
                            executor: executor)
        a.issue(.answerLetter, on: c.today, by: c.actor)
        a.close([.consideration, .forwarding], on: c.today)
        a.close([.extensionNotice], .cancelled, on: c.today)  // the answer itself tells the applicant
        // R22: an answer to another body's request for assistance goes back into that body's case.
        return StepOutcome([AppealEvent(.answered(Answered(character: character, late: late)), on: c.today)],
                           effects: a.assistanceFor.map { [.returnAssistanceAnswer($0)] } ?? [])
    }
}
