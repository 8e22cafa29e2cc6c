import Foundation
import Vapor

/// A page form's fields as posted (`application/x-www-form-urlencoded`), read once: the values as typed
/// (to show again when a step is refused) and the same fields as the JSON the API takes, so a form and an
/// API call are decoded by the same step — empty fields are left out, `name[]` fields become lists,
/// `demandsText` becomes the list of demands, `presentText` the protocol's list of those present (one a
/// line), and flags and counts get their JSON types.
struct FormFields {
    var values: [String: String] = [:]
    var lists: [String: [String]] = [:]

    static let booleans: Set<String> = ["accept", "feeRequired", "applicantArgument", "burdensThirdParty", "accepted", "videoRecorded",
                                        "signedByPresiding", "signedBySecretary"]
    static let integers: Set<String> = ["workingDays", "number", "precondition", "participant", "sending", "proofDocument", "caseDocument",
                                        "videoConsentDocument"]
    /// `name[]` fields whose items are numbers (the evidence's document numbers).
    static let integerLists: Set<String> = ["evidence", "facts"]
    /// Page-only fields that are not the step's parameters.
    static let pageOnly: Set<String> = ["_csrf", "_once", "_form", "confirm", "demandsText", "normsText", "presentText"]

    init(_ req: Request) {
        guard let buffer = req.body.data else { return }
        let body = String(buffer: buffer)
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let key = decode(parts[0]), value = parts.count > 1 ? decode(parts[1]) : ""
            if key.hasSuffix("[]") { lists[String(key.dropLast(2)), default: []].append(value) } else { values[key] = value }
        }
    }

    func value(_ key: String) -> String? {
        values[key].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
    }

    /// The step's parameters as JSON. A checklist with nothing ticked is a list of nothing missing.
    func json(listsAlwaysSent: [String] = []) throws -> Data {
        var object: [String: Any] = [:]
        for (key, raw) in values where !Self.pageOnly.contains(key) {
            let v = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !v.isEmpty else { continue }
            if Self.booleans.contains(key), v == "true" || v == "false" { object[key] = v == "true" }
            else if Self.integers.contains(key), let n = Int(v) { object[key] = n }
            else { object[key] = v }
        }
        for key in listsAlwaysSent { object[key] = [String]() }
        for (key, list) in lists {
            let items = list.filter { !$0.isEmpty }
            object[key] = Self.integerLists.contains(key) ? items.map { Int($0) as Any? ?? $0 } : items
        }
        let demands = Self.lines(values["demandsText"])
        if !demands.isEmpty { object["demands"] = demands }
        // APPC 74: the protocol's participants present and other persons heard, one a line.
        let present = Self.lines(values["presentText"])
        if !present.isEmpty { object["participantsPresent"] = present }
        // The norms applied by analogy, typed as ids separated by commas or spaces.
        let norms = (values["normsText"] ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        if !norms.isEmpty { object["norms"] = norms }
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// A textarea's non-empty lines, trimmed.
    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
