import Foundation

extension CalendarData {
    /// Decodes calendar data from JSON (the shipped file or an override).
    public static func decode(_ json: Data) throws(CalendarError) -> CalendarData {
        do {
            return try JSONDecoder().decode(CalendarData.self, from: json)
        } catch let DecodingError.dataCorrupted(ctx) {
            throw .invalidData(["\(Self.path(ctx.codingPath)): \(ctx.debugDescription)"])
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw .invalidData(["\(Self.path(ctx.codingPath + [key])): required field missing"])
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx) {
            throw .invalidData(["\(Self.path(ctx.codingPath)): \(ctx.debugDescription)"])
        } catch {
            throw .invalidData(["not valid JSON: \(error.localizedDescription)"])
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "(top level)" : keys.map { key in
            key.stringValue.hasPrefix("Index ") ? "[\(key.intValue ?? 0)]" : ".\(key.stringValue)"
        }
            .joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    public func encodedJSON() -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(self)) ?? Data()
    }

    /// The calendar data shipped with Zhauap (`Resources/kz-calendar.json`).
    public static func bundled() throws(CalendarError) -> CalendarData {
        guard let url = Bundle.module.url(forResource: "kz-calendar", withExtension: "json"),
              let json = try? Data(contentsOf: url) else {
            throw .invalidData(["the bundled kz-calendar.json is missing from the installation"])
        }
        return try decode(json)
    }
}

extension WorkingDayCalendar {
    /// The shipped calendar with the given overrides applied in order.
    public static func kazakhstan(overrides: [CalendarData] = []) throws(CalendarError) -> WorkingDayCalendar {
        try WorkingDayCalendar(data: overrides.reduce(try CalendarData.bundled()) { $0.merging($1) })
    }
}
