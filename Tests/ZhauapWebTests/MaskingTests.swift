import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WorkingCalendar
import ZhauapService
import ZhauapStorage
import ZhauapDomain
import ZhauapTestSupport
@testable import ZhauapWeb

/// Law "On personal data": one masking rule for the pages and the API — the IIN in full only for the head
/// and the assigned executor.
@Suite("Personal data: one masking rule for pages and API")
struct MaskingTests {
    struct View: Decodable { struct Inner: Decodable { struct P: Decodable { var iin: String? }; var applicant: P }; var appeal: Inner }

    @Test("The API shows the IIN in full to the head and the assigned executor, masked to the registrar and another executor")
    func apiMasks() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let api = AppealsAPITests()
            let id = try #require(try await api.register(app, w).1?.appeal.id)  // IIN 061211600012
            #expect(try await api.act(app, w, id, as: "head", #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#).0 == .ok)
            for (who, full) in [("head", true), ("executor", true), ("registrar", false), ("otherExecutor", false)] {
                let (_, data) = try await api.get(app, "api/v1/appeals/\(id)", headers: w.auth(who))
                let iin = try JSONDecoder().decode(View.self, from: data).appeal.applicant.iin
                #expect(full ? iin == "061211600012" : (iin == "••••••••0012"), "\(who): \(iin ?? "nil")")
            }
            let page = AppealPage.make(try await app.appealService.view(id, actor: w.registrar).appeal, trail: [],
                                       calendar: try await app.calendarProvider.current(), actor: w.registrar, executors: [], bodies: [],
                                       rules: app.termRules, lang: .kk, t: app.strings[.kk], error: nil)
            #expect(page.iin == "••••••••0012", "the page follows the same rule")
            // Each full read is recorded: the head's and the executor's, not the masked ones.
            let reads = try await FluentAppealStore(database: app.db).identificationReads(appealID: id)
            #expect(Set(reads.map(\.userID)) == [w.head.userID, w.executor.userID])
        }
    }
}

@Suite("Public tracking: guessing codes is limited")
struct TrackingLimitTests {
    @Test("After 30 lookups that found nothing in ten minutes, the address gets 429, even for the right code; before that the right code is answered")
    func limited() async throws {
        let clock = TestClock(pinnedMoment)
        try await withZhauapApp(clock: clock) { app in
            let w = try await World.make(app)
            let reply = try #require(try await AppealsAPITests().register(app, w).1)
            let good = "api/v1/track?number=\(reply.coupon.number)&code=\(reply.coupon.trackingCode)"
            for i in 0..<30 {
                try await app.testing().test(.GET, "api/v1/track?number=\(reply.coupon.number)&code=GUESS\(i)") { res async throws in
                    #expect(res.status == .notFound)
                }
            }
            try await app.testing().test(.GET, good) { res async throws in
                #expect(res.status == .tooManyRequests && res.body.string.contains("too_many_lookups"))
            }
            clock.set(pinnedMoment.addingTimeInterval(601))
            try await app.testing().test(.GET, good) { res async throws in #expect(res.status == .ok) }
        }
    }
}
