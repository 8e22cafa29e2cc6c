import FluentKit
import FluentSQL
import Foundation
import SQLKit
import WorkingCalendar
import ZhauapDomain

/// The collections of an appeal that grow with its procedure live in tables of their own, written in the
/// same transaction as the appeal: its terms (`appeal_terms`) and the documents sent (`appeal_sendings`).
/// The trail has its own table too (`appeal_events`); the case file's documents, facts, requests, hearings
/// and acts will follow the same way.
extension FluentAppealStore {
    /// An appeal's terms and sendings as stored.
    struct Children: Sendable {
        var terms: [AppealTerm] = []
        var sendings: [Sending] = []
        var documents: [CaseDocument] = []
        var assistance: [AssistanceRequest] = []

        /// What the trail's state hash covers beside the record.
        var stateHash: (String) -> String {
            { StateHash.of(document: $0, terms: terms, sendings: sendings, documents: documents, assistance: assistance) }
        }
    }

    /// Writes the appeal's terms (each by its position: a term's status and date change in place) and any
    /// sending not stored yet (sendings are only ever added): at most two statements.
    /// `asOf0009`: the tables as migration 0009 made them (before the Russian reason's column), for that
    /// migration's own moving of old records.
    func writeChildren(of appeal: Appeal, asOf0009: Bool = false) async throws {
        if !appeal.terms.isEmpty && asOf0009 {
            let rows: [SQLQueryString] = appeal.terms.enumerated().map { i, t in
                "(\(bind: appeal.id), \(bind: i), \(bind: t.purpose.rawValue), \(bind: t.ruleID), \(bind: t.basis), \(bind: t.start.description), \(bind: t.unit.rawValue), \(bind: t.amount), \(bind: t.convention.rawValue), \(bind: t.due.description), \(bind: t.status.rawValue), \(bind: t.closedOn?.description), \(bind: t.originalDue?.description), \(bind: t.extensionReason))"
            }
            try await sql.raw("""
                INSERT INTO appeal_terms (appeal_id, idx, purpose, rule_id, basis, start, unit, amount, convention, due, status, closed_on,
                  original_due, extension_reason) VALUES \(rows.joined(separator: ", "))
                """).run()
        } else if !appeal.terms.isEmpty {
            let rows: [SQLQueryString] = appeal.terms.enumerated().map { i, t in
                "(\(bind: appeal.id), \(bind: i), \(bind: t.purpose.rawValue), \(bind: t.ruleID), \(bind: t.basis), \(bind: t.start.description), \(bind: t.unit.rawValue), \(bind: t.amount), \(bind: t.convention.rawValue), \(bind: t.due.description), \(bind: t.status.rawValue), \(bind: t.closedOn?.description), \(bind: t.originalDue?.description), \(bind: t.extensionReason), \(bind: t.extensionReasonRu))"
            }
            try await sql.raw("""
                INSERT INTO appeal_terms (appeal_id, idx, purpose, rule_id, basis, start, unit, amount, convention, due, status, closed_on,
                  original_due, extension_reason, extension_reason_ru) VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (appeal_id, idx) DO UPDATE SET purpose = excluded.purpose, rule_id = excluded.rule_id, basis = excluded.basis,
                  start = excluded.start, unit = excluded.unit, amount = excluded.amount, convention = excluded.convention, due = excluded.due,
                  status = excluded.status, closed_on = excluded.closed_on, original_due = excluded.original_due,
                  extension_reason = excluded.extension_reason, extension_reason_ru = excluded.extension_reason_ru
                """).run()
        }
        if !appeal.sendings.isEmpty && asOf0009 {
            let rows: [SQLQueryString] = appeal.sendings.enumerated().map { i, s in
                "(\(bind: appeal.id), \(bind: i), \(bind: s.document.rawValue), \(bind: s.language.rawValue), \(bind: s.channel.rawValue), \(bind: s.sentOn.description), \(bind: s.reference), \(bind: s.recordedBy))"
            }
            try await sql.raw("""
                INSERT INTO appeal_sendings (appeal_id, idx, document, language, channel, sent_on, reference, recorded_by)
                VALUES \(rows.joined(separator: ", ")) ON CONFLICT (appeal_id, idx) DO NOTHING
                """).run()
        } else if !appeal.sendings.isEmpty {
            // A sending never changes but for its delivery, recorded once (R33).
            let rows: [SQLQueryString] = appeal.sendings.enumerated().map { i, s in
                "(\(bind: appeal.id), \(bind: i), \(bind: s.document.rawValue), \(bind: s.language.rawValue), \(bind: s.channel.rawValue), \(bind: s.sentOn.description), \(bind: s.reference), \(bind: s.recordedBy), \(bind: s.participant), \(bind: s.caseDocument), \(bind: s.deliveredOn?.description), \(bind: s.proof), \(bind: s.proofDocument))"
            }
            try await sql.raw("""
                INSERT INTO appeal_sendings (appeal_id, idx, document, language, channel, sent_on, reference, recorded_by, participant, case_document,
                  delivered_on, proof, proof_document)
                VALUES \(rows.joined(separator: ", ")) ON CONFLICT (appeal_id, idx) DO UPDATE SET delivered_on = excluded.delivered_on,
                  proof = excluded.proof, proof_document = excluded.proof_document
                """).run()
        }
        if !asOf0009 { try await writeCaseRows(of: appeal) }
    }

    /// The terms and sendings of these appeals, in their order: two statements however many appeals.
    func children(of ids: [UUID]) async throws -> [UUID: Children] {
        guard !ids.isEmpty else { return [:] }
        let list = SQLList(ids.map { SQLBind($0) })
        var out: [UUID: Children] = [:]
        for row in try await sql.raw("""
            SELECT appeal_id, purpose, rule_id, basis, start, unit, amount, convention, due, status, closed_on, original_due, extension_reason,
              extension_reason_ru FROM appeal_terms WHERE appeal_id IN (\(list)) ORDER BY appeal_id, idx
            """).all() {
            func date(_ column: String) throws -> CivilDate? { try row.decode(column: column, as: String?.self).flatMap(CivilDate.init) }
            func value<E: RawRepresentable<String>>(_ column: String, _: E.Type) throws -> E {
                let text = try row.decode(column: column, as: String.self)
                guard let e = E(rawValue: text) else { throw StorageError.unreadableRecord("appeal_terms.\(column): \(text)") }
                return e
            }
            guard let start = try date("start"), let due = try date("due") else { throw StorageError.unreadableRecord("appeal_terms: a date") }
            let term = AppealTerm(purpose: try value("purpose", TermPurpose.self), ruleID: try row.decode(column: "rule_id", as: String.self),
                                  basis: try row.decode(column: "basis", as: String.self), start: start, unit: try value("unit", TermUnit.self),
                                  amount: try row.decode(column: "amount", as: Int.self), convention: try value("convention", CountingConvention.self),
                                  due: due, status: try value("status", AppealTerm.Status.self), closedOn: try date("closed_on"),
                                  originalDue: try date("original_due"),
                                  extensionReason: try row.decode(column: "extension_reason", as: String?.self))
            var kept = term
            kept.extensionReasonRu = try row.decode(column: "extension_reason_ru", as: String?.self)
            out[try row.decode(column: "appeal_id", as: UUID.self), default: Children()].terms.append(kept)
        }
        for row in try await sql.raw("""
            SELECT appeal_id, document, language, channel, sent_on, reference, recorded_by, participant, case_document, delivered_on, proof,
              proof_document FROM appeal_sendings WHERE appeal_id IN (\(list)) ORDER BY appeal_id, idx
            """).all() {
            let d = try row.decode(column: "document", as: String.self), l = try row.decode(column: "language", as: String.self)
            let c = try row.decode(column: "channel", as: String.self)
            guard let document = OutgoingDocument(rawValue: d), let language = Language(rawValue: l), let channel = DeliveryChannel(rawValue: c),
                  let sentOn = CivilDate(try row.decode(column: "sent_on", as: String.self)) else {
                throw StorageError.unreadableRecord("appeal_sendings: \(d) \(l) \(c)")
            }
            var sending = Sending(document: document, language: language, channel: channel, sentOn: sentOn,
                                  reference: try row.decode(column: "reference", as: String?.self), recordedBy: try row.decode(column: "recorded_by", as: UUID.self))
            sending.participant = try row.decode(column: "participant", as: Int?.self)
            sending.caseDocument = try row.decode(column: "case_document", as: Int?.self)
            sending.deliveredOn = try row.decode(column: "delivered_on", as: String?.self).flatMap(CivilDate.init)
            sending.proof = try row.decode(column: "proof", as: String?.self)
            sending.proofDocument = try row.decode(column: "proof_document", as: Int?.self)
            out[try row.decode(column: "appeal_id", as: UUID.self), default: Children()].sendings.append(sending)
        }
        for (id, rows) in try await caseRows(of: ids) {
            out[id, default: Children()].documents = rows.documents
            out[id, default: Children()].assistance = rows.assistance
        }
        return out
    }

    /// Appeals from their stored documents and, for records that keep them apart, their children.
    func appeals(_ rows: [(id: UUID, document: String)]) async throws -> [Appeal] {
        let records = try rows.map { try JSONDecoder().decode(AppealRecord.self, from: Data($0.document.utf8)) }
        let apart = records.filter(\.keepsChildrenApart).map(\.id)
        let children = try await children(of: apart)
        return try records.map { r in
            let c = children[r.id] ?? Children()
            return try r.appeal(children: c)
        }
    }
}
