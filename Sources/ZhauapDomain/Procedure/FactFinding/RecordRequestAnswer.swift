import Foundation
import WorkingCalendar

/// R22: the other body's answer came; it is a document of the case (incoming, from that body).
public struct RecordRequestAnswer: ProcedureStep {
    public static let action = Action.recordRequestAnswer
    public static let allowedIn = Set(AppealState.allCases)
    public static let who: Who = [.registrar, .assignedExecutor, .head]
    public static let takesFile = true
    public static func isOffered(on a: Appeal) -> Bool { a.assistance.contains(where: \.isAwaiting) }

    public var number: Int
    public var title: String?
    /// The answer's own date; nil: today.
    public var date: CivilDate?
    public var language: Language?
    public var sheets: Int?

    public init(number: Int, title: String? = nil, date: CivilDate? = nil, language: Language? = nil, sheets: Int? = nil) {
        (self.number, self.title, self.date, self.language, self.sheets) = (number, title, date, language, sheets)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        let i = try ChaseRequest.awaiting(number, in: a)
        let r = a.assistance[i]
        let doc = try AddDocument.add(to: &a, title: DocumentWording.given(title) ?? r.to.name, kind: .requestAnswer, direction: .incoming,
                                      date: date, party: r.to.name, language: language, sheets: sheets, context: c)
        return Self.answered(&a, request: i, document: doc, on: c.today)
    }

    /// Closes request `i` with the case document `document` as its answer.
    static func answered(_ a: inout Appeal, request i: Int, document: Int, on day: CivilDate) -> StepOutcome {
        let r = a.assistance[i]
        a.assistance[i].outcome = .answered(document: document, on: day)
        let d = a.documents[a.documents.count - 1]
        return StepOutcome([AppealEvent(.documentAdded(DocumentAdded(d)), on: day),
                            AppealEvent(.requestAnswered(RequestAnswered(number: r.number, document: document, late: day > r.due)), on: day)],
                           effects: d.file.map { [.storeFile($0, content: nil)] } ?? []).with(document)
    }
}

extension Appeal {
    /// A body of this installation answered request `number` (its answer to the appeal registered there):
    /// the answer joins this case as an incoming document and closes the request. Nil when the request no
    /// longer waits (answered meanwhile by hand): nothing changes then.
    public mutating func receiveAssistanceAnswer(number: Int, from body: String, file: StoredFile, sheets: Int, language: Language?,
                                                 by actor: Actor, on day: CivilDate) -> StepOutcome? {
        guard let i = assistance.firstIndex(where: { $0.number == number }), assistance[i].isAwaiting else { return nil }
        let doc = addDocument(title: body, kind: .requestAnswer, date: day, party: body, direction: .incoming, language: language, sheets: sheets,
                              file: file, by: actor, on: day)
        return RecordRequestAnswer.answered(&self, request: i, document: doc, on: day)
    }
}
