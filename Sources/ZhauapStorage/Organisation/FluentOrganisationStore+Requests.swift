import FluentKit
import FluentSQL
import Foundation
import ZhauapDomain

/// What every API request reads first, as plain SQL: the bearer token's user with their body in one
/// statement, and a body by id.
extension FluentOrganisationStore {
    static let bodyColumns = "b.id AS b_id, b.code AS b_code, b.name_kk AS b_name_kk, b.name_ru AS b_name_ru, b.address AS b_address, b.contacts AS b_contacts, b.higher_body_id AS b_higher_body_id, b.competence_areas AS b_competence_areas, b.working_start AS b_working_start, b.working_end AS b_working_end, b.time_zone AS b_time_zone, b.correction_days AS b_correction_days"

    /// The active user a bearer token belongs to, with the user's body and the latest calendar override's
    /// number (nil: none), which tells `CalendarProvider` whether its compiled calendar is current without
    /// a statement of its own. Nil when the token is unknown, expired or its user deactivated.
    public func actorAndBody(token: String, now: Date) async throws -> (actor: Actor, body: AdministrativeBody, calendarStamp: Int?)? {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        guard let row = try await sql.raw("""
            SELECT t.expires_at, u.id AS u_id, u.body_id AS u_body_id, u.name AS u_name, u.position AS u_position, u.position_ru AS u_position_ru, u.roles AS u_roles,
              u.active AS u_active, \(unsafeRaw: Self.bodyColumns), (SELECT MAX(id) FROM calendar_overrides) AS calendar_stamp
            FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN bodies b ON b.id = u.body_id
            WHERE t.token_hash = \(bind: Self.hash(token))
            """).first() else { return nil }
        guard try row.decode(column: "expires_at", as: Date.self) > now, try row.decode(column: "u_active", as: Bool.self) else { return nil }
        let actor = Actor(userID: try row.decode(column: "u_id", as: UUID.self), bodyID: try row.decode(column: "u_body_id", as: UUID.self),
                          name: try row.decode(column: "u_name", as: String.self), position: try row.decode(column: "u_position", as: String.self),
                          roles: Set(try row.decode(column: "u_roles", as: String.self).split(separator: ",").compactMap { Role(rawValue: String($0)) }),
                          positionRu: try row.decode(column: "u_position_ru", as: String?.self))
        return (actor, try Self.body(row), try row.decode(column: "calendar_stamp", as: Int?.self))
    }

    static func body(_ row: any SQLRow) throws -> AdministrativeBody {
        AdministrativeBody(
            id: try row.decode(column: "b_id", as: UUID.self), code: try row.decode(column: "b_code", as: String.self),
            nameKk: try row.decode(column: "b_name_kk", as: String.self), nameRu: try row.decode(column: "b_name_ru", as: String.self),
            address: try row.decode(column: "b_address", as: String.self), contacts: try row.decode(column: "b_contacts", as: String?.self) ?? "", higherBodyID: try row.decode(column: "b_higher_body_id", as: UUID?.self),
            competenceAreas: (try? JSONDecoder().decode([CompetenceArea].self,
                                                        from: Data(row.decode(column: "b_competence_areas", as: String.self).utf8))) ?? [],
            workingHours: WorkingHours(start: try row.decode(column: "b_working_start", as: Int.self),
                                       end: try row.decode(column: "b_working_end", as: Int.self)),
            timeZone: try row.decode(column: "b_time_zone", as: String.self), correctionDays: try row.decode(column: "b_correction_days", as: Int.self))
    }
}
