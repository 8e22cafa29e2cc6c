import Crypto
import FluentKit
import FluentSQL
import Foundation
import WorkingCalendar
import ZhauapDomain

/// One registration in its body's chain for the year (R45): which appeal got which number, linked to the
/// registration before it, so that a deleted appeal, a renumbered one or a gap in the numbers shows.
struct RegistrationLink: Sendable, Equatable {
    var bodyID: UUID
    var year: Int
    var sequence: Int
    var appealID: UUID
    var number: String
    var registeredOn: String

    struct Stored: Sendable, Equatable {
        var link: RegistrationLink
        var prevHash: String
        var hash: String
    }

    func hash(prev: String) -> String {
        let fields = [prev, bodyID.uuidString.lowercased(), String(year), String(sequence), appealID.uuidString.lowercased(), number, registeredOn]
        return Hex.string(SHA256.hash(data: Data(fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|").utf8)))
    }

    func stored(prev: String) -> Stored { Stored(link: self, prevHash: prev, hash: hash(prev: prev)) }
}

/// What a trail entry says of the appeal's data after its step: the SHA-256 of the stored document and of
/// its terms and sendings as stored, so that changing the essence, the applicant or a due date in the
/// database — which no trail entry's own fields hold — breaks the chain's last link.
enum StateHash {
    /// The case's documents and requests join the hash once a case has any (entries written before keep
    /// the form they were hashed in).
    static func of(document: String, terms: [AppealTerm], sendings: [Sending], documents: [CaseDocument] = [],
                   assistance: [AssistanceRequest] = []) -> String {
        let e = FluentAppealStore.encoder
        func json(_ v: some Encodable) -> String { (try? e.encode(v)).map { String(decoding: $0, as: UTF8.self) } ?? "?" }
        var parts = [document, json(terms), json(sendings)]
        if !documents.isEmpty || !assistance.isEmpty { parts += [json(documents), json(assistance)] }
        let canonical = parts.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return Hex.string(SHA256.hash(data: Data(canonical.utf8)))
    }
}

extension FluentAppealStore {
    /// Appends the appeal's registration to its body's chain, inside the registration's transaction (the
    /// number's counter is locked, so the link before it is written and visible).
    func chainRegistration(_ appeal: Appeal) async throws {
        let r = appeal.registration
        let prev: String?
        if r.sequence <= 1 {
            prev = nil
        } else if let known = memo?.link(before: .init(bodyID: appeal.bodyID, year: r.year, sequence: r.sequence)) {
            prev = known  // read with the number (SQLite)
        } else {
            prev = try await sql.raw("""
                SELECT hash FROM registration_links WHERE body_id = \(bind: appeal.bodyID) AND reg_year = \(bind: r.year)
                  AND reg_sequence = \(bind: r.sequence - 1)
                """).first()?.decode(column: "hash", as: String.self)
        }
        let link = RegistrationLink(bodyID: appeal.bodyID, year: r.year, sequence: r.sequence, appealID: appeal.id, number: r.number,
                                    registeredOn: r.registeredOn.description)
        try await insertLink(link.stored(prev: prev ?? TrailHash.genesis))
    }

    func insertLink(_ s: RegistrationLink.Stored) async throws {
        let l = s.link
        try await sql.raw("""
            INSERT INTO registration_links (body_id, reg_year, reg_sequence, appeal_id, reg_number, registered_on, prev_hash, hash)
            VALUES (\(bind: l.bodyID), \(bind: l.year), \(bind: l.sequence), \(bind: l.appealID), \(bind: l.number), \(bind: l.registeredOn),
              \(bind: s.prevHash), \(bind: s.hash))
            """).run()
    }
}
