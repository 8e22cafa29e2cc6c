import Foundation
import WorkingCalendar

/// APPC 88: the appeal reports a criminal offence or a threat to state or public security — who or what
/// said so, in which words, and whether a head cleared it (with the reason, on the trail). While it stands
/// the appeal is never terminated as anonymous, and forwarding to the competent body is proposed.
public struct CrimeFlag: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// The registrar ticked it on registration.
        case registrar
        /// The product read it in the text (`KindSuggester.crimeFinding`).
        case suggestion
    }

    public struct Clearance: Sendable, Hashable, Codable {
        public var by: UUID
        public var byName: String
        public var on: CivilDate
        public var reason: String
    }

    public var setBy: Source
    public var on: CivilDate
    /// The categories read (drugs, weapons, bribery …) and the words, as typed, that led there.
    public var categories: [String]
    public var words: [String]
    public var cleared: Clearance?

    public init(setBy: Source, on: CivilDate, categories: [String] = [], words: [String] = [], cleared: Clearance? = nil) {
        (self.setBy, self.on, self.categories, self.words, self.cleared) = (setBy, on, categories, words, cleared)
    }

    /// The flag at registration: ticked by the registrar, read in the text, or both (the registrar's tick names the source).
    public static func atRegistration(ticked: Bool, finding: CrimeFinding?, on day: CivilDate) -> CrimeFlag? {
        guard ticked || finding != nil else { return nil }
        return CrimeFlag(setBy: ticked ? .registrar : .suggestion, on: day, categories: finding?.categories ?? [], words: finding?.words ?? [])
    }
}
