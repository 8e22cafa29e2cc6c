import Foundation

/// An administrative body: an akimat, a ministry, a department. Many live in one installation.
public struct AdministrativeBody: Sendable, Hashable, Identifiable {
    public var id: UUID
    /// Short code used in registration numbers, e.g. `ALM-AK`.
    public var code: String
    public var nameKk: String
    public var nameRu: String
    public var address: String
    /// How the applicant reaches the body: telephone, e-mail, reception hours (printed on every letter).
    public var contacts: String
    /// The body that considers complaints about this one (APPC 91(4)).
    public var higherBodyID: UUID?
    public var competenceAreas: [CompetenceArea]
    public var workingHours: WorkingHours
    /// IANA time zone; Kazakhstan is on UTC+5 country-wide since March 2024.
    public var timeZone: String
    /// Default deadline, in working days, for an applicant to remedy a deficiency (R4).
    public var correctionDays: Int

    /// Kazakhstan's single time zone since 1 March 2024 (UTC+5): the default for a new body.
    public static let defaultTimeZone = "Asia/Almaty"

    public init(id: UUID = UUID(), code: String, nameKk: String, nameRu: String, address: String = "", contacts: String = "",
                higherBodyID: UUID? = nil, competenceAreas: [CompetenceArea] = [],
                workingHours: WorkingHours = .standard, timeZone: String = AdministrativeBody.defaultTimeZone, correctionDays: Int = 5) {
        self.id = id
        self.code = code
        self.nameKk = nameKk
        self.nameRu = nameRu
        self.address = address
        self.contacts = contacts
        self.higherBodyID = higherBodyID
        self.competenceAreas = competenceAreas
        self.workingHours = workingHours
        self.timeZone = timeZone
        self.correctionDays = correctionDays
    }
}

/// A topic the body is competent in, with the marker words (kk and ru) that point to it (R24).
public struct CompetenceArea: Sendable, Hashable, Codable {
    public var code: String
    public var nameKk: String
    public var nameRu: String
    public var markers: [String]

    public init(code: String, nameKk: String, nameRu: String, markers: [String]) {
        self.code = code
        self.nameKk = nameKk
        self.nameRu = nameRu
        self.markers = markers
    }
}

/// The body's working day, as minutes after local midnight.
public struct WorkingHours: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// 09:00–18:30, the usual office day (the state system starts counting next day after 18:29:59).
    public static let standard = WorkingHours(start: 9 * 60, end: 18 * 60 + 30)
}

extension WorkingHours {
    /// Reads `09:00-18:30` (a hyphen or an en dash); nil unless the start is before the end.
    public init?(text: String) {
        func minute(_ t: Substring) -> Int? {
            let p = t.trimmingCharacters(in: .whitespaces).split(separator: ":")
            guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
            return h * 60 + m
        }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2, let a = minute(parts[0]), let b = minute(parts[1]), a < b else { return nil }
        self.init(start: a, end: b)
    }

    /// `09:00–18:30`.
    public var text: String {
        func hm(_ m: Int) -> String { (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)" }
        return hm(start) + "–" + hm(end)
    }
}
