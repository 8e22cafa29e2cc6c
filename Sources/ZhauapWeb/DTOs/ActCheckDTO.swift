import Vapor
import WorkingCalendar
import ZhauapDomain

/// The answer of `POST /api/v1/acts/check`: every finding, the counts, and whether the act may be signed
/// (no error; warnings are acknowledged at signing).
struct ActCheckResponse: Content {
    struct Finding: Content {
        var code: String
        var severity: String
        var section: String?
        var language: String?
        var excerpt: String?
        var otherExcerpt: String?
        var basis: String
        var why: LocalizedText
        var fix: LocalizedText
    }

    var findings: [Finding]
    var errors: Int
    var warnings: Int
    var signable: Bool

    init(_ findings: [ActFinding]) {
        self.findings = findings.map {
            Finding(code: $0.code, severity: $0.severity.rawValue, section: $0.section?.rawValue, language: $0.language?.rawValue,
                    excerpt: $0.excerpt, otherExcerpt: $0.otherExcerpt, basis: $0.basis, why: $0.why, fix: $0.fix)
        }
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.count - errors
        signable = errors == 0
    }
}
