import Foundation
import WorkingCalendar

/// Every string the pages show, per language, from `Resources/Strings/{kk,ru,en}.json`. Kazakh first.
struct Strings: Sendable {
    let table: [Language: [String: String]]

    static func load() throws -> Strings {
        var table: [Language: [String: String]] = [:]
        for lang in Language.allCases {
            guard let url = Bundle.module.url(forResource: lang.rawValue, withExtension: "json", subdirectory: "Strings") else {
                throw CocoaError(.fileNoSuchFile)
            }
            table[lang] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Strings(table: table)
    }

    subscript(_ lang: Language) -> [String: String] { table[lang] ?? [:] }

    /// Keys present in some language but missing in another, as `lang: key`.
    var missing: [String] {
        let all = Set(table.values.flatMap(\.keys))
        return Language.allCases.flatMap { lang in all.subtracting(table[lang]?.keys ?? [:].keys).sorted().map { "\(lang.rawValue): \($0)" } }
    }
}
