extension WorkingDayCalendar {
    /// Computes a term's last day with its explanation (GUIDE R14–R18).
    ///
    /// - Working days: under the guide's rule the event day is day 1 if it is a working day, else the
    ///   first working day after it; under the next-day rule the first working day after the event is day 1.
    /// - Calendar days: the amount-th day (event day = day 1, or the day after it), then rolled forward
    ///   to the next working day if it is not one.
    /// - Months and years: the day before the same-numbered day of the last month/year (guide), or that
    ///   day itself (next-day); if the target month lacks that day, its last day; then rolled forward.
    public func term(_ request: TermRequest) throws(CalendarError) -> TermResult {
        guard (1...TermRequest.maximumAmount).contains(request.amount) else { throw .invalidAmount(request.amount) }
        let start = request.start
        let startIndex = try index(start)
        var dayOne = start
        var rule = TermExplanation.DayOneRule.eventDay
        var startReason: DayReason? = nil
        var nominalEnd: CivilDate
        var clamped = false

        switch request.unit {
        case .workingDays:
            switch request.convention {
            case .eventDay:
                if !working[startIndex] {
                    rule = .firstWorkingDayAfterNonWorkingEvent
                    startReason = reasons[startIndex]
                }
                dayOne = try firstWorkingDay(onOrAfter: start)
            case .nextDay:
                let after = start.adding(days: 1)
                dayOne = try firstWorkingDay(onOrAfter: after)
                rule = dayOne == after ? .dayAfterEvent : .firstWorkingDayAfterEvent
            }
            nominalEnd = try nthWorkingDay(request.amount, onOrAfter: dayOne)
        case .calendarDays:
            if request.convention == .nextDay { dayOne = start.adding(days: 1); rule = .dayAfterEvent }
            nominalEnd = dayOne.adding(days: request.amount - 1)
        case .months, .years:
            let months = request.unit == .months ? request.amount : request.amount * 12
            let total = start.year * 12 + (start.month - 1) + months
            let (y, m) = (total / 12, total % 12 + 1)
            if request.convention == .nextDay { dayOne = start.adding(days: 1); rule = .dayAfterEvent }
            // A term ending beyond the years a civil date can hold is beyond every calendar too.
            guard CivilDate(year: y, month: m, day: 1) != nil else { throw CalendarError.outOfRange(start, supported: years) }
            if let same = CivilDate(year: y, month: m, day: start.day) {
                nominalEnd = request.convention == .eventDay ? same.adding(days: -1) : same
            } else {
                nominalEnd = CivilDate(year: y, month: m, day: CivilDate.daysIn(month: m, year: y))!
                clamped = true
            }
        }

        let endIndex = try index(nominalEnd)
        let end = try firstWorkingDay(onOrAfter: nominalEnd)
        let lastIndex = try index(end)
        let firstIndex = try index(dayOne)

        var skipped: [TermExplanation.Day] = []
        if request.unit == .workingDays {
            for i in firstIndex..<endIndex where !working[i] {
                skipped.append(.init(date: date(at: i), reason: reasons[i]))
            }
        }
        let rolled = (endIndex..<lastIndex).map { TermExplanation.Day(date: date(at: $0), reason: reasons[$0]) }

        var warnings: [TermWarning] = []
        let span = min(startIndex, firstIndex)...lastIndex
        for year in date(at: span.lowerBound).year...end.year where year > dataYears.upperBound {
            warnings.append(.projectedYear(year))
        }
        if let p = span.first(where: { provisional[$0] }) { warnings.append(.provisionalData(date(at: p))) }

        let explanation = TermExplanation(
            start: start, dayOne: dayOne, dayOneRule: rule, startReason: startReason, nominalEnd: nominalEnd,
            skipped: skipped, rolledOver: rolled, clampedToMonthEnd: clamped, end: end,
            workingDaysCounted: Int(cumulative[lastIndex + 1] - cumulative[firstIndex]),
            calendarVersion: version, warnings: warnings)
        return TermResult(request: request, end: end, explanation: explanation)
    }

    /// The end of a working-day term under the guide's rule, without an explanation: the hot path
    /// for worklists and benchmarks.
    @inline(__always)
    public func addWorkingDays(_ amount: Int, to start: CivilDate) throws(CalendarError) -> CivilDate {
        guard (1...TermRequest.maximumAmount).contains(amount) else { throw .invalidAmount(amount) }
        return try nthWorkingDay(amount, onOrAfter: start)
    }
}
