import FluentKit
import SQLKit

/// A sending record gains its delivery (APPC 66, 81; R33): to which participant of the hearing, which case
/// document was sent, the day it reached the addressee and the proof.
struct AddSendingDelivery: AsyncMigration {
    var name: String { "0021-add-sending-delivery" }

    static let columns = ["participant INTEGER", "case_document INTEGER", "delivered_on TEXT", "proof TEXT", "proof_document INTEGER"]

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for column in Self.columns { try await sql.raw("ALTER TABLE appeal_sendings ADD COLUMN \(unsafeRaw: column)").run() }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for column in Self.columns.reversed() {
            try await sql.raw("ALTER TABLE appeal_sendings DROP COLUMN \(unsafeRaw: String(column.split(separator: " ")[0]))").run()
        }
    }
}
