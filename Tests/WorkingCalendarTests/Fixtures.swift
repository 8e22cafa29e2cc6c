import WorkingCalendar

/// The shipped calendar, compiled once for all tests.
let kz: WorkingDayCalendar = {
    do { return try WorkingDayCalendar.kazakhstan() } catch { fatalError("bundled calendar: \(error)") }
}()

func d(_ text: String) -> CivilDate {
    do { return try CivilDate(iso: text) } catch { fatalError("bad fixture date \(text)") }
}
