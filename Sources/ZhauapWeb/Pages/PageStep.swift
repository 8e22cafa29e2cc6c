import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// A step taken from a page's form: the form read as the step's command (decoded by the step itself, as the
/// API's actions are), and a refusal as the page shows it — its status, the field it names and the reason
/// in the page's language.
enum PageStep {
    struct Refusal {
        var status: HTTPStatus
        var field: String?
        /// The form could not be read (a missing or wrong value) rather than refused by the procedure.
        var unreadable: Bool
        var text: @Sendable (Language, [String: String]) -> String
    }

    /// A step's form posted to `/appeals/{id}/…/steps/{action}` by a signed-in browser (CSRF-checked): who,
    /// on which appeal, which of `steps`, and the fields; a step the page does not take is not found.
    static func posted(_ req: Request, steps: Set<Action>) async throws -> (actor: Actor, id: UUID, action: Action, form: FormFields) {
        let actor = try await AppealPagesController.signedIn(req)
        try CSRF.verify(req)
        let id = try req.appealID()
        guard let name = req.parameters.get("action"), let action = Action(rawValue: name), steps.contains(action) else { throw Abort(.notFound) }
        return (actor, id, action, FormFields(req))
    }

    static func command(_ action: Action, form: FormFields, listsAlwaysSent: [String] = []) throws -> AppealCommand {
        var fields = try JSONSerialization.jsonObject(with: try form.json(listsAlwaysSent: listsAlwaysSent)) as? [String: Any] ?? [:]
        fields["action"] = action.rawValue
        return try JSONDecoder().decode(ActionRequest.self, from: try JSONSerialization.data(withJSONObject: fields)).command
    }

    /// The refusal a page shows for `error`; rethrows what is no refusal (an appeal not found is the 404 page).
    static func refusal(_ error: any Error) throws -> Refusal {
        switch error {
        case let e as ProcedureError:
            let problem = ProblemMiddleware.procedureProblem(e)
            return Refusal(status: problem.status, field: problem.field, unreadable: false) { lang, _ in e.text(lang) }
        case let e as APIError:
            return Refusal(status: e.status, field: e.field, unreadable: true) { _, t in t["error_form_field"] ?? "" }
        case let e as ServiceError:
            let problem = ProblemMiddleware.problem(for: e)
            if problem.status == .notFound { throw e }
            return Refusal(status: problem.status, field: problem.field, unreadable: false) { _, t in t["error_form_field"] ?? "" }
        default:
            throw error
        }
    }
}
