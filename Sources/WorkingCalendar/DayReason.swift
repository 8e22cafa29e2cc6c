/// Why a day is not an ordinary day: the reason a day is off, or why a weekend day is working.
public enum DayReason: Sendable, Hashable {
    /// A weekly day off (Saturday, Sunday).
    case weekend(Weekday)
    /// A statutory holiday or a religious day off.
    case holiday(HolidayInfo)
    /// Law on holidays Art. 5: the holiday fell on a weekend day, so this next working day is off.
    case substitute(for: CivilDate, holiday: HolidayInfo)
    /// A weekday made a day off by decree; its working day, if any, moved to `workingDay`.
    case decreedDayOff(workingDay: CivilDate?, act: ActInfo)
    /// A weekend day (or cancelled substitute) made a working day by decree; its rest moved to `dayOff`.
    case decreedWorkingDay(dayOff: CivilDate?, act: ActInfo)

    /// A stable machine-readable kind: `weekend`, `holiday`, `religious`, `substitute`,
    /// `decreed_day_off`, `decreed_working_day`.
    public var code: String {
        switch self {
        case .weekend: "weekend"
        case .holiday(let h): h.kind == .religious ? "religious" : "holiday"
        case .substitute: "substitute"
        case .decreedDayOff: "decreed_day_off"
        case .decreedWorkingDay: "decreed_working_day"
        }
    }
}

/// A holiday as the calendar cites it.
public struct HolidayInfo: Sendable, Hashable {
    public var id: String
    public var kind: CalendarData.HolidayKind
    public var name: LocalizedText
    public var basis: String
    /// The date is not yet confirmed (e.g. Kurban Ait before the Spiritual Administration announces it).
    public var provisional: Bool
    /// A date announced earlier and then corrected.
    public var announced: CivilDate?
    public var source: String?
}

/// The act behind a decreed transfer, with the issuer's name in each language.
public struct ActInfo: Sendable, Hashable {
    public var issuer: LocalizedText
    public var ref: String?
    public var number: String?
    public var date: CivilDate?
    public var title: String?

    public func citation(_ language: Language) -> String {
        var parts = [issuer[language]]
        if let date { parts.append(date.dotted) }
        if let number { parts.append("№ \(number)") }
        if let ref { parts.append("adilet \(ref)") }
        return parts.joined(separator: ", ")
    }
}

/// What the calendar knows about one day.
public struct DayInfo: Sendable, Hashable {
    public var date: CivilDate
    public var isWorking: Bool
    /// Why the day is off, or why a weekend day is working; `nil` for an ordinary working day.
    public var reason: DayReason?
    /// The year has no confirmed data (no decree or religious dates recorded): computed from the
    /// statutory rules alone.
    public var projected: Bool
    /// The year's data, or this day's date, is marked provisional.
    public var provisional: Bool
}

extension CivilDate {
    /// `dd.mm.yyyy`, as dates are written in documents in Kazakhstan.
    public var dotted: String {
        let parts = description.split(separator: "-")
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}
