import Fluent
import Foundation
import Testing
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage
import ZhauapTestSupport
import ZhauapWeb

@Suite("Storage: what letters print about their signatory and body, on SQLite and PostgreSQL", .serialized)
struct OrganisationFieldsTests {
    @Test("A user's Russian position and a body's contacts are stored and read back, by id and through an API token",
          arguments: TestDatabases.all)
    func roundTrip(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let store = FluentOrganisationStore(database: app.db)
            var body = AdministrativeBody(code: "POS", nameKk: "Позиция әкімдігі", nameRu: "Акимат позиций", address: "Алматы",
                                          contacts: "+7 727 111 11 11")
            try await store.add(body)
            let id = try await store.addUser(bodyID: body.id, login: "pos", passwordHash: "x", name: "Арман", position: "Бас маман",
                                             roles: [.executor], positionRu: "Главный специалист")
            let actor = try #require(try await store.actor(id))
            #expect(actor.position(.kk) == "Бас маман" && actor.position(.ru) == "Главный специалист")
            #expect(try await store.body(body.id)?.contacts == "+7 727 111 11 11")
            body.contacts = "info@example.kz"
            try await store.update(body)
            #expect(try await store.body(body.id)?.contacts == "info@example.kz")
            try await store.updateAccount(id, name: "Арман", position: "Бас маман", roles: [.executor], active: true, positionRu: nil)
            #expect(try await store.actor(id)?.position(.ru) == "Бас маман", "without a Russian position the one position is printed")
        }
    }
}
