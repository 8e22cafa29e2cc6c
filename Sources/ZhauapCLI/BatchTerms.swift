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

    /// Reads standard input in large blocks and writes answers in large blocks. A line of the usual shape
    /// (an object with string `start`, `unit`, `convention` and a whole-number `amount`, no escapes) is
    /// read without a JSON decoder; any other line takes the decoder's way, so every answer, error or not,
    /// is the same as `answer(_:calendar:decoder:)` gives.
    static func stream(calendar: WorkingDayCalendar, input: FileHandle = .standardInput, output: FileHandle = .standardOutput) {
        let decoder = JSONDecoder()
        var out: [UInt8] = []
        out.reserveCapacity(1 << 17)
        var pending: [UInt8] = []
        func flushIfFull() {
            if out.count >= 1 << 16 {
                output.write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        func line(_ bytes: UnsafeBufferPointer<UInt8>) {
            var n = bytes.count
            if n > 0, bytes[n - 1] == UInt8(ascii: "\r") { n -= 1 }
            let body = UnsafeBufferPointer(rebasing: bytes[0..<n])
            if let end = fastAnswer(body, calendar: calendar) {
                out.append(contentsOf: #"{"end":""#.utf8)
                appendDate(end, to: &out)
                out.append(contentsOf: "\"}\n".utf8)
            } else {
                out.append(contentsOf: answer(String(decoding: body, as: UTF8.self), calendar: calendar, decoder: decoder).utf8)
                out.append(UInt8(ascii: "\n"))
            }
            flushIfFull()
        }
        while let block = try? input.read(upToCount: 1 << 20), !block.isEmpty {
            pending.append(contentsOf: block)
            var consumed = 0
            pending.withUnsafeBufferPointer { buf in
                var start = 0
                for i in 0..<buf.count where buf[i] == UInt8(ascii: "\n") {
                    line(UnsafeBufferPointer(rebasing: buf[start..<i]))
                    start = i + 1
                }
                consumed = start
            }
            pending.removeFirst(consumed)
        }
        if !pending.isEmpty { pending.withUnsafeBufferPointer { line($0) } }
        output.write(Data(out))
    }

    /// The end of the term for a line of the usual shape, or nil to take the decoder's way.
    static func fastAnswer(_ b: UnsafeBufferPointer<UInt8>, calendar: WorkingDayCalendar) -> CivilDate? {
        var i = 0
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 } }
        func expect(_ c: UInt8) -> Bool {
            skipSpace()
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        /// A string without escapes, as a range of the line.
        func string() -> Range<Int>? {
            guard expect(UInt8(ascii: "\"")) else { return nil }
            let s = i
            while i < b.count, b[i] != UInt8(ascii: "\"") {
                if b[i] == UInt8(ascii: "\\") || b[i] < 0x20 { return nil }
                i += 1
            }
            guard i < b.count else { return nil }
            i += 1
            return s..<(i - 1)
        }
        func equals(_ r: Range<Int>, _ text: StaticString) -> Bool {
            guard r.count == text.utf8CodeUnitCount else { return false }
            let t = text.utf8Start
            for k in 0..<r.count where b[r.lowerBound + k] != t[k] { return false }
            return true
        }
        var start: Range<Int>?, unit: Range<Int>?, convention: Range<Int>?, amount: Int?
        guard expect(UInt8(ascii: "{")) else { return nil }
        while true {
            guard let key = string(), expect(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            if equals(key, "amount") {
                guard amount == nil else { return nil }
                var v = 0, digits = 0
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39, digits < 9 { v = v * 10 + Int(b[i] - 0x30); i += 1; digits += 1 }
                // Only plain whole numbers (no sign, fraction, exponent or leading zero) are read here.
                guard digits > 0, !(digits > 1 && b[i - digits] == 0x30),
                      i >= b.count || !(b[i] >= 0x30 && b[i] <= 0x39 || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E"))
                else { return nil }
                amount = v
            } else {
                guard let value = string() else { return nil }
                if equals(key, "start") { guard start == nil else { return nil }; start = value }
                else if equals(key, "unit") { guard unit == nil else { return nil }; unit = value }
                else if equals(key, "convention") { guard convention == nil else { return nil }; convention = value }
                else { return nil }
            }
            if expect(UInt8(ascii: ",")) { continue }
            guard expect(UInt8(ascii: "}")) else { return nil }
            skipSpace()
            guard i == b.count else { return nil }
            break
        }
        guard let start, let unit, let amount else { return nil }
        let u: TermUnit
        if equals(unit, "working_days") { u = .workingDays } else if equals(unit, "calendar_days") { u = .calendarDays }
        else if equals(unit, "months") { u = .months } else if equals(unit, "years") { u = .years } else { return nil }
        var c = CountingConvention.eventDay
        if let convention {
            if equals(convention, "event-day") || equals(convention, "event_day") { c = .eventDay }
            else if equals(convention, "next-day") || equals(convention, "next_day") { c = .nextDay } else { return nil }
        }
        guard start.count == 10, b[start.lowerBound + 4] == UInt8(ascii: "-"), b[start.lowerBound + 7] == UInt8(ascii: "-") else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for k in from..<(from + count) {
                let d = b[start.lowerBound + k]
                guard d >= 0x30, d <= 0x39 else { return nil }
                v = v * 10 + Int(d - 0x30)
            }
            return v
        }
        guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2), let date = CivilDate(year: y, month: m, day: d) else { return nil }
        return try? calendar.term(TermRequest(start: date, unit: u, amount: amount, convention: c)).end
    }

    static func appendDate(_ d: CivilDate, to out: inout [UInt8]) {
        func digits(_ v: Int, _ width: Int) {
            var p = 1
            for _ in 1..<width { p *= 10 }
            var v = v
            while p > 0 { out.append(UInt8(0x30 + (v / p) % 10)); v %= p; p /= 10 }
        }
        guard d.year < 10_000 else { out.append(contentsOf: d.description.utf8); return }
        digits(d.year, 4)
        out.append(UInt8(ascii: "-"))
        digits(d.month, 2)
        out.append(UInt8(ascii: "-"))
        digits(d.day, 2)
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
