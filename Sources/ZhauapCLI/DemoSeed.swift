import Fluent
import Foundation
import Vapor
import ZhauapDomain
import ZhauapStorage
import ZhauapWeb

/// On an empty database `serve` creates a demo body and an administrator (who is also head, registrar
/// and executor, so one person can take an appeal from registration to answer) and prints the login once.
enum DemoSeed {
    static func runIfEmpty(_ app: Application) async throws {
        let store = FluentOrganisationStore(database: app.db)
        guard try await store.userCount() == 0 else { return }
        // Another instance starting over the same database may seed first; then there is nothing to do.
        guard try await store.body(code: "DEMO") == nil else { return }
        let body = AdministrativeBody(
            code: "DEMO", nameKk: "Демо әкімдігі", nameRu: "Демо-акимат", address: "Астана, Бейбітшілік к-сі, 1",
            contacts: "+7 7172 00-00-00 · demo@example.kz · 09:00–18:30",
            competenceAreas: [CompetenceArea(code: "land", nameKk: "Жер қатынастары", nameRu: "Земельные отношения",
                                             markers: ["жер учаскесі", "жер", "земельный участок", "земл"])])
        do { try await store.add(body) } catch { return }
        let password = Passwords.generate()
        try await store.addUser(bodyID: body.id, login: "admin", passwordHash: try Bcrypt.hash(password), name: "Демо Әкімші",
                                position: "әкімші", roles: [.installationAdmin, .admin, .head, .registrar, .executor],
                                positionRu: "администратор")
        let banner = """
            Demo body DEMO (Демо әкімдігі / Демо-акимат) created.
            Sign in as: admin   password: \(password)   (shown once)

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
    }
}
