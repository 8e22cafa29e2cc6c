import Crypto
import Foundation

/// The hash chain of an appeal's trail (R45): each entry's hash covers the previous hash and every
/// field of the entry, so editing, deleting or reordering an entry breaks every hash after it.
enum TrailHash {
    static let genesis = String(repeating: "0", count: 64)

    static func hash(prev: String, appealID: UUID, seq: Int, type: String, actorID: UUID, actorName: String, actorRoles: String,
                     recordedMs: Int, legalDate: String, reason: String?, details: String, stateHash: String?) -> String {
        var fields = [prev, appealID.uuidString.lowercased(), String(seq), type, actorID.uuidString.lowercased(), actorName,
                      actorRoles, String(recordedMs), legalDate, reason ?? "\u{0}", details]
        // Entries written before migration 0015 carry no state hash and keep the canonical form they were hashed in.
        if let stateHash { fields.append(stateHash) }
        // Length-prefixed, so no field can bleed into the next.
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return Hex.string(SHA256.hash(data: Data(canonical.utf8)))
    }

    static func hash(_ e: AppealEventModel) -> String {
        hash(prev: e.prevHash, appealID: e.appealID, seq: e.seq, type: e.type, actorID: e.actorID, actorName: e.actorName,
             actorRoles: e.actorRoles, recordedMs: e.recordedMs, legalDate: e.legalDate, reason: e.reason, details: e.details, stateHash: e.stateHash)
    }

    static func canonicalJSON(_ details: [String: String]) -> String {
        let e = FluentAppealStore.encoder
        return String(decoding: (try? e.encode(details)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
