import Foundation
import ZhauapText

extension Applicant {
    /// The applicant as stored (R1, R3): every text NFC without invisible characters; names, numbers and
    /// contacts on one line; the IIN/BIN as the digits it means (spaces, dashes, a label and Unicode digits
    /// as typed are not part of it); an empty value is "not given". Returns the first field that holds a line
    /// break or a control character — a name or a number cannot mean one — or nil.
    public mutating func clean() -> String? {
        var refused: String? = nil
        func line(_ v: inout String?, _ field: String) {
            guard let s = v else { return }
            if refused == nil, Clean.hasControlInLine(s.contains("\t") ? s.replacingOccurrences(of: "\t", with: " ") : s) { refused = "applicant." + field }
            let c = Clean.line(s)
            v = c.isEmpty ? nil : c
        }
        line(&surname, "surname"); line(&givenName, "givenName"); line(&patronymic, "patronymic")
        line(&organisationName, "organisationName"); line(&email, "email"); line(&phone, "phone"); line(&representative, "representative")
        line(&iin, "iin"); line(&bin, "bin")
        iin = Clean.identificationNumber(iin)
        bin = Clean.identificationNumber(bin)
        // An address may be typed on several lines; it is stored on one.
        if let a = postalAddress {
            if refused == nil, Clean.hasControl(a) { refused = "applicant.postalAddress" }
            let c = Clean.line(a)
            postalAddress = c.isEmpty ? nil : c
        }
        return refused
    }
}

extension Procedure.Draft {
    /// The draft as registered: the applicant cleaned, the essence NFC with its line breaks kept and nothing
    /// when it says nothing (a whitespace-only essence is a missing essence), the external number and the
    /// addressee on one line. Returns the first field that cannot be meant (a line break in a number), or nil.
    public mutating func clean() -> String? {
        var refused = applicant.clean()
        if let e = essence { essence = Clean.isBlank(e) ? nil : Clean.paragraphs(e) }
        func line(_ v: inout String?, _ field: String) {
            guard let s = v else { return }
            if refused == nil, Clean.hasControlInLine(s) { refused = field }
            let c = Clean.line(s)
            v = c.isEmpty ? nil : c
        }
        line(&externalNumber, "externalNumber")
        line(&specialRule, "specialRule")
        if let a = addressedTo { let c = Clean.line(a); addressedTo = c.isEmpty ? nil : c }
        attachments = attachments.map { a in var a = a; a.name = Clean.line(a.name); return a }
        return refused
    }
}
