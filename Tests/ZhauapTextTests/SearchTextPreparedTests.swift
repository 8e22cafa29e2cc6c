import Foundation
import Testing
@testable import ZhauapText

/// A registration reads its essence's search stems before it takes the database's write lock; the index row
/// written under the lock must be the one reading the text then would have given.
@Suite("Search stems read ahead", .serialized)
struct SearchTextPreparedTests {
    static let essence = "Жер учаскесін беруіңізді сұраймын, өтінішім 2024 жылдың қаңтарында тіркелген. Прошу предоставить земельный участок."

    @Test("A text read ahead indexes to the same stems as one read under the lock, and is taken once per read")
    func same() {
        let fields: [String?] = ["AKM-2024-00017", nil, "Сапаров", "Ерлан", Self.essence]
        let plain = SearchText.indexed(fields)
        SearchText.prepare(Self.essence)
        SearchText.prepare(Self.essence)  // two registrations of the same text at once
        #expect(SearchText.prepared.count >= 1)
        #expect(SearchText.indexed(fields) == plain)
        #expect(SearchText.indexed(fields) == plain)
        #expect(SearchText.prepared.take(Self.essence) == nil, "each read ahead is taken once")
        #expect(SearchText.indexed(fields) == plain)
    }

    @Test("Texts under 64 bytes are not kept (63 not, 64 kept); the store is bounded")
    func edges() {
        let short = String(repeating: "а", count: 31) + "b"  // 63 bytes
        let long = String(repeating: "а", count: 32)  // 64 bytes
        #expect(short.utf8.count == 63 && long.utf8.count == 64)
        SearchText.prepare(short)
        #expect(SearchText.prepared.take(short) == nil)
        SearchText.prepare(long)
        #expect(SearchText.prepared.take(long) == SearchText.stems(of: long))
        for i in 0..<(SearchText.Prepared.capacity + 5) { SearchText.prepare(Self.essence + " \(i)") }
        #expect(SearchText.prepared.count <= SearchText.Prepared.capacity)
    }
}
