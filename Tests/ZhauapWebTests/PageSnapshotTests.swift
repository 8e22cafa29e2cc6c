import Foundation
import Testing
import VaporTesting
import WorkingCalendar
import ZhauapDomain
@testable import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// Whole pages rendered from plain models (no database, no clock): a change to a template or a model
/// shows up as a reviewed snapshot change.
@Suite("Pages: whole-page snapshots from plain models")
struct PageSnapshotTests {
    static let calendar: WorkingDayCalendar = { try! WorkingDayCalendar.kazakhstan() }()
    static let body = AdministrativeBody(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000B1")!, code: "ALM",
                                         nameKk: "Алматы қаласының әкімдігі", nameRu: "Акимат города Алматы",
                                         competenceAreas: [CompetenceArea(code: "land", nameKk: "Жер қатынастары", nameRu: "Земельные отношения",
                                                                          markers: ["жер учаскесі", "земельный участок"])])
    static let head = Actor(userID: UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!, bodyID: body.id,
                            name: "Омаров Бақыт", position: "басшы", roles: [.head, .registrar])
    static let executor = Actor(userID: UUID(uuidString: "00000000-0000-0000-0000-0000000000A2")!, bodyID: body.id,
                                name: "Қасымов Арман", position: "бас маман", roles: [.executor])

    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    static func render<C: Encodable>(_ app: Application, _ template: String, lang: Language, user: Actor?, path: String, _ content: C) async throws -> String {
        let context = PageContext(lang: lang.rawValue, t: app.strings[lang], csrf: "CSRF-TOKEN", user: user.map(UserDTO.init),
                                  isHead: user?.roles.contains(.head) ?? false, isAdmin: user?.roles.contains(.admin) ?? false,
                                  path: path, assets: "SNAPSHOT", content: content)
        let view = try await app.view.render(template, context).get()
        return String(buffer: view.data)
    }

    @Test("R47: the desk in Kazakh — term states as colour and text, working days left across Nauryz, filters")
    func desk() async throws {
        try await withZhauapApp { app in
            let rows = [
                WorklistRow(id: Self.id(1), number: "ALM-2024-00003", state: "under_consideration", kind: "request", executorID: Self.executor.userID,
                            registeredOn: "2024-02-28", nextDue: "2024-03-19", finalDue: "2024-03-19",
                            applicant: "Нұрланова Айгерім", subject: "Аулада түнгі жарық жоқ"),
                WorklistRow(id: Self.id(2), number: "ALM-2024-00007", state: "awaiting_correction", kind: nil, executorID: Self.executor.userID,
                            registeredOn: "2024-03-12", nextDue: "2024-03-27", finalDue: "2024-03-27", nearPurpose: "correction", nearDue: "2024-03-22",
                            applicant: "«Бастау» ЖШС", subject: "Жер учаскесін беру туралы"),
                WorklistRow(id: Self.id(3), number: "ALM-2024-00011", state: "registered", kind: "complaint", executorID: nil,
                            registeredOn: "2024-03-19", nextDue: "2024-03-21", finalDue: "2024-04-10", nearPurpose: "forwarding", nearDue: "2024-03-21",
                            applicant: nil, subject: "Шағым"),
            ]
            let filter = DeskPage.Filter.read(scope: nil, state: nil, kind: "request", roles: Self.executor.roles)
            let page = DeskPage.make(rows: rows, filter: filter, bodyName: Self.body.nameKk, today: CivilDate("2024-03-20")!,
                                     calendar: Self.calendar, colleagues: [Self.executor], t: app.strings[.kk])
            #expect(page.rows.map(\.executor) == [Self.executor.name, Self.executor.name, "Тапсырылмаған"])
            #expect(page.rows.map(\.left) == ["−1", "3", "13"], "from 20 Mar: 21–22 Mar and 25 Mar (for Saturday the 23rd) are Nauryz days off")
            #expect(page.rows.map(\.termStateCode) == ["overdue", "at_risk", "at_risk"], "the third: the forwarding term is near")
            #expect(page.rows.map(\.nearTerm) == [nil, "өтініш беруші түзетеді: 22.03.2024", "жіберу мерзімі: 21.03.2024"])
            try Snapshot.assertMatches(try await Self.render(app, "desk", lang: .kk, user: Self.executor, path: "/desk", page), named: "desk-kk")
        }
    }

    @Test("R5, R9, R18: the appeal page in Russian — masked IIN for a registrar, suggested kind with its words, terms explained, actions")
    func appeal() async throws {
        try await withZhauapApp { app in
            let registrar = Actor(userID: Self.id(90), bodyID: Self.body.id, name: "Серікқызы Әлия", position: "тіркеуші", roles: [.registrar])
            let rules = try TermRules.bundled()
            let context = ProcedureContext(actor: registrar, body: Self.body, today: CivilDate("2024-01-25")!, calendar: Self.calendar, rules: rules)
            let received = Date(timeIntervalSince1970: 1_706_155_200) // 25.01.2024 10:00 in Almaty (UTC+6 then)
            let draft = Procedure.Draft(channel: .paper, receivedAt: received,
                                        applicant: Applicant(surname: "Нұрланов", givenName: "Ержан", iin: "061211600012", postalAddress: "Алматы, Абай д. 1"),
                                        essence: "Прошу предоставить сведения о земельном участке <b>№ 12</b>.", signaturePresent: true)
            let (appeal, _) = try Procedure.register(draft, id: Self.id(7), sequence: 7, recordedAt: received, trackingCode: "K7Q2", context: context)
            let trail = [TrailEntry(seq: 1, type: "registered", actorID: registrar.userID, actorName: registrar.name, actorRoles: ["registrar"],
                                    recordedAt: received, legalDate: CivilDate("2024-01-25")!, reason: nil, details: [:], hash: "h1")]
            var page = AppealPage.make(appeal, trail: trail, calendar: Self.calendar, actor: registrar, executors: [Self.executor],
                                       bodies: [Self.body], rules: rules, lang: .ru, t: app.strings[.ru], error: nil)
            page.today = "2024-01-25"
            #expect(page.iin != "061211600012", "a registrar sees the IIN masked")
            try Snapshot.assertMatches(try await Self.render(app, "appeal", lang: .ru, user: registrar, path: "/appeals/\(Self.id(7))", page),
                                       named: "appeal-ru")
        }
    }

    @Test("R47: the head's page in Kazakh — at risk, overdue, counts, on-time rate and the weekly chart")
    func head() async throws {
        try await withZhauapApp { app in
            let today = CivilDate("2024-03-20")!
            let stats = BodyStatistics(byState: ["under_consideration": 4, "answered": 6, "registered": 1], byKind: ["request": 7, "complaint": 2],
                                       openByExecutor: [Self.executor.userID: 4, nil: 1], answered: 6, answeredOnTime: 5,
                                       receivedDays: [CivilDate("2024-03-04")!, CivilDate("2024-03-05")!, CivilDate("2024-03-12")!, CivilDate("2024-03-19")!],
                                       answeredDays: [CivilDate("2024-03-11")!, CivilDate("2024-03-19")!],
                                       pendingRecusals: [(Self.id(5), "ALM-2024-00005")],
                                       pendingExtensions: [(Self.id(6), "ALM-2024-00006", CivilDate("2024-04-15")!)])
            let atRisk = [WorklistRow(id: Self.id(2), number: "ALM-2024-00007", state: "under_consideration", kind: "request",
                                      executorID: Self.executor.userID, registeredOn: "2024-03-12", nextDue: "2024-03-27")]
            let overdue = [WorklistRow(id: Self.id(1), number: "ALM-2024-00003", state: "under_consideration", kind: "request",
                                       executorID: Self.executor.userID, registeredOn: "2024-02-28", nextDue: "2024-03-19")]
            let page = HeadPage.make(stats: stats, atRisk: atRisk, overdue: overdue, executors: [Self.executor], today: today, t: app.strings[.kk])
            try Snapshot.assertMatches(try await Self.render(app, "head", lang: .kk, user: Self.head, path: "/head", page), named: "head-kk")
        }
    }

    @Test("Public tracking in Russian: state and due date only; and the 404 page in English")
    func trackAndError() async throws {
        try await withZhauapApp { app in
            let track = PagesController.TrackContent(number: "ALM-2024-00007", searched: true, found: true, state: "under_consideration",
                                                     stateText: app.strings[.ru]["state_under_consideration"], registeredOn: "25.01.2024", due: "15.02.2024")
            try Snapshot.assertMatches(try await Self.render(app, "track", lang: .ru, user: nil, path: "/track", track), named: "track-ru")
            let error = ErrorPage.Content(status: 404, title: app.strings[.en]["error_page_not_found_title"]!, text: app.strings[.en]["error_page_not_found"]!,
                                          requestID: nil)
            try Snapshot.assertMatches(try await Self.render(app, "error", lang: .en, user: nil, path: "/nowhere", error), named: "error-404-en")
        }
    }
}
