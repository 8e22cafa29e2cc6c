import Foundation
import NIOFoundationEssentialsCompat
import Testing
import VaporTesting
import ZhauapTestSupport
@testable import ZhauapWeb

@Suite("API: terms and calendar")
struct TermsAPITests {
    struct Term: Decodable {
        struct Explanation: Decodable {
            struct Day: Decodable {
                struct Reason: Decodable { var code: String; var text: [String: String] }
                var date: String
                var reason: Reason?
            }
            var dayOne: String
            var dayOneRule: String
            var skipped: [Day]
            var rolledOver: [Day]
            var lines: [String: [String]]
        }
        var end: String
        var unit: String
        var convention: String
        var calendarVersion: String
        var explanation: Explanation
    }

    struct Problem: Decodable {
        var type: String
        var status: Int
        var code: String
        var field: String?
        var detail: String
    }

    @Test("R18: GET /api/v1/terms — 15 working days from 25 Jan 2024 end on 14 Feb 2024, explained")
    func guideExample() async throws {
        try await withZhauapApp { app in
            try await app.testing().test(.GET, "api/v1/terms?from=2024-01-25&unit=working_days&amount=15") { res async throws in
                #expect(res.status == .ok)
                let t = try res.content.decode(Term.self)
                #expect(t.end == "2024-02-14")
                #expect(t.convention == "event-day")
                #expect(t.calendarVersion == "kz-2026.11.24")
                #expect(t.explanation.skipped.map(\.date) == ["2024-01-27", "2024-01-28", "2024-02-03", "2024-02-04", "2024-02-10", "2024-02-11"])
                #expect(t.explanation.skipped.first?.reason?.code == "weekend")
                #expect(t.explanation.skipped.first?.reason?.text["kk"] == "демалыс күні (сенбі)")
                #expect(t.explanation.lines["ru"]?.contains("Последний день срока: 14.02.2024 (среда)") == true)
            }
        }
    }

    @Test("R17: calendar days roll forward over Nauryz; next-day convention is selectable")
    func otherUnits() async throws {
        try await withZhauapApp { app in
            try await app.testing().test(.GET, "api/v1/terms?from=2026-03-07&unit=calendar_days&amount=15") { res async throws in
                let t = try res.content.decode(Term.self)
                #expect(t.end == "2026-03-26")
                #expect(t.explanation.rolledOver.map(\.reason?.code) == ["holiday", "holiday", "holiday", "substitute", "substitute"])
            }
            try await app.testing().test(.GET, "api/v1/terms?from=2023-12-25&unit=months&amount=1&convention=next_day") { res async throws in
                #expect(try res.content.decode(Term.self).end == "2024-01-25")
            }
        }
    }

    @Test("Bad input answers 400 problem+json naming the field", arguments: [
        ("api/v1/terms?unit=working_days&amount=15", 400, "missing_parameter", "from"),
        ("api/v1/terms?from=2024-02-30&unit=working_days&amount=15", 400, "invalid_date", "from"),
        ("api/v1/terms?from=2024-01-25&unit=weeks&amount=15", 400, "invalid_unit", "unit"),
        ("api/v1/terms?from=2024-01-25&unit=working_days", 400, "missing_parameter", "amount"),
        ("api/v1/terms?from=2024-01-25&unit=working_days&amount=0", 422, "invalid_amount", "amount"),
        ("api/v1/terms?from=2024-01-25&unit=working_days&amount=abc", 400, "invalid_amount", "amount"),
        ("api/v1/terms?from=2024-01-25&unit=months&amount=2&convention=soon", 400, "invalid_convention", "convention"),
        ("api/v1/terms?from=1990-01-25&unit=months&amount=2", 422, "date_out_of_range", "from"),
        ("api/v1/calendar?from=2024-01-01", 400, "missing_parameter", "to"),
        ("api/v1/calendar?from=2024-02-01&to=2024-01-01", 422, "invalid_range", "to"),
        ("api/v1/calendar?from=2000-01-01&to=2027-12-31", 422, "range_too_long", "to"),
        ("api/v1/calendar?from=2024-01-01&to=2099-01-01", 422, "range_too_long", "to"),
        ("api/v1/calendar?from=1999-12-30&to=2000-01-05", 422, "date_out_of_range", "from"),
    ])
    func badInput(path: String, status: Int, code: String, field: String) async throws {
        try await withZhauapApp { app in
            try await app.testing().test(.GET, path) { res async throws in
                #expect(Int(res.status.code) == status)
                #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                let p = try JSONDecoder().decode(Problem.self, from: Data(buffer: res.body))
                #expect(p.code == code && p.field == field && p.status == status)
                #expect(p.type == "/problems/\(code)")
            }
        }
    }

    @Test("A term running past the calendar's years is refused, not a 500")
    func termPastCalendar() async throws {
        try await withZhauapApp { app in
            try await app.testing().test(.GET, "api/v1/terms?from=2030-01-10&unit=years&amount=100") { res async throws in
                #expect(res.status == .unprocessableEntity)
                #expect(try JSONDecoder().decode(Problem.self, from: Data(buffer: res.body)).code == "date_out_of_range")
            }
        }
    }

    @Test("R16: GET /api/v1/calendar lists each day with its reason")
    func calendarDays() async throws {
        struct Days: Decodable {
            struct Day: Decodable { var date: String; var working: Bool; var weekday: Int; var projected: Bool }
            var calendarVersion: String
            var workingDays: Int
            var days: [Day]
        }
        try await withZhauapApp { app in
            try await app.testing().test(.GET, "api/v1/calendar?from=2025-01-01&to=2025-01-07") { res async throws in
                #expect(res.status == .ok)
                let c = try res.content.decode(Days.self)
                #expect(c.days.map(\.working) == [false, false, false, false, true, true, false])
                #expect(c.workingDays == 2)
                #expect(c.days[4].weekday == 7)  // Sun 5 Jan 2025, a decreed working day
            }
        }
    }

    @Test("Unknown routes and methods answer problem+json, never HTML or 500")
    func unknown() async throws {
        try await withZhauapApp { app in
            try await app.testing().test(.GET, "api/v1/nothing") { res async throws in
                #expect(res.status == .notFound)
                #expect(try JSONDecoder().decode(Problem.self, from: Data(buffer: res.body)).code == "not_found")
            }
            try await app.testing().test(.POST, "api/v1/terms") { res async throws in
                #expect(res.status.code >= 400 && res.status.code < 500)
            }
        }
    }
}
