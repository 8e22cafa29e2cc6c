import Foundation
import WorkingCalendar

/// R11, R13, R23: a document joins the case — a file the applicant brings (at any time, in any state),
/// evidence, a note, another body's letter. Its type and page count come from the file itself
/// (`ProcedureContext.attachment`), never from its name.
public struct AddDocument: ProcedureStep {
    public static let action = Action.addDocument
    public static let allowedIn = Set(AppealState.allCases)
    public static let who: Who = [.registrar, .assignedExecutor, .head]
    public static let takesFile = true

    public var title: String
    public var kind: CaseDocumentKind
    public var direction: DocumentDirection
    /// The document's own date; nil: today.
    public var date: CivilDate?
    public var party: String?
    public var language: Language?
    /// Sheets of a file without a page count of its own (a DOCX, an ODT); a PDF's are read from it.
    public var sheets: Int?

    public init(title: String, kind: CaseDocumentKind, direction: DocumentDirection, date: CivilDate? = nil, party: String? = nil,
                language: Language? = nil, sheets: Int? = nil) {
        (self.title, self.kind, self.direction, self.date, self.party, self.language, self.sheets) =
            (title, kind, direction, date, party, language, sheets)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(title, "title")
        guard kind.isUploadable else { throw .invalidDocumentKind(kind) }
        let number = try Self.add(to: &a, title: title, kind: kind, direction: direction, date: date, party: party, language: language,
                                  sheets: sheets, context: c)
        let d = a.documents[a.documents.count - 1]
        return StepOutcome([AppealEvent(.documentAdded(DocumentAdded(d)), on: c.today)], effects: d.file.map { [.storeFile($0, content: nil)] } ?? [])
            .with(number)
    }

    /// Adds the attached file as the case's next document; the shared part of every step that takes a file.
    static func add(to a: inout Appeal, title: String, kind: CaseDocumentKind, direction: DocumentDirection, date: CivilDate?, party: String?,
                    language: Language?, sheets: Int?, context c: ProcedureContext) throws(ProcedureError) -> Int {
        guard let meta = c.attachment else { throw .fileRequired }
        let day = date ?? c.today
        guard day <= c.today, day.year >= 1991 else { throw .dateOutOfRange(day) }
        if let sheets, !(1...10_000).contains(sheets) { throw .invalidSheets(sheets) }
        let count = meta.pages ?? sheets ?? 1
        return a.addDocument(title: title.trimmingCharacters(in: .whitespacesAndNewlines), kind: kind, date: day,
                             party: DocumentWording.given(party), direction: direction, language: language, sheets: count,
                             file: meta.file, by: c.actor, on: c.today, sheetsCounted: meta.pages != nil && meta.file.mediaType == "application/pdf")
    }
}

extension StepOutcome {
    /// The outcome, naming the case document the step added (the API answers with it).
    func with(_ document: Int) -> StepOutcome {
        var o = self
        o.document = document
        return o
    }
}
