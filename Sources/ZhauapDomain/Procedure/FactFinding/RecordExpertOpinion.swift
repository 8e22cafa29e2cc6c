import Foundation
import WorkingCalendar

/// R23: the expert's opinion is a document of the case.
public struct RecordExpertOpinion: ProcedureStep {
    public static let action = Action.recordExpertOpinion
    public static let allowedIn = Set(AppealState.allCases)
    public static let who: Who = [.registrar, .assignedExecutor, .head]
    public static let takesFile = true
    public static func isOffered(on a: Appeal) -> Bool { a.experts.contains { $0.opinion == nil } }

    public var number: Int
    public var date: CivilDate?
    public var language: Language?
    public var sheets: Int?

    public init(number: Int, date: CivilDate? = nil, language: Language? = nil, sheets: Int? = nil) {
        (self.number, self.date, self.language, self.sheets) = (number, date, language, sheets)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard let i = a.experts.firstIndex(where: { $0.number == number }) else { throw .unknownExpert(number) }
        guard a.experts[i].opinion == nil else { throw .opinionRecorded(number) }
        let e = a.experts[i]
        let doc = try AddDocument.add(to: &a, title: e.expert, kind: .expertOpinion, direction: .incoming, date: date, party: e.expert,
                                      language: language, sheets: sheets, context: c)
        a.experts[i].opinion = doc
        let d = a.documents[a.documents.count - 1]
        return StepOutcome([AppealEvent(.documentAdded(DocumentAdded(d)), on: c.today),
                            AppealEvent(.expertOpinionRecorded(ExpertOpinionRecorded(number: number, document: doc)), on: c.today)],
                           effects: d.file.map { [.storeFile($0, content: nil)] } ?? []).with(doc)
    }
}
