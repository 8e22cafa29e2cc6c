import Vapor
import WorkingCalendar
import ZhauapStorage

/// The landing page: what Zhauap is, in Kazakh first, then Russian.
struct HomeController: RouteCollection {
    struct Page: Encodable {
        var calendarVersion: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    @Sendable
    func home(req: Request) async throws -> View {
        let version = try await req.application.calendarProvider.current().version
        return try await req.view.render("home", Page(calendarVersion: version))
    }
}
