import Foundation
import NIOCore
import Vapor

/// The proxies in front of the server whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`): single
/// addresses or IPv4/IPv6 prefixes (`10.0.0.0/8`). From anyone else the header is ignored, so a client
/// cannot choose the address it is counted under.
public struct TrustedProxies: Sendable, Equatable {
    struct Prefix: Sendable, Equatable {
        var bytes: [UInt8]
        var bits: Int
        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var left = bits
            for (a, b) in zip(address, bytes) {
                if left <= 0 { return true }
                let mask: UInt8 = left >= 8 ? 0xFF : ~(0xFF >> UInt8(left))
                if a & mask != b & mask { return false }
                left -= 8
            }
            return true
        }
    }

    var prefixes: [Prefix]

    public struct Invalid: Error, Equatable { public var entry: String }
    public static let none = TrustedProxies(prefixes: [])

    /// Parses a comma-separated list; nil names the first entry that is not an address or prefix.
    public static func parse(_ text: String) -> Result<TrustedProxies, Invalid> {
        var prefixes: [Prefix] = []
        for raw in text.split(separator: ",") {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(parts[0]) else { return .failure(Invalid(entry: entry)) }
            var bits = bytes.count * 8
            if parts.count == 2 {
                guard let b = Int(parts[1]), (0...bytes.count * 8).contains(b) else { return .failure(Invalid(entry: entry)) }
                bits = b
            }
            prefixes.append(Prefix(bytes: bytes, bits: bits))
        }
        return .success(TrustedProxies(prefixes: prefixes))
    }

    static func bytes(_ text: String) -> [UInt8]? {
        guard let address = try? SocketAddress(ipAddress: text, port: 0) else { return nil }
        switch address {
        case .v4(let a): return withUnsafeBytes(of: a.address.sin_addr) { Array($0) }
        case .v6(let a): return withUnsafeBytes(of: a.address.sin6_addr) { Array($0) }
        default: return nil
        }
    }

    public func trusts(_ ip: String) -> Bool {
        guard let b = Self.bytes(ip) else { return false }
        return prefixes.contains { $0.contains(b) }
    }

    /// The client's address: the peer's, unless the peer is a trusted proxy — then the nearest address in
    /// `X-Forwarded-For` that is not itself a trusted proxy (proxies append, so the list is read from the right).
    public func client(peer: String?, forwardedFor: [String]) -> String {
        guard let peer else { return "?" }
        guard trusts(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard Self.bytes(hop) != nil else { return peer } // a forged or garbled entry: stop believing the list
            if !trusts(hop) { return hop }
        }
        return peer
    }
}

extension Application {
    private struct TrustedProxiesKey: StorageKey { typealias Value = TrustedProxies }

    var trustedProxies: TrustedProxies {
        get { storage[TrustedProxiesKey.self] ?? .none }
        set { storage[TrustedProxiesKey.self] = newValue }
    }
}

extension Request {
    /// The address this request is counted under (throttles), see `TrustedProxies`.
    var clientAddress: String {
        application.trustedProxies.client(peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor])
    }
}
