import Foundation
import WorkingCalendar

/// `zhauap term --batch`: one JSON object per input line, one JSON line per input on output, in order.
/// A bad line yields `{"error": "…"}` and the batch goes on.
enum BatchTerms {
    struct Line: Decodable {
        var start: String
        var unit: String
        var amount: Int
        var convention: String?
    }

    static func run(calendar: WorkingDayCalendar, input: () -> String?, output: (String) -> Void) {
        let decoder = JSONDecoder()
        while let line = input() {
            output(answer(line, calendar: calendar, decoder: decoder))
        }
    }

    static func answer(_ text: String, calendar: WorkingDayCalendar, decoder: JSONDecoder) -> String {
        let line: Line
        do {
            line = try decoder.decode(Line.self, from: Data(text.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            return Self.error("missing field \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, ctx) {
            return Self.error("wrong type for \"\(ctx.codingPath.map(\.stringValue).joined(separator: "."))\"")
        } catch {
            return Self.error("not a JSON object with start, unit and amount")
        }
        guard let unit = TermUnit(rawValue: line.unit) else {
            return error("unit must be working_days, calendar_days, months or years")
        }
        var convention = CountingConvention.eventDay
        if let c = line.convention {
            guard let parsed = CountingConvention(flexible: c) else { return error("convention must be event-day or next-day") }
            convention = parsed
        }
        do {
            let start = try CivilDate(iso: line.start)
            let end = try calendar.term(TermRequest(start: start, unit: unit, amount: line.amount, convention: convention)).end
            return #"{"end":"\#(end)"}"#
        } catch {
            return self.error("\(error)")
        }
    }

    static func error(_ message: String) -> String {
        let data = (try? JSONEncoder().encode(["error": message])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
