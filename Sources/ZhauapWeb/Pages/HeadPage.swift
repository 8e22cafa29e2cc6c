import Foundation
import WorkingCalendar
import ZhauapDomain

/// The head's page model: terms at risk and overdue, counts, the on-time rate, a weekly chart as SVG
/// shapes (drawn by the template, so every label is escaped), and decisions waiting.
struct HeadPage: Encodable {
    /// A count and the worklist it counts (the desk, filtered).
    struct Count: Encodable { var label: String; var n: Int; var href: String }
    struct Row: Encodable { var id: UUID; var number: String; var due: String }
    struct Bar: Encodable { var x: Int; var y: Int; var height: Int; var series: String; var title: String }
    struct Tick: Encodable { var x: Int; var label: String }
    /// A value on the chart's vertical axis, with the height it is drawn at.
    struct Level: Encodable { var y: Int; var label: String }

    var atRisk: [Row]
    var overdue: [Row]
    var byState: [Count]
    var byKind: [Count]
    var byExecutor: [Count]
    var onTimeRate: String
    var answered: Int
    var bars: [Bar]
    var ticks: [Tick]
    var levels: [Level]
    var pendingRecusals: [Row]
    var pendingExtensions: [Row]
    /// Requests for assistance past their term or unanswerable (R22).
    var alerts: [RequestAlertRow] = []
    /// R40: the body's appeals whose hearing has objections awaiting an answer.
    var objections: [ObjectionAlertRow] = []
    /// APPC 91(4): complaints to pass to the higher body.
    var complaints: [ComplaintAlertRow] = []

    static let weeks = 12
    static let chartHeight = 160

    /// The Monday that starts the chart's first week.
    static func firstWeek(today: CivilDate) -> CivilDate {
        today.adding(days: -(today.weekday.rawValue - 1) - 7 * (weeks - 1))
    }

    static func make(stats: BodyStatistics, atRisk: [WorklistRow], overdue: [WorklistRow], executors: [Actor], today: CivilDate,
                     t: [String: String]) -> HeadPage {
        func row(_ r: WorklistRow) -> Row { Row(id: r.id, number: r.number, due: r.nextDue.flatMap { CivilDate($0)?.dotted } ?? "—") }
        let names = Dictionary(uniqueKeysWithValues: executors.map { ($0.userID, $0.name) })
        let start = firstWeek(today: today)
        func perWeek(_ days: [CivilDate], _ counts: [CivilDate: Int]) -> [Int] {
            var out = Array(repeating: 0, count: weeks)
            func add(_ d: CivilDate, _ n: Int) {
                guard d >= start else { return }
                let w = (d.dayNumber - start.dayNumber) / 7
                if (0..<weeks).contains(w) { out[w] += n }
            }
            for d in days { add(d, 1) }
            for (d, n) in counts { add(d, n) }
            return out
        }
        let received = perWeek(stats.receivedDays, stats.receivedPerDay), answered = perWeek(stats.answeredDays, stats.answeredPerDay)
        let top = max(1, (received + answered).max() ?? 1)
        var bars: [Bar] = [], ticks: [Tick] = []
        for w in 0..<weeks {
            let x = 40 + w * 56
            let week = start.adding(days: 7 * w).dotted
            for (offset, series, n) in [(0, "received", received[w]), (24, "answered", answered[w])] {
                let h = n * chartHeight / top
                bars.append(Bar(x: x + offset, y: 10 + chartHeight - h, height: h, series: series,
                                title: "\(week): \(t["chart_" + series] ?? series) \(n)"))
            }
            // Every second week is labelled, large enough to read when a phone scales the chart to half.
            if w % 2 == 0 { ticks.append(Tick(x: x + 22, label: String(week.prefix(5)))) }
        }
        // The axis: zero, the middle and the top, as whole numbers.
        let levels = Array(Set([0, top / 2, top])).sorted().map { Level(y: 10 + chartHeight - $0 * chartHeight / top, label: String($0)) }
        return HeadPage(
            atRisk: atRisk.map(row), overdue: overdue.map(row),
            byState: stats.byState.sorted { $0.key < $1.key }.map {
                Count(label: t["state_" + $0.key] ?? $0.key, n: $0.value, href: "/desk?scope=all&state=\($0.key)")
            },
            byKind: stats.byKind.sorted { $0.key < $1.key }.map {
                Count(label: t["kind_" + $0.key] ?? $0.key, n: $0.value, href: "/desk?scope=all&state=any&kind=\($0.key)")
            },
            byExecutor: stats.openByExecutor.map {
                Count(label: $0.key.flatMap { names[$0] } ?? (t["head_unassigned"] ?? "—"), n: $0.value,
                      href: $0.key.map { "/desk?executor=\($0.uuidString)" } ?? "/desk?scope=unassigned")
            }.sorted { $0.label < $1.label },
            onTimeRate: stats.answered == 0 ? "—" : "\(stats.answeredOnTime * 100 / stats.answered)%",
            answered: stats.answered, bars: bars, ticks: ticks, levels: levels,
            pendingRecusals: stats.pendingRecusals.map { Row(id: $0.id, number: $0.number, due: "") },
            pendingExtensions: stats.pendingExtensions.map { Row(id: $0.id, number: $0.number, due: $0.until.dotted) })
    }
}
