import Foundation
import Testing
@testable import ZhauapDomain

@Suite("Roles: the permission matrix")
struct PermissionMatrixTests {
    static let actions = ["register", "assign", "record_completeness", "return_for_correction", "receive_correction",
                          "resolve_uncorrected", "confirm_kind", "forward", "request_recusal", "decide_recusal", "terminate",
                          "extend", "request_extension", "decide_extension", "answer", "record_sending"]

    @Test("Each role may do exactly its part of the procedure", arguments: [
        ("registrar", ["register", "record_completeness", "receive_correction", "request_recusal", "record_sending"]),
        ("assigned executor", ["record_completeness", "return_for_correction", "receive_correction", "confirm_kind", "forward",
                               "request_recusal", "request_extension", "answer", "record_sending"]),
        ("other executor", []),
        ("head", ["register", "assign", "record_completeness", "return_for_correction", "receive_correction", "resolve_uncorrected",
                  "confirm_kind", "forward", "request_recusal", "decide_recusal", "terminate", "extend", "decide_extension", "record_sending"]),
        ("admin", []),
    ])
    func matrix(role: String, allowed: [String]) throws {
        let appeal = try F.assigned()
        let actor: Actor = switch role {
        case "registrar": F.registrar
        case "assigned executor": F.executor
        case "other executor": F.otherExecutor
        case "head": F.head
        default: Actor(userID: UUID(), bodyID: F.body.id, name: "Админ", position: "", roles: [.admin])
        }
        let got = Self.actions.filter { Permissions.allows($0, actor: actor, appeal: appeal) }
        #expect(got == allowed)
    }
}
