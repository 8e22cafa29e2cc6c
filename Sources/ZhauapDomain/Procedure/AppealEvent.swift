import WorkingCalendar

/// What a step of the procedure did, for the tamper-evident trail (R45): its type, the legal date it
/// takes effect, why, and the facts that matter. Who and when it was recorded are added by the service.
public struct AppealEvent: Sendable, Hashable, Codable {
    public var type: String
    public var legalDate: CivilDate
    public var reason: String?
    public var details: [String: String]

    public init(_ type: String, on legalDate: CivilDate, reason: String? = nil, _ details: [String: String] = [:]) {
        self.type = type
        self.legalDate = legalDate
        self.reason = reason
        self.details = details
    }
}
