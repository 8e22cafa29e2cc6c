import Vapor
import WorkingCalendar
import ZhauapStorage

/// The term engine and the calendar over HTTP.
struct TermsController: RouteCollection {
    /// The longest range `GET /api/v1/calendar` returns in one response (about ten years).
    static let maxCalendarDays = 3700

    func boot(routes: any RoutesBuilder) throws {
        routes.get("terms", use: term)
        routes.get("calendar", use: calendar)
    }

    @Sendable
    func term(req: Request) async throws -> TermResponse {
        let start = try req.dateParameter("from")
        guard let unitText = req.queryText("unit") else { throw APIError.missing("unit") }
        guard let unit = TermUnit(rawValue: unitText) else {
            throw APIError.invalid("unit", code: "invalid_unit",
                                   "unit must be one of \(TermUnit.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let amountText = req.queryText("amount") else { throw APIError.missing("amount") }
        guard let amount = Int(amountText), (1...TermRequest.maximumAmount).contains(amount) else {
            throw APIError.invalid("amount", code: "invalid_amount",
                                   "amount must be a whole number from 1 to \(TermRequest.maximumAmount)")
        }
        var convention = CountingConvention.eventDay
        if let text = req.queryText("convention") {
            guard let c = CountingConvention(flexible: text) else {
                throw APIError.invalid("convention", code: "invalid_convention", "convention must be event-day or next-day")
            }
            convention = c
        }
        let calendar = try await req.application.calendarProvider.current()
        guard calendar.years.contains(start.year) else {
            throw APIError(.unprocessableEntity, code: "date_out_of_range",
                           detail: CalendarError.outOfRange(start, supported: calendar.years).description, field: "from")
        }
        // A term running past the calendar's last year is refused by the engine (date_out_of_range).
        return TermResponse(try calendar.term(TermRequest(start: start, unit: unit, amount: amount, convention: convention)))
    }

    @Sendable
    func calendar(req: Request) async throws -> CalendarResponse {
        let from = try req.dateParameter("from")
        let to = try req.dateParameter("to")
        // Rules between two well-formed parameters, which no schema states: 422.
        guard from <= to else { throw APIError(.unprocessableEntity, code: "invalid_range", detail: "to must not be before from", field: "to") }
        guard to.dayNumber - from.dayNumber < Self.maxCalendarDays else {
            throw APIError(.unprocessableEntity, code: "range_too_long", detail: "at most \(Self.maxCalendarDays) days per request", field: "to")
        }
        let calendar = try await req.application.calendarProvider.current()
        for (name, date) in [("from", from), ("to", to)] where !calendar.years.contains(date.year) {
            throw APIError(.unprocessableEntity, code: "date_out_of_range",
                           detail: CalendarError.outOfRange(date, supported: calendar.years).description, field: name)
        }
        let days = try calendar.days(from: from, to: to)
        return CalendarResponse(
            calendarVersion: calendar.version, from: from, to: to, workingDays: days.filter(\.isWorking).count,
            days: days.map {
                .init(date: $0.date, weekday: $0.date.weekday.rawValue, working: $0.isWorking,
                      reason: $0.reason.map(ReasonDTO.init), projected: $0.projected, provisional: $0.provisional)
            })
    }
}

extension Request {
    /// A required `YYYY-MM-DD` query parameter; a clear 400 naming the field otherwise.
    func dateParameter(_ name: String) throws -> CivilDate {
        guard let text = queryText(name) else { throw APIError.missing(name) }
        do {
            return try CivilDate(iso: text)
        } catch {
            throw APIError.invalid(name, code: "invalid_date", "\(name) must be a real date written YYYY-MM-DD")
        }
    }
}
