import Foundation
import Vapor
import WorkingCalendar

/// `zhauap bench terms`: the speed of working-day offsets on the shipped calendar. Build with
/// `-c release` for figures worth writing down.
struct BenchCommands: AsyncCommandGroup {
    var help: String { "Benchmarks (build with -c release)" }
    var commands: [String: any AnyAsyncCommand] { ["terms": TermsBench(), "worklist": WorklistBench(), "http": HTTPBench(), "case": CaseBench(), "suggest": SuggestBench(), "search": SearchBench(), "acts": ActBench()] }
}

struct TermsBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "iterations", help: "offsets to compute (default 10000000)")
        var iterations: Int?
    }

    var help: String { "Time working-day offsets (O(1) table look-ups) against a day-by-day count" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.iterations ?? 10_000_000
        guard n > 0 else { throw CLIError("--iterations must be positive") }
        let calendar = try WorkingDayCalendar.kazakhstan()
        let result = try TermsBenchmark.run(calendar: calendar, iterations: n)
        context.console.print(result.report)
    }
}

/// The measurement itself, separate from the command so it can be exercised in tests.
enum TermsBenchmark {
    struct Result {
        var iterations: Int
        var nanosecondsPerOffset: Double
        var naiveNanosecondsPerOffset: Double
        var checksum: Int

        var report: String {
            """
            working-day offsets: \(iterations) in total
              table look-up: \(String(format: "%.1f", nanosecondsPerOffset)) ns per offset
              day-by-day:    \(String(format: "%.1f", naiveNanosecondsPerOffset)) ns per offset (for comparison)
              checksum: \(checksum)
            """
        }
    }

    static func run(calendar: WorkingDayCalendar, iterations: Int) throws -> Result {
        // Starts spread over 2000–2026 and amounts 1–60, pre-generated so only the offset is timed.
        var rng = SplitMix64(seed: 0x5A48_4155_4150)
        let first = CivilDate(year: 2000, month: 1, day: 1)!.dayNumber
        let span = CivilDate(year: 2026, month: 12, day: 31)!.dayNumber - first
        let count = 4096
        let starts = (0..<count).map { _ in CivilDate(dayNumber: first + Int(rng.next() % UInt64(span))) }
        let amounts = (0..<count).map { _ in 1 + Int(rng.next() % 60) }

        var checksum = 0
        let clock = ContinuousClock()
        let fast = try clock.measure {
            for i in 0..<iterations {
                let k = i & (count - 1)
                checksum &+= try calendar.addWorkingDays(amounts[k], to: starts[k]).day
            }
        }
        let naiveIterations = max(1, iterations / 50)
        var naiveChecksum = 0
        let slow = try clock.measure {
            for i in 0..<naiveIterations {
                let k = i & (count - 1)
                var day = starts[k], counted = 0
                while true {
                    if try calendar.isWorkingDay(day) { counted += 1; if counted == amounts[k] { break } }
                    day = day.adding(days: 1)
                }
                naiveChecksum &+= day.day
            }
        }
        func ns(_ d: Duration, _ n: Int) -> Double {
            (Double(d.components.seconds) * 1e9 + Double(d.components.attoseconds) / 1e9) / Double(n)
        }
        return Result(iterations: iterations, nanosecondsPerOffset: ns(fast, iterations),
                      naiveNanosecondsPerOffset: ns(slow, naiveIterations), checksum: checksum &+ naiveChecksum)
    }
}

/// A small deterministic generator, so every run times the same inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
