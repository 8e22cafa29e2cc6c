import Fluent
import Foundation
import Vapor
import ZhauapStorage

/// Sign-in throttling that an outsider cannot turn into a lockout of someone else:
/// - per login *and* address: 5 free failures, then each attempt waits 1 s, 2 s, 4 s … up to 15 minutes —
///   the guesser is slowed, the owner at another address is not;
/// - per login from anywhere (guessing spread over many addresses): 20 free, then waits of at most 30 s;
/// - per address (a coarse flood guard; many people may share a proxy's address): 100 free, waits of at most 60 s.
/// Each attempt is counted before its password is checked (compare-and-set, `SignInAttemptStore`), so
/// attempts sent together cannot get past the limit; a success forgets the login's failures.
struct SignInThrottle: Sendable {
    static let perLoginAndAddress = ThrottlePolicy(free: 5, firstDelay: 1, maxDelay: 900, forgetAfter: 3600)
    static let perLogin = ThrottlePolicy(free: 20, firstDelay: 1, maxDelay: 30, forgetAfter: 3600)
    static let perAddress = ThrottlePolicy(free: 100, firstDelay: 1, maxDelay: 60, forgetAfter: 600)

    struct Keys {
        var loginAndAddress: String
        var login: String
        var address: String
    }

    static func keys(login: String, address: String) -> Keys {
        let l = login.precomposedStringWithCanonicalMapping.lowercased()
        return Keys(loginAndAddress: "la:\(l)|\(address)", login: "l:\(l)", address: "a:\(address)")
    }

    /// Counts the attempt; throws 429 (with `Retry-After`) while any of its keys must wait.
    func begin(_ keys: Keys, now: Date, db: any Database) async throws {
        let store = SignInAttemptStore(database: db)
        // The narrowest key first: a guesser refused for their own address is not counted against the login as a whole.
        for (key, policy) in [(keys.loginAndAddress, Self.perLoginAndAddress), (keys.login, Self.perLogin), (keys.address, Self.perAddress)] {
            if let wait = try await store.begin(key, policy: policy, now: now) {
                let seconds = max(1, Int(wait.rounded(.up)))
                throw APIError(.tooManyRequests, code: "too_many_attempts",
                               detail: "too many failed sign-ins; try again in \(seconds) s", retryAfter: seconds)
            }
        }
    }

    func succeed(_ keys: Keys, db: any Database) async throws {
        let store = SignInAttemptStore(database: db)
        try await store.clear(keys.loginAndAddress)
        try await store.clear(keys.login)
        try await store.forgive(keys.address)
    }
}
