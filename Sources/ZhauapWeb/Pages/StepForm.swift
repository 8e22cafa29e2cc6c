import Foundation
import WorkingCalendar
import ZhauapDomain

/// One step's form on its own page (`/appeals/{id}/steps/{action}`): its heading, a line of help citing
/// its article, what it will send to the applicant, a confirmation for a step that cannot be undone, the
/// values typed (kept when the step is refused) and the refusal next to its field.
struct StepForm: Encodable {
    var action: String
    var heading: String
    var help: String
    /// What the applicant will be sent, or nil.
    var sends: String?
    var confirm: Bool
    var values: [String: String]
    var errorField: String?

    /// Steps that cannot be undone: they close the procedure, send the appeal away, or send the applicant
    /// a document. The form asks to confirm them.
    static let irreversible: Set<Action> = [.forward, .terminate, .answer, .resolveUncorrected, .returnForCorrection, .extend,
                                            .decideExtension, .decideRecusal, .withdrawDocument, .requestAssistance, .recordRequestFailure, .clearCrimeFlag]

    /// The document a step issues to the applicant.
    static let issues: [Action: OutgoingDocument] = [
        .returnForCorrection: .correctionNotice, .forward: .forwardingNotice, .extend: .extensionNotice, .decideExtension: .extensionNotice,
        .terminate: .terminationNotice, .resolveUncorrected: .terminationNotice, .answer: .answerLetter,
    ]

    /// The fields a form may carry back when refused (everything else is fixed choices).
    static let fields = ["executorId", "kind", "special", "area", "competence", "deficiency", "remedy", "consequence", "deficiencyRu", "remedyRu",
                         "consequenceRu", "workingDays", "note", "until", "reason", "reasonRu", "text", "textKk", "textRu", "character", "targetBodyId", "targetName", "demandsText", "source",
                         "accept", "newExecutorId", "outcome", "ground", "document", "language", "channel", "sentOn", "reference",
                         "number", "statement", "statementRu", "status", "bearing", "applicantArgument", "question", "questionRu", "expert", "due",
                         "targetNameRu", "sending", "deliveredOn", "proof"]

    /// The menu's order: the question to answer first, then the usual course, then the rest.
    static func order(_ allowed: [Action]) -> [Action] {
        let first: [Action] = [.decideRecusal, .decideExtension, .checkCompetence, .assign, .recordCompleteness, .confirmKind, .answer,
                               .returnForCorrection, .receiveCorrection, .resolveUncorrected, .forward, .requestExtension, .extend,
                               .recordSending, .requestRecusal, .terminate]
        return first.filter(allowed.contains) + allowed.filter { !first.contains($0) }
    }

    static func make(_ action: Action, values: [String: String], errorField: String?, t: [String: String]) -> StepForm {
        var v = Dictionary(uniqueKeysWithValues: fields.map { ($0, "") })
        for (k, x) in values where v[k] != nil { v[k] = x }
        let sends = issues[action].map { doc in "\(t["step_sends"] ?? ""): \(t["doc_" + doc.rawValue] ?? doc.rawValue)" }
        return StepForm(action: action.rawValue, heading: t["action_" + action.rawValue] ?? action.rawValue,
                        help: t["help_" + action.rawValue] ?? "", sends: sends, confirm: irreversible.contains(action), values: v,
                        errorField: errorField)
    }
}

/// The special-law term rules a kind may take (R17), offered on the registration and kind forms.
enum SpecialRuleChoice {
    struct Option { var value: String; var label: String; var selected: Bool }

    /// "No special rule" first, then each special rule in force on `day` (for any kind, or for `kind`),
    /// labelled by its basis in the page's language.
    static func choices(rules: TermRules, kind: AppealKind?, on day: CivilDate, lang: Language, t: [String: String],
                        selected: String?) -> [Option] {
        var seen = Set<String>()
        let specials = rules.rules.filter { r in
            guard let code = r.special, r.purpose == .consideration, r.isInForce(on: day) else { return false }
            guard r.kinds == nil || kind == nil || r.kinds!.contains(kind!) else { return false }
            return seen.insert(code).inserted
        }
        return [Option(value: "", label: t["special_none"] ?? "—", selected: selected == nil)]
            + specials.map { Option(value: $0.special!, label: $0.basis(lang), selected: $0.special == selected) }
    }
}
