import FluentKit
import FluentSQL
import SQLKit

/// A counter on each user that ends every browser session at once: a session remembers the value it was
/// signed in under and stops working when the counter moves (password changed or reset).
struct AddSessionEpoch: AsyncMigration {
    var name: String { "0006-add-user-session-epoch" }

    func prepare(on db: any Database) async throws {
        try await db.schema(UserModel.schema).field("session_epoch", .int, .required, .sql(.default(0))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(UserModel.schema).deleteField("session_epoch").update()
    }
}
