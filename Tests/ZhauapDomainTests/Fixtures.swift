import Foundation
import WorkingCalendar
@testable import ZhauapDomain

enum F {
    static let calendar: WorkingDayCalendar = {
        do { return try WorkingDayCalendar.kazakhstan() } catch { fatalError("\(error)") }
    }()
    static let rules: TermRules = {
        do { return try TermRules.bundled() } catch { fatalError("\(error)") }
    }()
    static let body = AdministrativeBody(
        code: "ALM", nameKk: "Алматы қаласының әкімдігі", nameRu: "Акимат города Алматы",
        competenceAreas: [CompetenceArea(code: "land", nameKk: "Жер қатынастары", nameRu: "Земельные отношения",
                                         markers: ["жер учаскесі", "земельный участок"])])
    static let registrar = Actor(userID: UUID(), bodyID: body.id, name: "Әлия Серікқызы", position: "тіркеуші", roles: [.registrar])
    static let executor = Actor(userID: UUID(), bodyID: body.id, name: "Арман Қасымов", position: "бас маман", roles: [.executor])
    static let otherExecutor = Actor(userID: UUID(), bodyID: body.id, name: "Дана Ахметова", position: "маман", roles: [.executor])
    static let head = Actor(userID: UUID(), bodyID: body.id, name: "Бақыт Омаров", position: "басшы", roles: [.head])

    static func d(_ s: String) -> CivilDate { CivilDate(s)! }

    /// An instant given as local time in Asia/Almaty (UTC+6 until 1 March 2024, UTC+5 since).
    static func almaty(_ s: String) -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Almaty")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return f.date(from: s)!
    }

    static func context(_ actor: Actor, today: String) -> ProcedureContext {
        ProcedureContext(actor: actor, body: body, today: d(today), calendar: calendar, rules: rules)
    }

    static func register(_ draft: Procedure.Draft, today: String = "2024-01-25") throws -> (Appeal, [AppealEvent]) {
        try Procedure.register(draft, id: UUID(), sequence: 7, recordedAt: Date(), trackingCode: "K7Q2",
                               context: context(registrar, today: today))
    }

    static func registered(essence: String = "Жер учаскесін беруіңізді сұраймын", anonymous: Bool = false,
                           crime: Bool = false) throws -> Appeal {
        let applicant = anonymous ? Applicant() : Applicant(surname: "Нұрланов", givenName: "Ержан", iin: "061211600012",
                                                           postalAddress: "Алматы, Абай д. 1")
        return try register(Procedure.Draft(channel: .paper, receivedAt: almaty("2024-01-25T10:00:00"), applicant: applicant,
                                            essence: essence, signaturePresent: !anonymous, reportsCrimeOrThreat: crime)).0
    }

    static func apply(_ cmd: AppealCommand, _ a: Appeal, by actor: Actor, on today: String) throws -> Appeal {
        try Procedure.apply(cmd, to: a, context: context(actor, today: today)).0
    }

    static func assigned(_ essence: String = "Жер учаскесін беруіңізді сұраймын", anonymous: Bool = false, crime: Bool = false) throws -> Appeal {
        try apply(.assign(executorID: executor.userID), registered(essence: essence, anonymous: anonymous, crime: crime), by: head, on: "2024-01-25")
    }
}
