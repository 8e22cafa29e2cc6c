import Foundation
import Fluent
import Leaf
import LeafKit
import Vapor
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// Builds the application: database, migrations, views, middleware, routes. Does not migrate or start
/// serving; the caller decides (the `serve` command migrates first, tests migrate an in-memory database).
/// `now` is the installation's one clock (tests pin it); every "now" and "today" is read from it.
public func configure(_ app: Application, config: AppConfig, now: @escaping @Sendable () -> Date = Date.init) throws {
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info

    app.databaseLocation = config.database
    app.databases.use(try config.database.configurationFactory(), as: config.database.databaseID)
    app.migrations.add(ZhauapMigrations.all)
    app.calendarProvider = CalendarProvider(store: FluentCalendarOverrideStore(database: app.db))
    app.termRules = try TermRules.bundled()
    // SQLite takes one writer at a time: its writes queue through group commit (one durable commit for the
    // registrations that arrive together); PostgreSQL locks rows itself.
    let sqlite = config.database.kind == "sqlite"
    let storage = FluentStorage(database: app.db, groupCommit: sqlite)
    var service = AppealService(storage: storage, calendars: app.calendarProvider, rules: app.termRules, serializeWrites: false, now: now)
    app.lawLibrary = LawLibrary(storage: storage, bundled: try LawRegistry.bundled(), termRules: app.termRules)
    service.law = app.lawLibrary
    if let rules = config.hearingRules { service.hearingRules = rules }
    let metrics = app.metrics
    service.observer = { metrics.observe($0) }
    app.appealService = service
    app.pdfRenderer = PDFRenderer(executable: config.chromium)
    app.caseLimits = config.caseLimits
    app.passwords.use(.bcrypt)
    app.strings = try Strings.load()
    app.assets = try Assets.load()
    app.trustedProxies = config.trustedProxies
    app.lifecycle.use(StorageShutdown(storage: storage))
    if let c = config.checkpoints { app.lifecycle.use(CheckpointSchedule(key: c.key, directory: c.directory)) }
    WebSession.configure(app, secure: config.servedOverTLS)

    // Views ship as a resource of this module. The installation may sit under a hidden directory
    // (`.build/`), so only the sandbox limit applies, not Leaf's "visible files" limit.
    if let views = Bundle.module.resourceURL?.appendingPathComponent("Views").path {
        app.directory.viewsDirectory = views + "/"
        app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                      sandboxDirectory: views, viewDirectory: views))
    }
    app.views.use(.leaf)

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)

    app.routes.defaultMaxBodySize = "1mb"
    app.middleware = .init()
    app.middleware.use(SafeRequestLogging())
    app.middleware.use(MetricsMiddleware(metrics: metrics))
    app.middleware.use(SecurityHeadersMiddleware(strictTransport: config.servedOverTLS))
    app.middleware.use(ProblemMiddleware())
    app.middleware.use(ControlCharacterGuard())
    if let guardian = SchemaGuard(document: OpenAPIController.document) { app.middleware.use(guardian) }

    try routes(app)
    try app.register(collection: MetricsController(metrics: metrics, token: config.metricsToken))
    app.middleware.use(MethodNotAllowed(app.routes))
}

/// Migrates the database and prepares SQLite for durable writes (WAL, synchronous=FULL). Several
/// instances starting at once over one PostgreSQL may race to migrate: the loser retries and then finds
/// the work done.
public func prepareDatabase(_ app: Application) async throws {
    // One SQLite connection per event loop: each gets the pragmas (a writer on one waits for the other's commit).
    for loop in app.eventLoopGroup.makeIterator() {
        try await DatabaseHealth.prepareSQLite(app.databases.database(app.databaseLocation.databaseID, logger: app.logger, on: loop)!)
    }
    var attempt = 0
    while true {
        do {
            try await app.autoMigrate()
            return
        } catch {
            attempt += 1
            guard app.databaseLocation.kind == "postgres", attempt < 10 else { throw error }
            app.logger.notice("migration raced with another instance; retrying (\(attempt))")
            try await Task.sleep(for: .milliseconds(300 * attempt))
        }
    }
}

func routes(_ app: Application) throws {
    try app.register(collection: HealthController())
    try app.register(collection: HomeController())
    let api = app.grouped("api", "v1")
    try api.register(collection: TermsController())
    let throttle = SignInThrottle()
    try api.register(collection: AuthController(throttle: throttle))
    try app.register(collection: SessionController(throttle: throttle, sessions: app.webSessions))
    try app.register(collection: PagesController(throttle: throttle, sessions: app.webSessions))
    try app.register(collection: AppealPagesController(sessions: app.webSessions))
    try app.register(collection: CaseFilePagesController(sessions: app.webSessions))
    try app.register(collection: LawPagesController(sessions: app.webSessions))
    try app.register(collection: HearingPagesController(sessions: app.webSessions))
    try app.register(collection: ActPagesController(sessions: app.webSessions))
    try app.register(collection: AccountPagesController(sessions: app.webSessions))
    try app.register(collection: HeadPagesController(sessions: app.webSessions))
    try app.register(collection: AssetsController(assets: app.assets))
    try app.register(collection: AdminPagesController(sessions: app.webSessions))
    try app.register(collection: AdminOrganisationPagesController(sessions: app.webSessions))
    try app.register(collection: AdminLawPagesController(sessions: app.webSessions))
    try api.register(collection: AppealsController())
    try api.register(collection: OpenAPIController())
    try api.register(collection: DocumentsController())
    try api.register(collection: CaseFileController())
    try api.register(collection: SearchController())
    try api.register(collection: CaseLawController())
    try api.register(collection: HearingController())
    try api.register(collection: ActController())
    try api.register(collection: LawController())
    try api.register(collection: ActCheckController())
}
