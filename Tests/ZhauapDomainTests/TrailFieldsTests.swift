import Testing
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
}
