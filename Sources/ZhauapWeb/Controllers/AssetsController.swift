import Crypto
import Foundation
import Vapor

/// The stylesheets (and the print button's script), read once at start-up and served from memory with long caching: pages link them with
/// `?v=` set to a hash of their content, so a new release is fetched at once and an old one never is.
struct Assets: Sendable {
    struct File: Sendable { var data: Data; var contentType: HTTPMediaType }
    let files: [String: File]
    /// A short hash of every asset together: the `v` the pages link with.
    let version: String

    static func load() throws -> Assets {
        guard let dir = Bundle.module.resourceURL?.appendingPathComponent("Assets") else { throw CocoaError(.fileNoSuchFile) }
        var files: [String: File] = [:]
        var all = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".css") || name.hasSuffix(".js") {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            let type = name.hasSuffix(".js") ? HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
                                             : HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            files[name] = File(data: data, contentType: type)
            all.append(data)
        }
        let version = SHA256.hash(data: all).prefix(6).map { String(format: "%02x", $0) }.joined()
        return Assets(files: files, version: version)
    }
}

/// `GET /assets/{name}`.
struct AssetsController: RouteCollection {
    let assets: Assets

    func boot(routes: any RoutesBuilder) throws {
        routes.get("assets", ":name", use: asset)
    }

    @Sendable
    func asset(req: Request) async throws -> Response {
        guard let name = req.parameters.get("name"), let file = assets.files[name] else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = file.contentType
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        headers.replaceOrAdd(name: .eTag, value: "\"\(assets.version)\"")
        return Response(status: .ok, headers: headers, body: .init(data: file.data))
    }
}

extension Application {
    private struct AssetsKey: StorageKey { typealias Value = Assets }

    var assets: Assets {
        get { storage[AssetsKey.self] ?? Assets(files: [:], version: "0") }
        set { storage[AssetsKey.self] = newValue }
    }
}
