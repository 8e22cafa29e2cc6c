import Foundation
import Vapor
import ZhauapDomain
import ZhauapService
import ZhauapWeb

/// `zhauap hearing-rules export|check`: the hearing rules (R34, R35) as a file an administrator extends and
/// gives the server with `HEARING_RULES`.
struct HearingRulesCommands: AsyncCommandGroup {
    var help: String { "The hearing rules: export those in force, check a file before giving it to the server (HEARING_RULES)" }
    var commands: [String: any AnyAsyncCommand] { ["export": HearingRulesExport(), "check": HearingRulesCheck()] }
}

struct HearingRulesExport: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "file", help: "write to this file instead of standard output") var file: String?
    }

    var help: String { "Write the hearing rules in force as JSON" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let rules = context.application.appealService.hearingRules else { throw CLIError("no hearing rules are in force") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(rules) + Data("\n".utf8)
        if let file = s.file { try data.write(to: URL(fileURLWithPath: file)) } else { FileHandle.standardOutput.write(data) }
    }
}

struct HearingRulesCheck: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "file", help: "the rules file (JSON, the format of Resources/hearing-rules.json)") var file: String?
    }

    var help: String { "Check a hearing rules file and print every problem it has (exit 1 if any)" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let file = s.file, !file.isEmpty else { throw CLIError("give the rules file: --file F") }
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)") }
        switch HearingRules.read(data) {
        case .success(let rules):
            FileHandle.standardOutput.write(Data("\(file): \(rules.rules.count) rules, version \(rules.version): no problems\n".utf8))
        case .failure(let problems):
            throw CLIError(problems.list.joined(separator: "\n"))
        }
    }
}
