/// The languages Zhauap speaks: Kazakh (the state language, first), Russian, and English for maintainers.
public enum Language: String, Sendable, Codable, CaseIterable {
    case kk, ru, en
}

/// A text in each of the languages.
public struct LocalizedText: Sendable, Codable, Hashable {
    public var kk: String
    public var ru: String
    public var en: String

    public init(kk: String, ru: String, en: String) {
        self.kk = kk
        self.ru = ru
        self.en = en
    }

    /// The text in each language, from one function of the language.
    public init(_ make: (Language) -> String) {
        self.init(kk: make(.kk), ru: make(.ru), en: make(.en))
    }

    public subscript(_ language: Language) -> String {
        switch language {
        case .kk: kk
        case .ru: ru
        case .en: en
        }
    }
}
