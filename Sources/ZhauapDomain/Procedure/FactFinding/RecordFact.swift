import Foundation
import WorkingCalendar

/// R20, R21, R23: the executor records a fact of the case — how far it stands, whom it serves and the case
/// documents it rests on — or an argument the applicant put forward (the act must answer each, R40).
public struct RecordFact: ProcedureStep {
    public static let action = Action.recordFact
    public static let allowedIn = AppealState.openStates
    public static let who: Who = [.assignedExecutor, .head]

    public var statement: String
    public var statementKk: String?
    public var statementRu: String?
    public var status: FactStatus
    public var bearing: FactBearing
    public var evidence: [Int]?
    public var applicantArgument: Bool?

    public init(statement: String, statementKk: String? = nil, statementRu: String? = nil, status: FactStatus, bearing: FactBearing,
                evidence: [Int]? = nil, applicantArgument: Bool? = nil) {
        (self.statement, self.statementKk, self.statementRu, self.status, self.bearing, self.evidence, self.applicantArgument) =
            (statement, statementKk, statementRu, status, bearing, evidence, applicantArgument)
    }

    public func apply(to a: inout Appeal, context c: ProcedureContext) throws(ProcedureError) -> StepOutcome {
        try Self.nonEmpty(statement, "statement")
        let support = try Self.checkedEvidence(evidence ?? [], in: a)
        let fact = CaseFact(number: (a.facts.last?.number ?? 0) + 1, statement: statement.trimmingCharacters(in: .whitespacesAndNewlines),
                            statementKk: DocumentWording.given(statementKk), statementRu: DocumentWording.given(statementRu), status: status,
                            bearing: bearing, evidence: support, applicantArgument: applicantArgument ?? false, recordedBy: c.actor.userID,
                            recordedOn: c.today)
        a.facts.append(fact)
        return StepOutcome([AppealEvent(.factRecorded(FactRecorded(fact)), on: c.today)])
    }

    /// Evidence names documents of this case that are not withdrawn, each once, in order.
    static func checkedEvidence(_ numbers: [Int], in a: Appeal) throws(ProcedureError) -> [Int] {
        var seen = Set<Int>()
        for n in numbers {
            guard let d = a.document(n) else { throw .unknownDocument(n) }
            guard !d.isWithdrawn else { throw .documentWithdrawn(n) }
            seen.insert(n)
        }
        return seen.sorted()
    }
}
