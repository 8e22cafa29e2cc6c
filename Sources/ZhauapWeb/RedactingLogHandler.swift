import Foundation
import Logging

/// Wraps the log handler every logger of the process gets (`LoggingSystem.bootstrap` in the command line):
/// - the databases' bound values (`binds`, `psql_binds`: IINs, names, essences) are replaced by how many
///   there were, at every level — the statements themselves stay, so debug logs still show the SQL;
/// - control characters in the message and the metadata are escaped (a line break is written `\u{0A}`), so no logged value —
///   a path, a header — can start a line of its own and forge an entry.
public struct RedactingLogHandler: LogHandler {
    public var inner: any LogHandler
    static let redactedKeys: Set<String> = ["binds", "psql_binds", "sqlite_binds"]

    public init(_ inner: any LogHandler) { self.inner = inner }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: Self.escape(event.message.description))
        event.metadata = event.metadata.map(Self.clean)
        inner.log(event: event)
    }

    static func clean(_ metadata: Logger.Metadata) -> Logger.Metadata {
        var out: Logger.Metadata = [:]
        for (key, value) in metadata {
            if redactedKeys.contains(key) {
                let count = if case .array(let a) = value { a.count } else { 1 }
                out[Self.escape(key)] = .string("[\(count) redacted]")
            } else {
                out[Self.escape(key)] = clean(value)
            }
        }
        return out
    }

    static func clean(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let s): .string(escape(s))
        case .stringConvertible(let c): .string(escape(c.description))
        case .array(let a): .array(a.map(clean))
        case .dictionary(let d): .dictionary(clean(d))
        }
    }

    /// Every control character (C0, DEL, C1, line and paragraph separators) as a visible escape (`\u{0A}`).
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            if needsEscape(u) { out += String(format: "\\u{%02X}", u.value) } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }
}
