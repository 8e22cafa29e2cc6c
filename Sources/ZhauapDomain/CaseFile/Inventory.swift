import Foundation
import WorkingCalendar

/// The internal inventory of the case (ішкі тізімдеме / внутренняя опись; Documentation Rules, order
/// No. 236): each document with its number, index, date, title and sheets from–to, in order. Sheets are
/// numbered through the documents in Arabic numerals; a withdrawn document stays listed, struck through,
/// and takes no sheets.
public struct Inventory: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var document: CaseDocument
        /// The first and last sheet; nil for a withdrawn document.
        public var sheets: ClosedRange<Int>?
    }

    public var index: String
    public var lines: [Line]

    /// `sheetsOf` gives a document's sheets (the recorded count, or the count of its printed form when the
    /// whole case is printed).
    public init(_ appeal: Appeal, sheetsOf: (CaseDocument) -> Int = \.sheets) {
        index = appeal.caseFile.index
        var next = 1
        lines = appeal.documents.map { d in
            guard !d.isWithdrawn else { return Line(document: d, sheets: nil) }
            let n = max(1, sheetsOf(d))
            defer { next += n }
            return Line(document: d, sheets: next...(next + n - 1))
        }
    }

    /// The number of sheets of the case's documents (the certification sheet states it).
    public var totalSheets: Int { lines.compactMap(\.sheets).last?.upperBound ?? 0 }
    public var activeDocuments: Int { lines.filter { $0.sheets != nil }.count }
}
