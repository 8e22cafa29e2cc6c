import Foundation
import WorkingCalendar

/// R13: the case was handed over — printed whole and packed with its original files. The export's files
/// are kept (content-addressed) and its hashes go on the trail, so the case as handed over can be proved
/// later. Taken by the server when it has made the export, never sent as an action.
public struct RecordExport: ProcedureStep {
    public static let action = Action.recordExport
    public static let allowedIn = Set(AppealState.allCases)
    public static let who: Who = [.registrar, .assignedExecutor, .head, .administrator]
    public static let viaActions = false

    public var language: Language
    public var documents: Int
    public var sheets: Int
    public var manifestSHA256: String
    public var pdf: StoredFile
    public var zip: StoredFile
    public var trailHead: String

    public init(language: Language, documents: Int, sheets: Int, manifestSHA256: String, pdf: StoredFile, zip: StoredFile, trailHead: String) {
        (self.language, self.documents, self.sheets, self.manifestSHA256, self.pdf, self.zip, self.trailHead) =
            (language, documents, sheets, manifestSHA256, pdf, zip, trailHead)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        let e = CaseExport(number: (a.exports.last?.number ?? 0) + 1, language: language, exportedOn: c.today, exportedBy: c.actor.userID,
                           exportedByName: c.actor.name, documents: documents, sheets: sheets, manifestSHA256: manifestSHA256, pdf: pdf,
                           zip: zip, trailHead: trailHead)
        a.exports.append(e)
        let event = CaseExported(number: e.number, language: language, documents: documents, sheets: sheets, manifestSha256: manifestSHA256,
                                 pdfSha256: pdf.sha256, zipSha256: zip.sha256, trailHead: trailHead)
        return StepOutcome([AppealEvent(.caseExported(event), on: c.today)], effects: [.storeFile(pdf, content: nil), .storeFile(zip, content: nil)])
    }
}
