import Foundation
import NIOCore
import Testing
import ZhauapDomain
@testable import ZhauapWeb

/// The worklist's hand-written JSON says exactly what the configured `JSONEncoder` says of the same rows.
@Suite("R47: the worklist's JSON")
struct WorklistJSONTests {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return e
    }

    static let rows = [
        WorklistRow(id: UUID(), number: "ALM-2024-00003", state: "under_consideration", kind: "request", executorID: UUID(),
                    registeredOn: "2024-01-25", nextDue: "2024-02-14", finalDue: "2024-02-14", nearPurpose: "forwarding",
                    nearDue: "2024-01-30", applicant: "Сәтбаев Ержан", subject: "Жер учаскесі туралы… «кавычки» / slash"),
        // Absent optionals are left out, not written as null.
        WorklistRow(id: UUID(), number: "ALM-2024-00004", state: "registered", kind: nil, executorID: nil, registeredOn: "2024-01-26",
                    nextDue: nil),
        // Everything JSON must escape, and what it must not.
        WorklistRow(id: UUID(), number: "X\"Y\\Z", state: "registered", kind: nil, executorID: nil, registeredOn: "2024-01-26",
                    nextDue: nil, applicant: "tab\there\nnew line\r\u{01}\u{08}\u{0C}\u{1F}", subject: "emoji 👍🏽 \u{2028} é"),
    ]

    @Test("R47: a worklist written by hand decodes to the same rows and the same JSON object as JSONEncoder's")
    func sameAsEncoder() throws {
        let list = AppealsController.Worklist(items: Self.rows)
        let written = Data(list.json.readableBytesView)
        let decoded = try JSONDecoder().decode(AppealsController.Worklist.self, from: written)
        #expect(decoded.items == Self.rows)
        let standard = try Self.encoder().encode(list)
        let a = try JSONSerialization.jsonObject(with: written) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: standard) as? NSDictionary
        #expect(a != nil && a == b)
        // Rows without control characters are byte for byte what the encoder writes (sorted keys, no null).
        let plain = AppealsController.Worklist(items: Array(Self.rows.prefix(2)))
        #expect(String(buffer: plain.json) == String(decoding: try Self.encoder().encode(plain), as: UTF8.self))
    }

    @Test("R47: an empty worklist is {\"items\":[]}")
    func empty() {
        #expect(String(buffer: AppealsController.Worklist(items: []).json) == #"{"items":[]}"#)
    }
}
