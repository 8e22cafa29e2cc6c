import Foundation
import Testing
import WorkingCalendar
@testable import ZhauapDomain

@Suite("The trail's text fields: each payload value read back by its JSON type")
struct TrailFieldsTests {
    struct Payload: Encodable {
        var reason = "true"
        var late = false
        var workingDays = 15
        var similarity = 0.5
        var words = ["жер", "участок"]
        var count = 0
        var emptyText = ""
    }

    @Test("R45: text, Booleans, integers, decimals and lists keep their form; snake_case keys")
    func flatten() {
        let f = TrailFields.flatten(Payload())
        #expect(f == ["reason": "true", "late": "false", "working_days": "15", "similarity": "0.5", "words": "жер,участок",
                      "count": "0", "empty_text": ""])
    }

    enum Ground: String, Encodable { case repeated, noEssence = "no_essence" }

    struct Wide: Encodable {
        var bodyID = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!
        var targetURLName: String? = "https://example.kz/a/b"
        var x2Value = 3
        var absent: String? = nil
        var ground = Ground.noEssence
        var grounds: [Ground] = [.repeated, .noEssence]
        var due = CivilDate(year: 2024, month: 2, day: 14)
        var dates: [CivilDate] = [CivilDate(year: 2024, month: 1, day: 25)!]
        var nested: [[Int]] = [[1, 2], [3]]
        var empty: [String] = []
        var text = "Жер, \"учаскесі\"\nжол\t№ 5 \\ 👍🏽"
        var doubles: [Double] = [0, -0.0, 2, 0.5, 0.83, 1.0 / 3, 1e-6, 123456.789, -7.25, 4_503_599_627_370_496]
        var amount = 2.0
    }

    struct Odd: Encodable {
        var when = Date(timeIntervalSince1970: 1_706_155_200.5)
        var tiny = 1e-7
        var huge = 1e20
        var small: Int8 = 3
    }

    struct Holder: Encodable { var inner = Wide() }
    struct WithNil: Encodable {
        var a = "x"
        func encode(to encoder: any Encoder) throws {
            enum K: String, CodingKey { case a, b }
            var c = encoder.container(keyedBy: K.self)
            try c.encode(a, forKey: .a)
            try c.encodeNil(forKey: .b)
        }
    }

    @Test("R45: the direct reading of a payload gives what reading it through JSON gives, on every shape; where it cannot, JSON decides")
    func directEqualsJSON() {
        let direct = FieldsEncoder.fields(of: Wide())
        #expect(direct != nil)
        #expect(direct == TrailFields.reference(Wide()))
        #expect(TrailFields.flatten(Wide()) == TrailFields.reference(Wide()))
        #expect(direct?["body_id"] == "6F9619FF-8B86-D011-B42D-00C04FC964FF" && direct?["x2_value"] == "3" && direct?["absent"] == nil)
        #expect(direct?["grounds"] == "repeated,no_essence" && direct?["empty"] == "" && direct?["amount"] == TrailFields.reference(Wide())["amount"])
        // Shapes the direct reading leaves to JSON: a date, exponent numbers, small integer types, a nested object, a null.
        #expect(FieldsEncoder.fields(of: Odd()) == nil)
        #expect(TrailFields.flatten(Odd()) == TrailFields.reference(Odd()))
        #expect(FieldsEncoder.fields(of: Holder()) == nil && TrailFields.flatten(Holder()) == [:] && TrailFields.reference(Holder()) == [:])
        #expect(FieldsEncoder.fields(of: WithNil()) == nil && TrailFields.flatten(WithNil()) == TrailFields.reference(WithNil()))
        for d in [0.1, 0.25, 2.5, 10, 1e5, 1e15, 123.456, -1, 9_007_199_254_740_991] {
            struct P: Encodable { var v: Double }
            let fast = FieldsEncoder.fields(of: P(v: d))
            #expect(fast == nil || fast == TrailFields.reference(P(v: d)), "\(d)")
        }
    }

    @Test("R45: a registration's own trail payload is read directly (not through JSON), and the same")
    func registrationPayload() throws {
        let (_, events) = try F.register(Procedure.Draft(channel: .paper, receivedAt: F.almaty("2024-01-25T10:00:00"),
                                                         applicant: Applicant(surname: "Сапаров", givenName: "Ерлан"), essence: "Жер учаскесін беруіңізді сұраймын"))
        let bodies = events.compactMap { $0.payload.body }
        #expect(!bodies.isEmpty)
        for b in bodies {
            let direct = FieldsEncoder.fields(of: b)
            #expect(direct != nil, "\(type(of: b)) is left to JSON")
            #expect(direct == TrailFields.reference(b))
        }
    }
}
