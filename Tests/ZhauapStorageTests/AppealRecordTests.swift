import Fluent
import FluentKit
import FluentSQL
import Foundation
import Testing
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
@testable import ZhauapStorage
import ZhauapTestSupport
import ZhauapWeb

@Suite("Storage: the appeal as a versioned record, its terms and sendings in their own tables", .serialized)
struct AppealRecordTests {
    /// An appeal with terms closed, extended and open, and two documents sent.
    static func worked(_ app: Application, _ w: World) async throws -> Appeal {
        let s = app.appealService
        let a = try await s.register(Procedure.Draft(channel: .paper, receivedAt: app.now, essence: "Жол жөндеу"), actor: w.registrar,
                                     idempotencyKey: nil).appeal
        _ = try await s.perform(.assign(executorID: w.executor.userID), on: a.id, actor: w.head)
        _ = try await s.perform(.confirmKind(.request, area: "land", special: nil), on: a.id, actor: w.executor)
        let due = try #require(try await s.view(a.id, actor: w.head).appeal.term(.consideration)?.due)
        let later = try await app.calendarProvider.current().addWorkingDays(5, to: due)
        _ = try await s.perform(.extend(until: later, reason: "сараптама", reasonRu: "экспертиза"), on: a.id, actor: w.head)
        _ = try await s.perform(.recordSending(document: .coupon, language: .kk, channel: .post, sentOn: nil, reference: "RR123"), on: a.id,
                                actor: w.registrar)
        return try await s.perform(.recordSending(document: .extensionNotice, language: .ru, channel: .email, sentOn: nil, reference: nil),
                                   on: a.id, actor: w.registrar)
    }

    @Test("Terms and sendings are rows of their own, read back whole and in order", arguments: TestDatabases.all)
    func childRows(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let a = try await Self.worked(app, w)
            let sql = try #require(app.db as? any SQLDatabase)
            let terms = try await sql.raw("SELECT COUNT(*) AS n FROM appeal_terms WHERE appeal_id = \(bind: a.id)").first()?.decode(column: "n", as: Int.self)
            let sent = try await sql.raw("SELECT COUNT(*) AS n FROM appeal_sendings WHERE appeal_id = \(bind: a.id)").first()?.decode(column: "n", as: Int.self)
            #expect(terms == a.terms.count && a.terms.count >= 3 && sent == 2)
            let document = try #require(try await sql.raw("SELECT document FROM appeals WHERE id = \(bind: a.id)").first()?
                .decode(column: "document", as: String.self))
            #expect(!document.contains("\"terms\"") && !document.contains("\"sendings\"") && document.contains("\"schemaVersion\":4"))
            let read = try #require(try await FluentAppealStore(database: app.db).appeal(a.id, bodyID: w.bodyA.id)).appeal
            #expect(read == a)
        }
    }

    @Test("An appeal stored as a version-1 record (terms and sendings inline) is moved to the tables and reads the same",
          arguments: TestDatabases.all)
    func migratesVersion1(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let a = try await Self.worked(app, w)
            var v1 = AppealRecord(a)
            v1.schemaVersion = nil
            v1.terms = a.terms
            v1.sendings = a.sendings
            v1.correction = a.correction
            let sql = try #require(app.db as? any SQLDatabase)
            // As an installation upgraded from before 0009: back to then, and forward again through every later migration.
            try await AddWorklistColumns().revert(on: app.db)
            try await MoveTermsAndSendings().revert(on: app.db)
            let text = String(decoding: try FluentAppealStore.encoder.encode(v1), as: UTF8.self)
            try await sql.raw("UPDATE appeals SET document = \(bind: text) WHERE id = \(bind: a.id)").run()
            try await MoveTermsAndSendings().prepare(on: app.db)
            try await AddWorklistColumns().prepare(on: app.db)
            try await AddSendingDelivery().prepare(on: app.db)
            let read = try #require(try await FluentAppealStore(database: app.db).appeal(a.id, bodyID: w.bodyA.id)).appeal
            // A version-1 record knew no Russian reason (it came with 0010): all else reads the same.
            var expected = a
            for i in expected.terms.indices { expected.terms[i].extensionReasonRu = nil }
            #expect(read == expected)
            let document = try #require(try await sql.raw("SELECT document FROM appeals WHERE id = \(bind: a.id)").first()?
                .decode(column: "document", as: String.self))
            #expect(document.contains("\"schemaVersion\":4") && !document.contains("\"terms\""))
        }
    }

    @Test("A record that describes an impossible stage, or comes from a newer version, is refused, not half-read")
    func impossibleRecords() throws {
        let base = #"{"id":"6F9619FF-8B86-D011-B42D-00C04FC964FF","bodyID":"6F9619FF-8B86-D011-B42D-00C04FC964FE","registration":{"number":"A-2024-00001","year":2024,"sequence":1,"receivedAt":0,"registeredOn":"2024-01-25","recordedAt":0,"channel":"paper","receivedByName":"x","receivedByPosition":"y","trackingCode":"ACDE"},"applicant":{"kind":"individual"},"attachments":[],"reportsCrimeOrThreat":false,"forwardings":[],"terms":[]"#
        func read(_ tail: String) throws -> Appeal {
            try JSONDecoder().decode(AppealRecord.self, from: Data((base + tail + "}").utf8)).appeal(terms: [], sendings: [])
        }
        #expect(try read(#","state":"registered""#).stage == .registered)
        #expect(throws: StorageError.self) { try read(#","state":"answered""#) }
        #expect(throws: StorageError.self) { try read(#","state":"under_consideration""#) }
        #expect(throws: StorageError.self) { try read(#","state":"awaiting_correction","executorID":"6F9619FF-8B86-D011-B42D-00C04FC964FD""#) }
        #expect(throws: StorageError.self) { try read(#","state":"registered","schemaVersion":5"#) }
    }
}
