import WorkingCalendar

extension Procedure {
    /// APPC 76(2) (R15): the consideration term moves to `until` — a later working day, at most two months
    /// past the original due date, never for a term its rule keeps fixed (complaints, APPC 99) — and the
    /// participant is to be told within 3 working days. Returns the changed appeal and the `extended` event.
    static func extending(_ appeal: Appeal, until: CivilDate, reason: String, reasonRu: String?,
                          context c: ProcedureContext) throws(ProcedureError) -> (Appeal, AppealEvent) {
        var a = appeal
        // The reason is told in the notice: in Kazakh, and in Russian for an appeal in Russian.
        let ru = DocumentWording.given(reasonRu)
        if ru == nil && DocumentWording.russianRequired(for: a) { throw .missingField("reasonRu") }
        guard let i = a.terms.lastIndex(where: { $0.purpose == .consideration && $0.status == .active }) else {
            throw .invalidState(action: Action.extend.rawValue, state: a.state)
        }
        let rule = c.rules.rules.first { $0.id == a.terms[i].ruleID }
        guard rule?.extendable ?? true else { throw .extensionNotAllowed }
        let original = a.terms[i].originalDue ?? a.terms[i].due
        guard until > a.terms[i].due else { throw .notLater(current: a.terms[i].due) }
        let latest: CivilDate
        do {
            latest = try c.calendar.term(TermRequest(start: original, unit: .months, amount: c.rules.maxExtensionMonths,
                                                      convention: .nextDay)).explanation.nominalEnd
        } catch { throw .calendar(error) }
        guard until <= latest else { throw .extensionTooLong(latest: latest) }
        let working: Bool
        do { working = try c.calendar.isWorkingDay(until) } catch { throw .calendar(error) }
        guard working else { throw .notWorkingDay(until) }
        let previous = a.terms[i].due
        a.terms[i].originalDue = original
        a.terms[i].due = until
        a.terms[i].extensionReason = reason
        a.terms[i].extensionReasonRu = ru
        a.close([.extensionNotice], on: c.today)
        a.terms.append(try startTerm(.extensionNotice, for: a, from: c.today, context: c))
        a.issue(.extensionNotice, on: c.today, by: c.actor)
        return (a, AppealEvent(.extended(Extended(from: previous, to: until, originalDue: original)), on: c.today, reason: reason))
    }
}
