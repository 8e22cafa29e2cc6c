import Foundation

/// A full-text search of one body's appeals: every word must be found (each word a set of stems, any of
/// which will do — `SearchText.words`), within the worklist's filters (`filter`: body, executor, state,
/// kind, due range; its sort and limit are not used). Ranked by relevance, newest first on equal rank.
public struct AppealSearch: Sendable, Hashable {
    public var filter: WorklistQuery
    public var words: [[String]]
    public var limit: Int
    public var offset: Int

    /// The most matches a search ranks: a query matching more appeals (after the filters) is ranked among
    /// its newest `rankedWindow` matches, so a common word costs the same however many appeals hold it.
    public static let rankedWindow = 1000

    /// The length (in stems) of a typical index row — number, applicant, a paragraph of essence — against
    /// which the rank weighs a row's length: a word found as often in a shorter row ranks that row higher.
    public static let typicalStemCount = 100

    public init(filter: WorklistQuery, words: [[String]], limit: Int = 20, offset: Int = 0) {
        (self.filter, self.words, self.limit, self.offset) = (filter, words, limit, offset)
    }
}

/// An appeal a search found: its worklist row, the essence (for the snippet) and its relevance (higher
/// first; comparable within one answer only).
public struct SearchHit: Sendable, Hashable {
    public var row: WorklistRow
    public var essence: String?
    public var rank: Double

    public init(row: WorklistRow, essence: String?, rank: Double) {
        (self.row, self.essence, self.rank) = (row, essence, rank)
    }
}
