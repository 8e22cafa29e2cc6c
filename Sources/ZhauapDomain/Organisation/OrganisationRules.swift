import Foundation
/// Rules for the organisation's data, written once for the CLI, the admin pages and the API.
extension AdministrativeBody {
    /// The code is printed in every registration number and never changes: 1–16 Latin capital letters,
    /// digits and hyphens.
    public static func isValidCode(_ code: String) -> Bool {
        (1...16).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }
    }
}

extension CompetenceArea {
    /// An area's code: Latin letters, digits, hyphens and underscores.
    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// Marker words as typed: separated by commas or line breaks, trimmed, empty ones dropped.
    public static func markers(from text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A password chosen by a person or an administrator.
public enum PasswordRule {
    public static let minimumLength = 10

    public static func accepts(_ password: String) -> Bool { password.count >= minimumLength }
}

extension Applicant {
    /// The name as written on documents and lists: surname, given name, patronymic for a person; the
    /// organisation's name for a legal entity. Nil when none is given.
    public var displayName: String? {
        let name = kind == .individual
            ? [surname, givenName, patronymic].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
            : (organisationName ?? "").trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }
}
