import Foundation
import WorkingCalendar

extension Appeal {
    /// What the justification check reads from this case (R39, R40, R42, R35, R33): the draft's two
    /// versions, the hearing as it stands and the applicant's arguments known to the case.
    public func actCheckInput(_ d: ActDraft, on day: CivilDate) -> ActCheckInput {
        var hearingFacts: ActHearingFacts?
        if let h = hearing {
            let received = sendings.filter { $0.document == .draftDecision }.compactMap { $0.deliveredOn ?? $0.sentOn }.max()
            switch h.conduct {
            case .held(let held): hearingFacts = ActHearingFacts(held: true, form: held.form, draftGivenOn: received)
            case .omitted(let o): hearingFacts = ActHearingFacts(held: false, omissionReason: o.textKk)
            case .pending: hearingFacts = ActHearingFacts(held: false, draftGivenOn: received)
            }
            if h.ruling.decision == .notApplicable { hearingFacts = nil }
        } else if d.kind == .burdening {
            hearingFacts = ActHearingFacts(held: false)
        }
        var args = (hearing?.arguments ?? []).map { ActArgument(number: $0.number, text: $0.text) }
        args += facts.filter(\.applicantArgument).map { ActArgument(number: 100 + $0.number, text: $0.statement) }
        return ActCheckInput(kind: d.kind, appealKind: kind, discretionary: d.discretionary, hearing: hearingFacts, actDate: day,
                             versions: d.versions, arguments: args)
    }

    /// R39–R44: the check's findings on the draft, the hearing's gate (APPC 73) and the approvals awaited —
    /// what stands between the draft and the signature on `day`.
    public func actReadiness(on day: CivilDate, calendar: WorkingDayCalendar, rules: TermRules) -> ActReadiness? {
        guard let d = act else { return nil }
        let findings = ActCheck.findings(actCheckInput(d, on: day), calendar: calendar)
        let gate = d.kind == .complaintDecision && hearing == nil ? nil : adoptionGate(on: day, calendar: calendar, rules: rules)
        return ActReadiness(findings: findings, gate: gate,
                            openWarnings: findings.filter { $0.severity == .warning && !d.acknowledged($0) },
                            pendingApprovals: d.pendingApprovals)
    }
}
