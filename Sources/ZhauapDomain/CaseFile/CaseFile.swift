import Foundation
import WorkingCalendar

/// The administrative case (әкімшілік іс / административное дело) of an appeal (APPC 69, R10–R12): opened at
/// registration under the body's annual nomenclature, closed with the day the procedure ends.
public struct CaseFile: Sendable, Hashable, Codable {
    /// The unit code and the serial number (`03-12`), per the Documentation Rules (order No. 236 of 25 Aug 2023).
    public var index: String
    public var titleKk: String
    public var titleRu: String
    public var openedOn: CivilDate
    public var closedOn: CivilDate?
    /// The organisation's unit that keeps the case and the retention period, as the nomenclature gives them.
    public var unitKk: String?
    public var unitRu: String?
    public var retentionKk: String
    public var retentionRu: String

    public init(index: String, titleKk: String, titleRu: String, openedOn: CivilDate, closedOn: CivilDate? = nil, unitKk: String? = nil,
                unitRu: String? = nil, retentionKk: String, retentionRu: String) {
        (self.index, self.titleKk, self.titleRu, self.openedOn, self.closedOn) = (index, titleKk, titleRu, openedOn, closedOn)
        (self.unitKk, self.unitRu, self.retentionKk, self.retentionRu) = (unitKk, unitRu, retentionKk, retentionRu)
    }

    public func title(_ lang: Language) -> String { lang == .ru ? titleRu : titleKk }
    public func retention(_ lang: Language) -> String { lang == .ru ? retentionRu : retentionKk }
    public func unit(_ lang: Language) -> String? { lang == .ru ? (unitRu ?? unitKk) : unitKk }

    /// The case an appeal opens at registration (R12): index from the nomenclature, title from the number.
    public static func open(number: String, sequence: Int, on day: CivilDate, nomenclature n: CaseNomenclature) -> CaseFile {
        CaseFile(index: "\(n.unitCode)-\(sequence)", titleKk: "№ \(number) жолданым бойынша әкімшілік іс",
                 titleRu: "Административное дело по обращению № \(number)", openedOn: day, unitKk: n.unitKk, unitRu: n.unitRu,
                 retentionKk: n.retentionKk, retentionRu: n.retentionRu)
    }
}

/// A body's annual case nomenclature as far as the appeals' cases need it: the unit code the case indexes
/// start with, the unit's name and the retention period. Edited by the body's administrator per year.
public struct CaseNomenclature: Sendable, Hashable, Codable {
    public var unitCode: String
    public var unitKk: String?
    public var unitRu: String?
    public var retentionKk: String
    public var retentionRu: String

    public init(unitCode: String, unitKk: String? = nil, unitRu: String? = nil, retentionKk: String, retentionRu: String) {
        (self.unitCode, self.unitKk, self.unitRu, self.retentionKk, self.retentionRu) = (unitCode, unitKk, unitRu, retentionKk, retentionRu)
    }

    /// Until the administrator sets the year's nomenclature. The retention of citizens' appeals is taken as
    /// 5 years [U: the list of standard documents with retention periods was not found; confirm locally].
    public static let standard = CaseNomenclature(unitCode: "01", retentionKk: "5 жыл", retentionRu: "5 лет")

    /// The years an administrator may set a nomenclature for.
    public static let years = 2000...2100

    /// What is wrong with a nomenclature an administrator typed (R12), named so a page or the command line
    /// can say it; empty when it may be stored.
    public enum Problem: String, Sendable, Hashable, CaseIterable {
        case unitCode = "unit_code"
        case retention
        case year
    }

    /// The nomenclature the administrator typed, its texts trimmed and empty names dropped, or the problems.
    public static func checked(year: Int?, unitCode: String, unitKk: String?, unitRu: String?, retentionKk: String, retentionRu: String)
        -> Result<CaseNomenclature, ProblemList> {
        func clean(_ s: String?) -> String? {
            let t = (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty || t.count > 200 ? nil : t
        }
        var problems: [Problem] = []
        if year.map({ !years.contains($0) }) ?? true { problems.append(.year) }
        let code = unitCode.trimmingCharacters(in: .whitespacesAndNewlines)
        if !isValidUnitCode(code) { problems.append(.unitCode) }
        guard let kk = clean(retentionKk), let ru = clean(retentionRu) else { return .failure(ProblemList(problems + [.retention])) }
        guard problems.isEmpty else { return .failure(ProblemList(problems)) }
        return .success(CaseNomenclature(unitCode: code, unitKk: clean(unitKk), unitRu: clean(unitRu), retentionKk: kk, retentionRu: ru))
    }

    public struct ProblemList: Error, Sendable, Hashable {
        public var problems: [Problem]
        init(_ p: [Problem]) { problems = p }
    }

    /// A unit code is one to ten letters, digits, dots or dashes (`03`, `04.1`).
    public static func isValidUnitCode(_ code: String) -> Bool {
        (1...10).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }
}

/// Which way a document of the case went.
public enum DocumentDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case incoming
    case `internal`
    case outgoing
}

/// What a document of the case is.
public enum CaseDocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The appeal itself, as its registration card (the first document of every case).
    case registrationCard = "registration_card"
    /// A file the applicant brought with the appeal or later.
    case applicantFile = "applicant_file"
    /// Evidence, from the applicant or gathered by the body (R23).
    case evidence
    /// A document the body generated and sent, frozen as sent (coupon, notices, the answer).
    case generated
    /// A request to another body for assistance (R22).
    case requestLetter = "request_letter"
    /// Another body's answer to a request for assistance.
    case requestAnswer = "request_answer"
    /// An expert's opinion (R23).
    case expertOpinion = "expert_opinion"
    /// A note or memorandum inside the body.
    case note
    /// The later stages' documents.
    case draftDecision = "draft_decision"
    case hearingProtocol = "hearing_protocol"
    /// A participant's objection to the draft decision (APPC 73(3)).
    case objection
    case administrativeAct = "administrative_act"
    case other

    /// Kinds a person may add by upload; the others are produced by the procedure itself.
    public var isUploadable: Bool {
        switch self {
        case .registrationCard, .generated: false
        default: true
        }
    }
}

/// A file kept in the database under its SHA-256 (content-addressed: the same bytes are stored once).
public struct StoredFile: Sendable, Hashable, Codable {
    public var sha256: String
    public var mediaType: String
    public var size: Int
    /// The name it came with, for the download (never used to decide its type).
    public var name: String

    public init(sha256: String, mediaType: String, size: Int, name: String) {
        (self.sha256, self.mediaType, self.size, self.name) = (sha256, mediaType, size, name)
    }
}

/// A document withdrawn from the case: it stays listed, struck through, with why (never deleted).
public struct Withdrawal: Sendable, Hashable, Codable {
    public var reason: String
    public var on: CivilDate
    public var by: UUID
}

/// One document of the case, numbered in the order it joined (R11, R13).
public struct CaseDocument: Sendable, Hashable, Codable {
    public var number: Int
    public var title: String
    public var kind: CaseDocumentKind
    /// The document's own date (of the letter, the opinion …); the day it joined the case otherwise.
    public var date: CivilDate
    /// From whom (incoming) or to whom (outgoing).
    public var party: String?
    public var direction: DocumentDirection
    public var language: Language?
    /// Its sheets: a PDF's page count read from the file, an image's one, otherwise as stated.
    public var sheets: Int
    /// Nil only for the registration card, which is the appeal's own registration data.
    public var file: StoredFile?
    /// For a generated document: which one, in which language.
    public var generated: OutgoingDocument?
    public var addedBy: UUID
    public var addedByName: String
    public var addedOn: CivilDate
    public var withdrawal: Withdrawal?
    /// True when `sheets` was read from the file itself (a PDF's page count), not stated.
    public var sheetsCounted: Bool?

    public init(number: Int, title: String, kind: CaseDocumentKind, date: CivilDate, party: String?, direction: DocumentDirection,
                language: Language?, sheets: Int, file: StoredFile?, generated: OutgoingDocument? = nil, addedBy: UUID, addedByName: String,
                addedOn: CivilDate, withdrawal: Withdrawal? = nil) {
        (self.number, self.title, self.kind, self.date, self.party, self.direction) = (number, title, kind, date, party, direction)
        (self.language, self.sheets, self.file, self.generated, self.addedBy, self.addedByName) = (language, sheets, file, generated, addedBy, addedByName)
        (self.addedOn, self.withdrawal) = (addedOn, withdrawal)
    }

    public var isWithdrawn: Bool { withdrawal != nil }
}

/// A file handed to a step that adds a document: what the server read from the bytes themselves.
public struct FileMeta: Sendable, Hashable {
    public var file: StoredFile
    /// A PDF's page count read from the file; nil when the type has no page count of its own.
    public var pages: Int?

    public init(file: StoredFile, pages: Int?) {
        self.file = file
        self.pages = pages
    }
}

extension Appeal {
    /// Adds a document as the case's next number and returns that number (R13: nothing is lost, all in order).
    @discardableResult
    mutating func addDocument(title: String, kind: CaseDocumentKind, date: CivilDate, party: String?, direction: DocumentDirection,
                              language: Language?, sheets: Int, file: StoredFile?, generated: OutgoingDocument? = nil,
                              by actor: Actor, on day: CivilDate, sheetsCounted: Bool = false) -> Int {
        let number = (documents.last?.number ?? 0) + 1
        var d = CaseDocument(number: number, title: title, kind: kind, date: date, party: party, direction: direction, language: language,
                             sheets: sheets, file: file, generated: generated, addedBy: actor.userID, addedByName: actor.name, addedOn: day)
        d.sheetsCounted = sheetsCounted ? true : nil
        documents.append(d)
        return number
    }

    /// The document of this number, if the case has it.
    public func document(_ number: Int) -> CaseDocument? { documents.first { $0.number == number } }
}

extension Appeal {
    /// Adds a copy of another case's document as received here (a request letter arriving at the addressed body,
    /// the Russian version of an answer): same file, incoming, from `party`.
    public mutating func addDocumentAsReceived(_ d: CaseDocument, file: StoredFile, from party: String, by actor: Actor, on day: CivilDate,
                                               language: Language? = nil) -> Int {
        addDocument(title: d.title, kind: d.kind == .requestLetter ? .applicantFile : d.kind, date: d.date, party: party, direction: .incoming,
                    language: language ?? d.language, sheets: d.sheets, file: file, by: actor, on: day)
    }
}
