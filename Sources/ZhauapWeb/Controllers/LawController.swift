import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// The registry of normative acts over the API (R24–R29): everyone signed in reads it — the whole file, the
/// acts, a norm, the hierarchy, each item with its source and status (V, S, U); only the installation's
/// administrator replaces it, on the revision it was read at (`If-Match`), and only with a registry that has
/// no problem (every problem is listed, nothing is stored).
struct LawController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let law = routes.grouped(BearerAuthMiddleware()).grouped("law")
        law.get("registry", use: export)
        law.put("registry", use: replace)
        law.post("registry", "check", use: check)
        law.get("acts", use: acts)
        law.get("norms", ":id", use: norm)
        law.get("hierarchy", use: hierarchy)
    }

    /// The revision as the API and the pages name it: its number, or `bundled` while none was saved.
    static func label(_ revision: Int?) -> String { revision.map(String.init) ?? "bundled" }

    /// `If-Match: 3` or `If-Match: bundled` → the revision the change was made on (nil: the bundled set).
    static func expectedRevision(_ text: String?) throws -> Int?? {
        guard let text = text?.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")), !text.isEmpty else {
            return .none
        }
        if text == "bundled" { return .some(nil) }
        guard let n = Int(text), n > 0 else {
            throw APIError.invalid("If-Match", code: "invalid_value", "If-Match is the registry's revision (a number) or \"bundled\"")
        }
        return .some(n)
    }

    /// The registry file's response: the stored JSON, as a download named after its version.
    static func file(_ current: LawLibrary.Current) throws -> Response {
        let name = "law-registry-" + String(current.registry.version.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "-" }) + ".json"
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        headers.replaceOrAdd(name: "X-Registry-Revision", value: label(current.revision))
        return Response(status: .ok, headers: headers, body: .init(data: try current.registry.encoded()))
    }

    @Sendable
    func export(req: Request) async throws -> Response {
        _ = try req.actor
        return try Self.file(try await req.application.lawLibrary.current())
    }

    struct Saved: Content { var revision: String; var version: String }
    struct Problems: Content { var problems: [RegistryProblem] }

    /// The body read as a registry with every problem it has (none: it may be stored).
    static func read(_ req: Request) async throws -> Result<LawRegistry, LawError> {
        let data = try await req.body.collect(max: req.application.routes.defaultMaxBodySize.value).get()
        let library = req.application.lawLibrary
        switch LawLibrary.read(data.map { Data($0.readableBytesView) } ?? Data()) {
        case .failure(let e): return .failure(e)
        case .success(let registry):
            let problems = await library.problems(of: registry)
            return problems.isEmpty ? .success(registry) : .failure(.invalid(problems))
        }
    }

    @Sendable
    func replace(req: Request) async throws -> Response {
        let actor = try req.actor
        guard Permissions.administersInstallation(actor) else { throw LawError.forbidden }
        guard let expected = try Self.expectedRevision(req.headers.first(name: .ifMatch)) else {
            throw APIError(.preconditionRequired, code: "precondition_required",
                           detail: "send If-Match with the revision the registry was read at (X-Registry-Revision), or \"bundled\"", field: "If-Match")
        }
        let registry = try await Self.read(req).get()
        let library = req.application.lawLibrary
        let stale = APIError(.preconditionFailed, code: "revision_mismatch",
                             detail: "the registry was changed meanwhile; read it again (X-Registry-Revision) and repeat the change", field: "If-Match")
        guard try await library.current().revision == expected else { throw stale }
        let revision: Int
        do {
            revision = try await library.save(registry, expected: expected, actor: actor, at: req.application.appealService.now())
        } catch StorageError.concurrentChange { throw stale }
        req.logger.notice("law registry saved", metadata: ["revision": .stringConvertible(revision), "by": .string(actor.userID.uuidString)])
        let response = try await Saved(revision: String(revision), version: registry.version).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: "X-Registry-Revision", value: String(revision))
        return response
    }

    @Sendable
    func check(req: Request) async throws -> Problems {
        _ = try req.actor
        switch try await Self.read(req) {
        case .success: return Problems(problems: [])
        // A body that is no registry at all (not JSON, or not the registry's shape) is refused, with its problems.
        case .failure(.invalid(let problems)) where problems.contains(where: { $0.code == "invalid_json" }):
            throw LawError.invalid(problems)
        case .failure(.invalid(let problems)): return Problems(problems: problems)
        case .failure(let e): throw e
        }
    }

    struct Acts: Content { var revision: String; var version: String; var acts: [NormativeAct] }
    struct NormView: Content { var revision: String; var version: String; var norm: Norm; var act: NormativeAct? }
    struct Hierarchy: Content { var revision: String; var version: String; var levels: [LegalLevel] }

    @Sendable
    func acts(req: Request) async throws -> Acts {
        _ = try req.actor
        let c = try await req.application.lawLibrary.current()
        return Acts(revision: Self.label(c.revision), version: c.registry.version, acts: c.registry.acts)
    }

    @Sendable
    func norm(req: Request) async throws -> NormView {
        _ = try req.actor
        let c = try await req.application.lawLibrary.current()
        guard let n = c.registry.norm(req.parameters.get("id") ?? "") else {
            throw APIError(.notFound, code: "unknown_norm", detail: "no norm of the registry has this id", field: "id")
        }
        return NormView(revision: Self.label(c.revision), version: c.registry.version, norm: n, act: c.registry.act(n.act))
    }

    @Sendable
    func hierarchy(req: Request) async throws -> Hierarchy {
        _ = try req.actor
        let c = try await req.application.lawLibrary.current()
        return Hierarchy(revision: Self.label(c.revision), version: c.registry.version, levels: c.registry.hierarchy.sorted { $0.rank < $1.rank })
    }
}
