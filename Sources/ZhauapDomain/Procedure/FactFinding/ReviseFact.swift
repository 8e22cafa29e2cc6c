import Foundation
import WorkingCalendar

/// R21: as the investigation goes on, a fact's standing and its evidence change; the trail keeps each revision.
public struct ReviseFact: ProcedureStep {
    public static let action = Action.reviseFact
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head]
    public static func isOffered(on a: Appeal) -> Bool { !a.facts.isEmpty }

    public var number: Int
    public var statement: String?
    public var statementKk: String?
    public var statementRu: String?
    public var status: FactStatus?
    public var bearing: FactBearing?
    public var evidence: [Int]?

    public init(number: Int, statement: String? = nil, status: FactStatus? = nil, bearing: FactBearing? = nil, evidence: [Int]? = nil) {
        (self.number, self.statement, self.status, self.bearing, self.evidence) = (number, statement, status, bearing, evidence)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        guard let i = a.facts.firstIndex(where: { $0.number == number }) else { throw .unknownFact(number) }
        var f = a.facts[i]
        if let statement {
            try Self.nonEmpty(statement, "statement")
            f.statement = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let statementKk { f.statementKk = DocumentWording.given(statementKk) }
        if let statementRu { f.statementRu = DocumentWording.given(statementRu) }
        if let status { f.status = status }
        if let bearing { f.bearing = bearing }
        if let evidence { f.evidence = try RecordFact.checkedEvidence(evidence, in: a) }
        f.revisedOn = c.today
        a.facts[i] = f
        return StepOutcome([AppealEvent(.factRevised(FactRecorded(f)), on: c.today)])
    }
}
