import FluentKit
import FluentSQL

/// Indexes that keep the journal, the head's page and the lists independent of a body's age:
/// - `appeals_body_day`: the journal of one day in number order, and registrations per day;
/// - `appeals_body_state_kind_executor`: counts by state, kind and executor read from the index alone;
/// - `appeals_body_answered`: answers, on-time answers and answers per day;
/// - partial indexes of the few appeals waiting for a head's decision (recusal, extension);
/// - `appeals_body_due_number` replaces `appeals_body_due`: due date, then number, so a list in that order
///   (and its tail of appeals with nothing due) is read in index order with nothing to sort.
struct AddAppealReportIndexes: AsyncMigration {
    var name: String { "0008-add-appeal-report-indexes" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX appeals_body_day ON appeals (body_id, registered_on, reg_sequence)").run()
        try await sql.raw("CREATE INDEX appeals_body_state_kind_executor ON appeals (body_id, state, kind, executor_id)").run()
        try await sql.raw("CREATE INDEX appeals_body_answered ON appeals (body_id, answered_on, answered_late)").run()
        try await sql.raw("CREATE INDEX appeals_body_recusal ON appeals (body_id, reg_number) WHERE recusal_pending IS NOT NULL").run()
        try await sql.raw("CREATE INDEX appeals_body_extension ON appeals (body_id, extension_until, reg_number) WHERE extension_until IS NOT NULL").run()
        try await sql.raw("CREATE INDEX appeals_body_due_number ON appeals (body_id, next_due, reg_number)").run()
        try await sql.raw("DROP INDEX appeals_body_due").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX appeals_body_due ON appeals (body_id, next_due)").run()
        for name in ["appeals_body_due_number", "appeals_body_extension", "appeals_body_recusal", "appeals_body_answered",
                     "appeals_body_state_kind_executor", "appeals_body_day"] {
            try await sql.raw("DROP INDEX \(ident: name)").run()
        }
    }
}
