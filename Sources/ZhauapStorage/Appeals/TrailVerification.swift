import FluentKit
import FluentSQL
import Foundation

/// Where an appeal's trail stands: its number, how many entries, the last hash.
public struct TrailHead: Sendable, Equatable, Codable {
    public var appealID: UUID
    public var number: String
    public var length: Int
    public var head: String

    public init(appealID: UUID, number: String, length: Int, head: String) {
        self.appealID = appealID
        self.number = number
        self.length = length
        self.head = head
    }
}

/// Where a body's chain of registrations for a year stands.
public struct RegistrationHead: Sendable, Equatable, Codable {
    public var bodyID: UUID
    public var year: Int
    public var sequence: Int
    public var head: String

    public init(bodyID: UUID, year: Int, sequence: Int, head: String) {
        self.bodyID = bodyID
        self.year = year
        self.sequence = sequence
        self.head = head
    }
}

extension FluentAppealStore {
    /// Recomputes every hash of every trail, compares each trail with the appeal's recorded head and length
    /// and its last entry with the appeal's stored data, and walks every body's chain of registrations.
    /// Returns one line per problem: an edited, deleted, inserted or reordered entry, stored data changed
    /// outside a step, a deleted or renumbered appeal, a gap in the numbers.
    public func verifyTrails() async throws -> (appeals: Int, events: Int, problems: [String]) {
        var problems: [String] = [], count = 0
        let appeals = try await AppealModel.query(on: db).field(\.$id).field(\.$regNumber).field(\.$trailLength).field(\.$trailHead)
            .field(\.$document).all()
        for a in appeals {
            let events = try await AppealEventModel.query(on: db).filter(\.$appealID == a.id!).sort(\.$seq).all()
            count += events.count
            var prev = TrailHash.genesis
            for (i, e) in events.enumerated() {
                if e.seq != i + 1 { problems.append("\(a.regNumber): entry \(i + 1) is missing or out of order (found seq \(e.seq))") }
                if e.prevHash != prev { problems.append("\(a.regNumber): entry \(e.seq) does not follow the entry before it") }
                if TrailHash.hash(e) != e.hash { problems.append("\(a.regNumber): entry \(e.seq) was changed after it was written") }
                prev = e.hash
            }
            if events.count != a.trailLength || prev != a.trailHead {
                problems.append("\(a.regNumber): the trail has \(events.count) entries ending in \(prev.prefix(12)), the appeal records \(a.trailLength) ending in \(a.trailHead.prefix(12))")
            }
            if let covered = events.last?.stateHash {
                let c = try await children(of: [a.id!])[a.id!] ?? Children()
                if c.stateHash(a.document) != covered {
                    problems.append("\(a.regNumber): the appeal's stored data was changed outside a step (it differs from what entry \(events.count) recorded)")
                }
            }
        }
        problems += try await verifyRegistrations(appeals.map { ($0.id!, $0.regNumber) })
        return (appeals.count, count, problems)
    }

    /// Walks each body's chain of registrations per year: every link follows the one before, numbers run
    /// 1, 2, 3 … without a gap, each link's appeal exists under its number, and every appeal has its link.
    func verifyRegistrations(_ appeals: [(UUID, String)]) async throws -> [String] {
        var problems: [String] = []
        var numbers = Dictionary(appeals.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        let rows = try await sql.raw("""
            SELECT body_id, reg_year, reg_sequence, appeal_id, reg_number, registered_on, prev_hash, hash FROM registration_links
            ORDER BY body_id, reg_year, reg_sequence
            """).all()
        var last: (key: String, seq: Int, hash: String)? = nil
        for r in rows {
            let link = RegistrationLink(bodyID: try r.decode(column: "body_id", as: UUID.self), year: try r.decode(column: "reg_year", as: Int.self),
                                        sequence: try r.decode(column: "reg_sequence", as: Int.self), appealID: try r.decode(column: "appeal_id", as: UUID.self),
                                        number: try r.decode(column: "reg_number", as: String.self),
                                        registeredOn: try r.decode(column: "registered_on", as: String.self))
            let prevHash = try r.decode(column: "prev_hash", as: String.self), hash = try r.decode(column: "hash", as: String.self)
            let key = "\(link.bodyID)/\(link.year)"
            let expectedPrev = last?.key == key ? last!.hash : TrailHash.genesis
            let expectedSeq = last?.key == key ? last!.seq + 1 : 1
            if link.sequence != expectedSeq {
                problems.append("registrations of \(link.year): numbers \(expectedSeq)–\(link.sequence - 1) are missing before \(link.number)")
            } else if prevHash != expectedPrev {
                problems.append("registrations of \(link.year): \(link.number) does not follow the registration before it")
            }
            if link.hash(prev: prevHash) != hash { problems.append("registrations of \(link.year): the link of \(link.number) was changed") }
            switch numbers.removeValue(forKey: link.appealID) {
            case nil: problems.append("\(link.number): the appeal registered under this number was deleted")
            case let n? where n != link.number: problems.append("\(link.number): the appeal now carries the number \(n)")
            default: break
            }
            last = (key, link.sequence, hash)
        }
        for (_, number) in numbers.sorted(by: { $0.value < $1.value }) {
            problems.append("\(number): the appeal is not in its body's chain of registrations (inserted outside registration)")
        }
        return problems
    }

    /// Every trail's head and every chain of registrations' head: what a checkpoint signs.
    public func heads() async throws -> (trails: [TrailHead], registrations: [RegistrationHead]) {
        let trails = try await sql.raw("SELECT id, reg_number, trail_length, trail_head FROM appeals ORDER BY reg_number, id").all().map {
            TrailHead(appealID: try $0.decode(column: "id", as: UUID.self), number: try $0.decode(column: "reg_number", as: String.self),
                      length: try $0.decode(column: "trail_length", as: Int.self), head: try $0.decode(column: "trail_head", as: String.self))
        }
        let registrations = try await sql.raw("""
            SELECT l.body_id, l.reg_year, l.reg_sequence, l.hash FROM registration_links l
            JOIN (SELECT body_id, reg_year, MAX(reg_sequence) AS top FROM registration_links GROUP BY body_id, reg_year) m
              ON m.body_id = l.body_id AND m.reg_year = l.reg_year AND m.top = l.reg_sequence
            ORDER BY l.reg_year, l.body_id
            """).all().map {
            RegistrationHead(bodyID: try $0.decode(column: "body_id", as: UUID.self), year: try $0.decode(column: "reg_year", as: Int.self),
                             sequence: try $0.decode(column: "reg_sequence", as: Int.self), head: try $0.decode(column: "hash", as: String.self))
        }
        return (trails, registrations)
    }

    /// The hash of entry `seq` of the appeal's trail (nil if there is no such entry).
    public func entryHash(appealID: UUID, seq: Int) async throws -> String? {
        try await sql.raw("SELECT hash FROM appeal_events WHERE appeal_id = \(bind: appealID) AND seq = \(bind: seq)").first()?
            .decode(column: "hash", as: String.self)
    }

    /// The hash of the body's registration link `sequence` of the year (nil if there is none).
    public func registrationHash(bodyID: UUID, year: Int, sequence: Int) async throws -> String? {
        try await sql.raw("""
            SELECT hash FROM registration_links WHERE body_id = \(bind: bodyID) AND reg_year = \(bind: year) AND reg_sequence = \(bind: sequence)
            """).first()?.decode(column: "hash", as: String.self)
    }
}
