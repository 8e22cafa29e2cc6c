import Foundation
import Testing
import WorkingCalendar
import ZhauapDomain
import ZhauapTestSupport

/// The hearing rules as data an administrator extends (R34, R35): exported, checked, given to the server.
@Suite("CLI: zhauap hearing-rules")
struct HearingRulesCLITests {
    let dir: URL
    var env: [String: String] { ["DATABASE_URL": "sqlite://\(dir.path)/z.sqlite"] }

    init() throws { dir = try temporaryDirectory() }

    func write(_ name: String, _ rules: HearingRules) throws -> String {
        let url = dir.appendingPathComponent(name)
        try JSONEncoder().encode(rules).write(to: url)
        return url.path
    }

    @Test("R34, R35: the export is the shipped rules and checks clean; a file that drops a rule, repeats an id or cites nothing is refused with every problem")
    func exportAndCheck() throws {
        let export = try Zhauap.run(["hearing-rules", "export"], env: env, in: dir)
        #expect(export.code == 0)
        let exported = try JSONDecoder().decode(HearingRules.self, from: Data(export.out.utf8))
        #expect(exported == HearingRules.shipped)
        let good = try write("good.json", exported)
        let ok = try Zhauap.run(["hearing-rules", "check", "--file", good], env: env, in: dir)
        #expect(ok.code == 0 && ok.out.contains("no problems"))
        var bad = exported
        bad.rules.removeAll { $0.id == "burdening" }
        bad.rules[0].articles = []
        bad.rules[1].id = bad.rules[2].id
        let badFile = try write("bad.json", bad)
        let refused = try Zhauap.run(["hearing-rules", "check", "--file", badFile], env: env, in: dir)
        #expect(refused.code != 0)
        #expect(refused.err.contains("no rule decides") && refused.err.contains("no articles cited") && refused.err.contains("the id is used twice"),
                "\(refused.err)")
        // The server refuses to start on it, naming the variable; the shipped rules need no variable.
        var serveEnv = env
        serveEnv["HEARING_RULES"] = badFile
        let start = try Zhauap.run(["serve", "--port", "0"], env: serveEnv, in: dir)
        #expect(start.code != 0 && start.err.contains("HEARING_RULES: "), "\(start.err)")
    }

    @Test("R35: an extended rule with an effective date decides from that day on, and the day before keeps the old rule")
    func effectiveDates() throws {
        var rules = try #require(HearingRules.shipped)
        let i = try #require(rules.rules.firstIndex { $0.id == "exception-waived" })
        rules.rules[i].effectiveTo = CivilDate("2026-12-31")
        var stricter = rules.rules[i]
        stricter.id = "exception-waived-2027"
        stricter.effectiveFrom = CivilDate("2027-01-01")
        stricter.effectiveTo = nil
        stricter.decision = .required
        stricter.when = HearingRules.When(outcomes: [.burdening], exceptions: [.waived])
        stricter.source = "an illustrative amendment"
        rules.rules.insert(stricter, at: i)
        #expect(rules.problems().isEmpty, "\(rules.problems())")
        let before = rules.decide(kind: .application, outcome: .burdening, burdensThirdParty: false, exception: .waived, on: CivilDate("2026-12-31")!)
        let after = rules.decide(kind: .application, outcome: .burdening, burdensThirdParty: false, exception: .waived, on: CivilDate("2027-01-01")!)
        #expect(before?.decision == .mayOmitWithReason && after?.decision == .required && after?.ruleID == "exception-waived-2027")
    }
}
