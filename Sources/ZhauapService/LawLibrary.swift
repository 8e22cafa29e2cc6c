import Foundation
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage

/// The registry of normative acts in force for the installation (R24–R29): the newest saved revision,
/// or the bundled starter set while none was saved. Kept decoded and indexed between requests; every
/// read checks the stored revision first, so instances over one database see each other's saves.
public actor LawLibrary {
    public struct Current: Sendable {
        /// nil: the bundled starter set (nothing saved yet).
        public var revision: Int?
        public var index: NormIndex
        public var registry: LawRegistry { index.registry }
    }

    let storage: any Storage
    let bundled: LawRegistry
    let termRules: TermRules
    private var cached: Current?

    public init(storage: any Storage, bundled: LawRegistry, termRules: TermRules) {
        self.storage = storage
        self.bundled = bundled
        self.termRules = termRules
    }

    public func current() async throws -> Current {
        let revision = try await storage.law.revision()
        if let cached, cached.revision == revision { return cached }
        let registry = try await storage.law.registry()
        let fresh = Current(revision: registry?.revision, index: NormIndex(registry?.registry ?? bundled))
        cached = fresh
        return fresh
    }

    /// Every problem of a registry before it may be saved (its own and its agreement with the term rules).
    public func problems(of registry: LawRegistry) -> [RegistryProblem] { registry.problems(termRules: termRules) }

    /// Saves a new revision when the registry has no problem: only the installation's administrator
    /// (the law is the country's, not one body's). `expected`: the revision the change was made on.
    @discardableResult
    public func save(_ registry: LawRegistry, expected: Int?, actor: Actor, at: Date) async throws -> Int {
        guard actor.roles.contains(.installationAdmin) else { throw LawError.forbidden }
        let problems = problems(of: registry)
        guard problems.isEmpty else { throw LawError.invalid(problems) }
        let revision = try await storage.transaction { tx in try await tx.law.save(registry, expectedRevision: expected, by: actor.userID, at: at) }
        cached = nil
        return revision
    }

    /// Reads a registry file: a JSON document that decodes, then has no problem. All problems are listed.
    public static func read(_ data: Data) -> Result<LawRegistry, LawError> {
        do { return .success(try LawRegistry.decode(data)) } catch let e as DecodingError {
            let c: DecodingError.Context? = switch e {
            case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): c
            @unknown default: nil
            }
            let path = c?.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." } ?? ""
            return .failure(.invalid([RegistryProblem("invalid_json", String(path), c?.debugDescription ?? "the file is not a registry")]))
        } catch {
            return .failure(.invalid([RegistryProblem("invalid_json", "", "the file is not JSON")]))
        }
    }
}

public enum LawError: Error, Sendable, Equatable {
    /// Only the installation's administrator edits the registry.
    case forbidden
    /// The registry has problems; nothing was stored.
    case invalid([RegistryProblem])
    /// An act or a norm the request names is not in the registry.
    case notFound
}
