import Foundation

/// What one transaction has already read and may be asked again within it: on SQLite the registration
/// link before a number just taken, read with the number in one statement (`nextSequence`) and used by
/// `chainRegistration`. Lives as long as its transaction; never shared between transactions.
final class TransactionMemo: @unchecked Sendable {  // its one field is guarded by `lock`
    struct Key: Hashable, Sendable {
        var bodyID: UUID
        var year: Int
        var sequence: Int
    }

    /// The hash of the link before each number taken in this transaction (nil: there was none).
    private var links: [Key: String?] = [:]
    private let lock = NSLock()

    func rememberLink(before key: Key, hash: String?) { lock.withLock { links[key] = .some(hash) } }

    /// `.some(nil)`: known to have no link before it; nil: not read in this transaction.
    func link(before key: Key) -> String?? { lock.withLock { links[key] } }
}
