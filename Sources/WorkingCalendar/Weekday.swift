/// ISO weekday: Monday is 1, Sunday is 7.
public enum Weekday: Int, Sendable, Codable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public func name(_ language: Language) -> String {
        let i = rawValue - 1
        switch language {
        case .kk: return ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"][i]
        case .ru: return ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"][i]
        case .en: return ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][i]
        }
    }
}
