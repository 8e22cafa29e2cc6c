import Crypto
import Foundation

/// A signed statement of where every trail and every chain of registrations stood at a moment (R45),
/// written outside the database. Someone who can write the database cannot rewrite a checkpoint without
/// the installation's private key, which the database never holds; `zhauap audit verify --checkpoints DIR`
/// then names every appeal changed, deleted or rolled back since.
public struct Checkpoint: Sendable, Equatable, Codable {
    public static let format = 1
    public var format: Int
    public var takenAt: Date
    /// The signing key's public half (hex), so that the auditor can compare it with the one they keep.
    public var publicKey: String
    public var trails: [TrailHead]
    public var registrations: [RegistrationHead]
    /// The latest backup mark the database held when the checkpoint was taken.
    public var lastBackup: Date?

    public init(takenAt: Date, publicKey: String, trails: [TrailHead], registrations: [RegistrationHead], lastBackup: Date? = nil) {
        format = Self.format
        self.takenAt = takenAt
        self.publicKey = publicKey
        self.trails = trails
        self.registrations = registrations
        self.lastBackup = lastBackup
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    /// The file: the checkpoint's canonical JSON as a string and the Ed25519 signature over its UTF-8 bytes.
    struct Signed: Codable {
        var checkpoint: String
        var signature: String
    }

    public func signed(with key: Curve25519.Signing.PrivateKey) throws -> Data {
        let body = String(decoding: try Self.encoder.encode(self), as: UTF8.self)
        let signature = try key.signature(for: Data(body.utf8))
        return try Self.encoder.encode(Signed(checkpoint: body, signature: Hex.string(signature)))
    }

    /// Reads a checkpoint file and checks its signature against `publicKey` (hex; when nil, the key the
    /// file names — the auditor should compare it with the key they keep).
    public static func read(_ data: Data, publicKey: String?) throws -> Checkpoint {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let file = try? decoder.decode(Signed.self, from: data),
              let cp = try? decoder.decode(Checkpoint.self, from: Data(file.checkpoint.utf8)) else {
            throw CheckpointError("not a checkpoint file")
        }
        guard let keyBytes = Hex.bytes(publicKey ?? cp.publicKey), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes) else {
            throw CheckpointError("the public key is not a 32-byte Ed25519 key in hex")
        }
        guard let sig = Hex.bytes(file.signature), key.isValidSignature(sig, for: Data(file.checkpoint.utf8)) else {
            throw CheckpointError("the signature does not match (the file was changed, or signed by another key)")
        }
        return cp
    }
}

public struct CheckpointError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The installation's signing key: 32 random bytes in a file of its own (mode 0600), outside the database.
public enum CheckpointKey {
    /// Creates the key file (never overwriting one) and returns the public half in hex.
    public static func generate(at path: String) throws -> String {
        guard !FileManager.default.fileExists(atPath: path) else { throw CheckpointError("\(path) exists: a key is never overwritten") }
        let key = Curve25519.Signing.PrivateKey()
        guard FileManager.default.createFile(atPath: path, contents: Data((Hex.string(key.rawRepresentation) + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CheckpointError("cannot write \(path)")
        }
        return publicHex(key)
    }

    public static func load(_ path: String) throws -> Curve25519.Signing.PrivateKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CheckpointError("cannot read the key file \(path)") }
        guard let bytes = Hex.bytes(text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes) else {
            throw CheckpointError("\(path) is not a checkpoint key (64 hex digits)")
        }
        return key
    }

    public static func publicHex(_ key: Curve25519.Signing.PrivateKey) -> String { Hex.string(key.publicKey.rawRepresentation) }
}
