import FluentKit
import FluentSQL
import Foundation
import WorkingCalendar
import ZhauapDomain

/// What a head sees of the body (R47): counts by state, kind and executor, the on-time rate of answers,
/// appeals received and answered per week, and decisions waiting for the head.
public struct BodyStatistics: Sendable {
    public var byState: [String: Int]
    public var byKind: [String: Int]
    /// Open appeals per executor (nil: not yet assigned).
    public var openByExecutor: [UUID?: Int]
    public var answered: Int
    public var answeredOnTime: Int
    /// Registration days and answer days since `since`, for the weekly chart.
    public var receivedDays: [CivilDate]
    public var answeredDays: [CivilDate]
    /// Open appeals with a recusal request waiting for a decision.
    public var pendingRecusals: [(id: UUID, number: String)]
    /// Open appeals whose executor asked for an extension the head has not decided yet: the date asked for.
    public var pendingExtensions: [(id: UUID, number: String, until: CivilDate)] = []
}

extension FluentAppealStore {
    public func statistics(bodyID: UUID, since: CivilDate) async throws -> BodyStatistics {
        guard let sql = db as? any SQLDatabase else { throw StorageError.notSQL }
        func counts(_ column: String) async throws -> [String: Int] {
            var out: [String: Int] = [:]
            for row in try await sql.raw("SELECT \(unsafeRaw: column) AS k, COUNT(*) AS n FROM appeals WHERE body_id = \(bind: bodyID) GROUP BY \(unsafeRaw: column)").all() {
                out[(try? row.decode(column: "k", as: String?.self)) ?? nil ?? "unknown", default: 0] += try row.decode(column: "n", as: Int.self)
            }
            return out
        }
        let open = AppealState.allCases.filter(\.isOpen).map(\.rawValue)
        var byExecutor: [UUID?: Int] = [:]
        let openRows = try await AppealModel.query(on: db).filter(\.$bodyID == bodyID).filter(\.$state ~~ open)
            .field(\.$id).field(\.$regNumber).field(\.$executorID).field(\.$document).all()
        var pending: [(UUID, String)] = []
        var extensions: [(UUID, String, CivilDate)] = []
        for m in openRows {
            byExecutor[m.executorID, default: 0] += 1
            guard let a = try? Self.decode(m.document) else { continue }
            if a.recusal != nil, a.recusal?.decision == nil { pending.append((m.id!, m.regNumber)) }
            if let r = a.extensionRequest, r.isPending { extensions.append((m.id!, m.regNumber, r.until)) }
        }
        let answered = try await AppealEventModel.query(on: db).filter(\.$bodyID == bodyID).filter(\.$type == "answered").all()
        let received = try await AppealModel.query(on: db).filter(\.$bodyID == bodyID).filter(\.$registeredOn >= since.description)
            .field(\.$registeredOn).all()
        return BodyStatistics(
            byState: try await counts("state"), byKind: try await counts("kind"), openByExecutor: byExecutor,
            answered: answered.count, answeredOnTime: answered.filter { $0.details.contains(#""late":"false""#) }.count,
            receivedDays: received.compactMap { CivilDate($0.registeredOn) },
            answeredDays: answered.compactMap { CivilDate($0.legalDate) }.filter { $0 >= since },
            pendingRecusals: pending, pendingExtensions: extensions)
    }
}
