import CoreMetrics
import Fluent
import Foundation
import Metrics
import Prometheus
import Vapor
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// The installation's metrics in Prometheus' text format (`GET /metrics`), through swift-metrics backed by
/// swift-prometheus on a registry of this application's own. Labels are route patterns (`/api/v1/appeals/:id`),
/// methods, statuses, step names, channels and body codes — never a path with an id or code in it, never
/// personal data.
final class ZhauapMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory

    init() {
        var f = PrometheusMetricsFactory(registry: registry)
        f.defaultDurationHistogramBuckets = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
                                             .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                             .seconds(2), .seconds(5), .seconds(10)]
        factory = f
    }

    func request(method: String, route: String, status: UInt, seconds: Double) {
        Counter(label: "zhauap_http_requests_total", dimensions: [("method", method), ("route", route), ("status", String(status))],
                factory: factory).increment()
        Metrics.Timer(label: "zhauap_http_request_duration_seconds", dimensions: [("method", method), ("route", route)],
                      factory: factory).recordNanoseconds(Int64(seconds * 1e9))
    }

    func observe(_ o: AppealService.Observation) {
        switch o {
        case .registered(let channel, let seconds):
            Counter(label: "zhauap_registrations_total", dimensions: [("channel", channel)], factory: factory).increment()
            Metrics.Timer(label: "zhauap_db_transaction_seconds", dimensions: [("operation", "register")], factory: factory)
                .recordNanoseconds(Int64(seconds * 1e9))
        case .performed(let action, let seconds):
            Counter(label: "zhauap_steps_total", dimensions: [("action", action)], factory: factory).increment()
            Metrics.Timer(label: "zhauap_db_transaction_seconds", dimensions: [("operation", "step")], factory: factory)
                .recordNanoseconds(Int64(seconds * 1e9))
        }
    }

    func pdf(seconds: Double, ok: Bool) {
        Metrics.Timer(label: "zhauap_pdf_seconds", dimensions: [("outcome", ok ? "printed" : "failed")], factory: factory)
            .recordNanoseconds(Int64(seconds * 1e9))
    }

    /// The terms due today and overdue in each body, read from the database at each scrape.
    func scrape(_ app: Application) async throws -> String {
        let store = FluentAppealStore(database: app.db)
        for body in try await FluentOrganisationStore(database: app.db).bodies() {
            let today = RegistrationDay.local(app.appealService.now(), timeZone: body.timeZone).date
            let due = try await store.termsDue(bodyID: body.id, today: today)
            Gauge(label: "zhauap_terms_due_today", dimensions: [("body", body.code)], factory: factory).record(due.today)
            Gauge(label: "zhauap_terms_overdue", dimensions: [("body", body.code)], factory: factory).record(due.overdue)
        }
        return registry.emitToString()
    }
}

/// Counts every request by its route pattern and status, with its duration.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: ZhauapMetrics

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: req)
        } catch {
            metrics.request(method: req.method.rawValue, route: Self.route(req), status: (error as? any AbortError)?.status.code ?? 500,
                            seconds: Self.seconds(since: start))
            throw error
        }
        metrics.request(method: req.method.rawValue, route: Self.route(req), status: response.status.code, seconds: Self.seconds(since: start))
        return response
    }

    /// The matched route's pattern (`/api/v1/appeals/:id`), or `unmatched` — never the path as sent.
    static func route(_ req: Request) -> String {
        guard let route = req.route else { return "unmatched" }
        return "/" + route.path.map { c in
            switch c {
            case .constant(let s): s
            case .parameter(let p): ":" + p
            case .anything: "*"
            case .catchall: "**"
            }
        }.joined(separator: "/")
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// `GET /metrics`: with `METRICS_TOKEN` set, for a bearer of that token from anywhere; without it, for the
/// machine itself only (loopback) — anyone else gets 404, as if there were no such page.
struct MetricsController: RouteCollection {
    let metrics: ZhauapMetrics
    let token: String?

    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: show)
    }

    @Sendable
    func show(req: Request) async throws -> Response {
        let allowed: Bool
        if let token {
            let sent = req.headers.bearerAuthorization?.token ?? ""
            allowed = sent.utf8.count == token.utf8.count && zip(sent.utf8, token.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
        } else {
            let peer = req.remoteAddress?.ipAddress ?? ""
            allowed = peer == "127.0.0.1" || peer == "::1" || req.remoteAddress == nil  // nil: the in-process test client
        }
        guard allowed else { throw Abort(.notFound) }
        let text = try await metrics.scrape(req.application)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = ZhauapMetrics }

    var metrics: ZhauapMetrics {
        get {
            if let m = storage[MetricsKey.self] { return m }
            let m = ZhauapMetrics()
            storage[MetricsKey.self] = m
            return m
        }
        set { storage[MetricsKey.self] = newValue }
    }
}
