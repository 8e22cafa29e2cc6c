import Crypto
import Foundation
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain

/// Freezes the documents the procedure generates as the exact HTML that goes out (the print view the
/// applicant and the other body receive), so the case keeps that file (R13). Its sheets are estimated from
/// the text until the case is printed whole, when the printed pages are counted.
public struct HTMLFreezer: DocumentFreezer {
    public init() {}

    public func freeze(_ document: GeneratedDocument, of appeal: Appeal, body: AdministrativeBody, language: Language) -> (meta: FileMeta, content: Data) {
        let html: String, name: String
        switch document {
        case .sent(let d):
            html = AppealDocument(rawValue: d.rawValue)?.render(appeal, body: body, lang: language) ?? ""
            name = "\(appeal.registration.number)-\(d.rawValue)-\(language.rawValue).html"
        case .requestLetter(let n):
            let request = appeal.assistance.first { $0.number == n }
            html = request.map { CaseDocuments.requestLetter(appeal, request: $0, body: body, lang: language) } ?? ""
            name = "\(appeal.registration.number)-request-\(n)-\(language.rawValue).html"
        case .draftDecision(let v):
            html = HearingDocuments.draft(appeal, version: v, body: body, lang: language)
            name = "\(appeal.registration.number)-draft-\(v)-\(language.rawValue).html"
        case .hearingInvitation(let n):
            html = HearingDocuments.invitation(appeal, number: n, body: body, lang: language)
            name = "\(appeal.registration.number)-invitation-\(n)-\(language.rawValue).html"
        case .hearingProtocol:
            html = HearingDocuments.protocolDocument(appeal, body: body, lang: language)
            name = "\(appeal.registration.number)-protocol-\(language.rawValue).html"
        case .objection(let n):
            html = HearingDocuments.objection(appeal, number: n, body: body, lang: language)
            name = "\(appeal.registration.number)-objection-\(n)-\(language.rawValue).html"
        case .act(let revision):
            html = ActDocuments.act(appeal, body: body, lang: language)
            name = "\(appeal.registration.number)-act-\(revision)-\(language.rawValue).html"
        }
        let data = Data(html.utf8)
        let file = StoredFile(sha256: Self.sha256(data), mediaType: "text/html", size: data.count, name: name)
        return (FileMeta(file: file, pages: Self.estimatedSheets(html)), data)
    }

    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// About 2,400 characters of text fill an A4 sheet of these letters.
    static func estimatedSheets(_ html: String) -> Int {
        var text = 0, inTag = false
        let content = html.range(of: "<body>").map { html[$0.upperBound...] } ?? Substring(html)
        for ch in content.unicodeScalars {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { text += 1 }
        }
        return max(1, Int((Double(text) / 2400).rounded(.up)))
    }
}
