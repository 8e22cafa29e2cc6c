import Vapor
import WorkingCalendar
import ZhauapDomain

/// The answer of `POST /api/v1/acts/check`: every finding, the counts, and whether the act may be signed
/// (no error; warnings are acknowledged at signing).
struct ActCheckResponse: Content {
    /// The same finding as the act view shows (`ActFindingDTO`), without `acknowledged`: nothing is let pass here.
    var findings: [ActFindingDTO]
    var errors: Int
    var warnings: Int
    var signable: Bool

    init(_ findings: [ActFinding]) {
        self.findings = findings.map { ActFindingDTO($0) }
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.count - errors
        signable = errors == 0
    }
}
