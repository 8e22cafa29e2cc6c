import Vapor
import ZhauapDomain
import ZhauapService
import ZhauapStorage

extension Application {
    private struct CalendarProviderKey: StorageKey { typealias Value = CalendarProvider }
    private struct DatabaseLocationKey: StorageKey { typealias Value = DatabaseLocation }
    private struct TermRulesKey: StorageKey { typealias Value = TermRules }
    private struct ServiceKey: StorageKey { typealias Value = AppealService }
    private struct PDFRendererKey: StorageKey { typealias Value = PDFRenderer }
    private struct CaseLimitsKey: StorageKey { typealias Value = CaseFileLimits }
    private struct LawLibraryKey: StorageKey { typealias Value = LawLibrary }

    /// The registry of normative acts in force (R24–R29).
    public var lawLibrary: LawLibrary {
        get { storage[LawLibraryKey.self]! }
        set { storage[LawLibraryKey.self] = newValue }
    }

    /// How large a case document's file and a case may be.
    public var caseLimits: CaseFileLimits {
        get { storage[CaseLimitsKey.self] ?? CaseFileLimits() }
        set { storage[CaseLimitsKey.self] = newValue }
    }

    /// Prints documents to PDF (off when no Chromium is configured).
    public var pdfRenderer: PDFRenderer {
        get { storage[PDFRendererKey.self] ?? PDFRenderer(executable: nil) }
        set { storage[PDFRendererKey.self] = newValue }
    }

    public var termRules: TermRules {
        get { storage[TermRulesKey.self]! }
        set { storage[TermRulesKey.self] = newValue }
    }

    public var appealService: AppealService {
        get { storage[ServiceKey.self]! }
        set { storage[ServiceKey.self] = newValue }
    }

    /// The calendar in force (shipped data plus imported overrides), shared by all requests.
    public var calendarProvider: CalendarProvider {
        get {
            guard let p = storage[CalendarProviderKey.self] else {
                fatalError("configure(_:config:) must run before the calendar is used")
            }
            return p
        }
        set { storage[CalendarProviderKey.self] = newValue }
    }

    public var databaseLocation: DatabaseLocation {
        get { storage[DatabaseLocationKey.self] ?? .sqliteMemory }
        set { storage[DatabaseLocationKey.self] = newValue }
    }
}
