import Foundation
import ZhauapDomain
import ZhauapStorage

/// Everything Zhauap reads from its environment, read once at start-up. Every invalid variable is
/// reported at once, so an operator fixes the configuration in one go.
public struct AppConfig: Sendable, Equatable {
    public var database: DatabaseLocation
    public var host: String
    public var port: Int
    public var logLevel: String
    /// The Chromium that prints documents to PDF; nil turns PDF output off.
    public var chromium: String?
    /// The address people reach the server at. With `https://` (TLS here or at a proxy in front) cookies
    /// are `Secure` and browsers are told to keep to HTTPS (HSTS).
    public var publicURL: String?
    /// Proxies whose `X-Forwarded-For` names the client (`TRUSTED_PROXIES`); nobody else's is believed.
    public var trustedProxies: TrustedProxies = .none
    /// The checkpoint signing key file and the directory the server writes a signed checkpoint to daily
    /// (`CHECKPOINT_KEY`, `CHECKPOINT_DIR`); both or neither.
    public var checkpoints: (key: String, directory: String)? {
        get { checkpointKey.flatMap { k in checkpointDirectory.map { (k, $0) } } }
        set { checkpointKey = newValue?.key; checkpointDirectory = newValue?.directory }
    }
    var checkpointKey: String?
    /// With it, `GET /metrics` answers a bearer of this token from anywhere; without it, loopback only.
    public var metricsToken: String?
    var checkpointDirectory: String?
    /// The largest file and the most a case may hold (`MAX_FILE_MB`, `MAX_CASE_MB`).
    public var caseLimits = CaseFileLimits()
    /// The hearing rules an administrator gave (`HEARING_RULES`); nil: the shipped ones.
    public var hearingRules: HearingRules?
    public var servedOverTLS: Bool { publicURL?.lowercased().hasPrefix("https://") == true }

    public init(database: DatabaseLocation, host: String, port: Int, logLevel: String, chromium: String? = nil, publicURL: String? = nil) {
        self.publicURL = publicURL
        self.database = database
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.chromium = chromium
    }

    /// The variables, their defaults and meaning (printed in the README's configuration table).
    public static let variables: [(name: String, defaultValue: String, meaning: String)] = [
        ("DATABASE_URL", "sqlite://zhauap.sqlite", "sqlite:///abs/path, sqlite://rel/path, sqlite::memory: or postgres://user:pass@host:5432/db"),
        ("HOST", "127.0.0.1", "address the HTTP server binds to"),
        ("PORT", "8080", "TCP port of the HTTP server (1–65535)"),
        ("LOG_LEVEL", "info", "trace, debug, info, notice, warning, error or critical"),
        ("CHROMIUM_PATH", "found in /usr/bin", "Chromium that prints documents to PDF; `off` turns PDF output off"),
        ("PUBLIC_URL", "(none)", "the address people use, e.g. https://otinish.example.kz; https makes cookies Secure and sends HSTS"),
        ("CHECKPOINT_KEY", "(none)", "the key file from `zhauap audit keygen`; with CHECKPOINT_DIR the server signs a checkpoint daily"),
        ("CHECKPOINT_DIR", "(none)", "the directory, outside the database, that daily signed checkpoints are written to"),
        ("METRICS_TOKEN", "(none)", "a bearer token for GET /metrics from other machines; without it /metrics answers loopback only"),
        ("TRUSTED_PROXIES", "(none)", "comma-separated addresses or prefixes (127.0.0.1, 10.0.0.0/8) of proxies whose X-Forwarded-For names the client"),
        ("MAX_FILE_MB", "20", "the largest file a case document may be, in megabytes (1–200)"),
        ("MAX_CASE_MB", "200", "the most the files of one case may hold together, in megabytes (at least MAX_FILE_MB, at most 4000)"),
        ("HEARING_RULES", "(shipped)", "a hearing rules file (the format of Resources/hearing-rules.json, `zhauap hearing-rules export`) used instead of the shipped rules"),
    ]

    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    public static func load(from env: [String: String]) -> Result<AppConfig, ConfigError> {
        var problems: [String] = []
        var database = DatabaseLocation.sqliteFile(path: DatabaseLocation.defaultSQLitePath)
        if let url = env["DATABASE_URL"], !url.isEmpty {
            switch DatabaseLocation.parse(url) {
            case .success(let d): database = d
            case .failure(let e): problems.append("DATABASE_URL: \(e.description)")
            }
        }
        let host = env["HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        var port = 8080
        if let text = env["PORT"], !text.isEmpty {
            if let p = Int(text), (1...65535).contains(p) { port = p } else { problems.append("PORT: \"\(text)\" is not a port number 1–65535") }
        }
        var logLevel = "info"
        if let text = env["LOG_LEVEL"], !text.isEmpty {
            if logLevels.contains(text.lowercased()) { logLevel = text.lowercased() } else {
                problems.append("LOG_LEVEL: \"\(text)\" is not one of \(logLevels.joined(separator: ", "))")
            }
        }
        var chromium = PDFRenderer.detect()
        if let text = env["CHROMIUM_PATH"], !text.isEmpty {
            if text == "off" {
                chromium = nil
            } else if FileManager.default.isExecutableFile(atPath: text) {
                chromium = text
            } else {
                problems.append("CHROMIUM_PATH: \"\(text)\" is not an executable file (or write off)")
            }
        }
        var publicURL: String? = nil
        if let text = env["PUBLIC_URL"], !text.isEmpty {
            if let u = URLComponents(string: text), ["http", "https"].contains(u.scheme?.lowercased() ?? ""), u.host?.isEmpty == false {
                publicURL = text
            } else {
                problems.append("PUBLIC_URL: \"\(text)\" is not an http:// or https:// address")
            }
        }
        var proxies = TrustedProxies.none
        if let text = env["TRUSTED_PROXIES"], !text.isEmpty {
            switch TrustedProxies.parse(text) {
            case .success(let p): proxies = p
            case .failure(let bad): problems.append("TRUSTED_PROXIES: \"\(bad.entry)\" is not an IP address or prefix (10.0.0.0/8)")
            }
        }
        let key = env["CHECKPOINT_KEY"].flatMap { $0.isEmpty ? nil : $0 }, dir = env["CHECKPOINT_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        if (key == nil) != (dir == nil) { problems.append("CHECKPOINT_KEY and CHECKPOINT_DIR: give both or neither") }
        if let t = env["METRICS_TOKEN"], !t.isEmpty, t.utf8.count < 16 { problems.append("METRICS_TOKEN: at least 16 characters") }
        if let key {
            do { _ = try CheckpointKey.load(key) } catch { problems.append("CHECKPOINT_KEY: \(error)") }
        }
        var limits = CaseFileLimits()
        if let text = env["MAX_FILE_MB"], !text.isEmpty {
            if let n = Int(text), (1...200).contains(n) { limits.fileMB = n } else { problems.append("MAX_FILE_MB: \"\(text)\" is not a number 1–200") }
        }
        if let text = env["MAX_CASE_MB"], !text.isEmpty {
            if let n = Int(text), (limits.fileMB...4000).contains(n) { limits.caseMB = n }
            else { problems.append("MAX_CASE_MB: \"\(text)\" is not a number from MAX_FILE_MB (\(limits.fileMB)) to 4000") }
        } else if limits.caseMB < limits.fileMB { limits.caseMB = limits.fileMB }
        var hearingRules: HearingRules? = nil
        if let path = env["HEARING_RULES"], !path.isEmpty {
            if let data = FileManager.default.contents(atPath: path) {
                switch HearingRules.read(data) {
                case .success(let r): hearingRules = r
                case .failure(let p): problems += p.list.map { "HEARING_RULES: \($0)" }
                }
            } else {
                problems.append("HEARING_RULES: cannot read \(path)")
            }
        }
        guard problems.isEmpty else { return .failure(ConfigError(problems: problems)) }
        var config = AppConfig(database: database, host: host, port: port, logLevel: logLevel, chromium: chromium, publicURL: publicURL)
        config.trustedProxies = proxies
        config.checkpointKey = key
        config.metricsToken = env["METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        config.checkpointDirectory = dir
        config.caseLimits = limits
        config.hearingRules = hearingRules
        return .success(config)
    }
}

/// How large a case document's file and a whole case may be.
public struct CaseFileLimits: Sendable, Equatable {
    public var fileMB = 20
    public var caseMB = 200
    public var fileBytes: Int { fileMB * 1_048_576 }
    public var caseBytes: Int { caseMB * 1_048_576 }
    public init(fileMB: Int = 20, caseMB: Int = 200) { (self.fileMB, self.caseMB) = (fileMB, caseMB) }
}

public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { "invalid configuration:\n- " + problems.joined(separator: "\n- ") }
}
