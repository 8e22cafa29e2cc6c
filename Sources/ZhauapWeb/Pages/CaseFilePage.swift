import Foundation
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain

/// The appeal page's case file (R10–R13, R20–R23): the inventory with its sheets (withdrawn documents struck
/// through), the upload form, the case's own sheets in kk and ru, the facts with their evidence, the requests
/// to other bodies with their terms, the experts, and the exports.
struct CaseFilePage: Encodable {
    struct Line: Encodable {
        var number: Int; var date: String; var title: String; var kind: String; var party: String?; var direction: String
        var sheets: String; var withdrawn: Bool; var reason: String?; var href: String
    }
    struct Fact: Encodable { var number: Int; var statement: String; var status: String; var bearing: String; var evidence: String; var argument: Bool }
    struct Request: Encodable {
        var number: Int; var to: String; var question: String; var sent: String; var due: String; var status: String
        var overdue: Bool; var awaiting: Bool; var chases: String; var answer: String?; var upload: String
    }
    struct Expert: Encodable { var number: Int; var expert: String; var question: String; var due: String; var opinion: String?; var upload: String }
    struct Export: Encodable { var number: Int; var on: String; var by: String; var sheets: Int; var documents: Int; var pdf: String; var zip: String; var sha: String }
    struct Link: Encodable { var label: String; var href: String }

    var index: String
    var title: String
    var opened: String
    var closed: String?
    var retention: String
    var totalSheets: Int
    var lines: [Line]
    var facts: [Fact]
    var requests: [Request]
    var experts: [Expert]
    var exports: [Export]
    var sheetsLinks: [Link]
    var kinds: [AppealPage.Choice]
    var directions: [AppealPage.Choice]
    var canUpload: Bool
    var canExport: Bool
    var maxFileMB: Int
    /// APPC 76(2): an answer due after the appeal's own term calls for an extension "to establish the facts".
    var extensionProposal: String?
    var extensionProposalRu: String?
    /// The step forms' choices: documents that may be withdrawn, documents that may serve as evidence, the facts,
    /// the requests still awaited, the facts' standings and bearings.
    var withdrawable: [AppealPage.Choice] = []
    var evidenceChoices: [AppealPage.Choice] = []
    var factChoices: [AppealPage.Choice] = []
    var awaitingChoices: [AppealPage.Choice] = []
    var statuses: [AppealPage.Choice] = []
    var bearings: [AppealPage.Choice] = []

    static func make(_ a: Appeal, actor: Actor, allowed: [Action], lang: Language, t: [String: String], today: CivilDate, maxFileMB: Int) -> CaseFilePage {
        let inv = Inventory(a)
        let base = "/appeals/\(a.id)/case"
        let lines = inv.lines.map { l -> Line in
            let d = l.document
            return Line(number: d.number, date: d.date.dotted, title: CaseDocuments.title(of: d, in: a, lang: lang),
                        kind: t["dockind_" + d.kind.rawValue] ?? d.kind.rawValue, party: d.party,
                        direction: t["direction_" + d.direction.rawValue] ?? d.direction.rawValue,
                        sheets: l.sheets.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" } ?? "—",
                        withdrawn: d.isWithdrawn, reason: d.withdrawal?.reason, href: "\(base)/documents/\(d.number)")
        }
        let requests = a.assistance.map { r -> Request in
            let status: String
            var answer: String? = nil
            switch r.outcome {
            case .awaiting: status = r.isOverdue(on: today) ? (t["request_overdue"] ?? "") : (t["request_awaiting"] ?? "")
            case .answered(let doc, let on):
                status = "\(t["request_answered"] ?? "") \(on.dotted)"
                answer = "\(base)/documents/\(doc)"
            case .failed(let reason, let on): status = "\(t["request_failed"] ?? "") \(on.dotted): \(reason)"
            }
            return Request(number: r.number, to: lang == .ru ? (r.to.nameRu ?? r.to.name) : r.to.name,
                           question: lang == .ru ? (r.questionRu ?? r.question) : r.question, sent: r.sentOn.dotted, due: r.due.dotted,
                           status: status, overdue: r.isOverdue(on: today), awaiting: r.isAwaiting,
                           chases: r.chases.map(\.dotted).joined(separator: ", "), answer: answer, upload: "\(base)/requests/\(r.number)/answer")
        }
        let (proposal, proposalRu) = Self.extensionReason(a)
        let titled = { (d: CaseDocument) in AppealPage.Choice(value: String(d.number), label: "№ \(d.number) — \(CaseDocuments.title(of: d, in: a, lang: lang))") }
        var page = CaseFilePage(
            index: a.caseFile.index, title: a.caseFile.title(lang), opened: a.caseFile.openedOn.dotted, closed: a.caseFile.closedOn?.dotted,
            retention: a.caseFile.retention(lang), totalSheets: inv.totalSheets, lines: lines,
            facts: a.facts.map { f in
                Fact(number: f.number, statement: f.statement(lang), status: t["fact_" + f.status.rawValue] ?? f.status.rawValue,
                     bearing: t["bearing_" + f.bearing.rawValue] ?? f.bearing.rawValue,
                     evidence: f.evidence.isEmpty ? "—" : f.evidence.map { "№ \($0)" }.joined(separator: ", "), argument: f.applicantArgument)
            },
            requests: requests,
            experts: a.experts.map { e in
                Expert(number: e.number, expert: e.expert, question: e.question, due: e.due.dotted, opinion: e.opinion.map { "\(base)/documents/\($0)" },
                       upload: "\(base)/experts/\(e.number)/opinion")
            },
            exports: a.exports.map { e in
                Export(number: e.number, on: e.exportedOn.dotted, by: e.exportedByName, sheets: e.sheets, documents: e.documents,
                       pdf: "\(base)/exports/\(e.number)/pdf", zip: "\(base)/exports/\(e.number)/zip", sha: e.manifestSHA256)
            },
            sheetsLinks: ["inventory", "cover", "certification"].flatMap { name in
                ["kk", "ru"].map { Link(label: "\(t["case_" + name] ?? name) — \(t["lang_" + $0] ?? $0)", href: "\(base)/\(name)?lang=\($0)") }
            },
            kinds: CaseDocumentKind.allCases.filter(\.isUploadable).map { AppealPage.Choice(value: $0.rawValue, label: t["dockind_" + $0.rawValue] ?? $0.rawValue,
                                                                                            selected: $0 == .applicantFile) },
            directions: DocumentDirection.allCases.map { AppealPage.Choice(value: $0.rawValue, label: t["direction_" + $0.rawValue] ?? $0.rawValue,
                                                                           selected: $0 == .incoming) },
            canUpload: allowed.contains(.addDocument), canExport: allowed.contains(.recordExport), maxFileMB: maxFileMB, extensionProposal: proposal,
            extensionProposalRu: proposalRu)
        page.withdrawable = a.documents.filter { $0.kind != .registrationCard && $0.generated == nil && !$0.isWithdrawn }.map(titled)
        page.evidenceChoices = a.documents.filter { !$0.isWithdrawn }.map(titled)
        page.factChoices = a.facts.map { AppealPage.Choice(value: String($0.number), label: "№ \($0.number) — \($0.statement(lang))") }
        page.awaitingChoices = a.assistance.filter(\.isAwaiting).map {
            AppealPage.Choice(value: String($0.number), label: "№ \($0.number) — \(lang == .ru ? ($0.to.nameRu ?? $0.to.name) : $0.to.name) (\($0.due.dotted))")
        }
        page.statuses = FactStatus.allCases.map { AppealPage.Choice(value: $0.rawValue, label: t["fact_" + $0.rawValue] ?? $0.rawValue, selected: $0 == .established) }
        page.bearings = FactBearing.allCases.map { AppealPage.Choice(value: $0.rawValue, label: t["bearing_" + $0.rawValue] ?? $0.rawValue, selected: $0 == .neutral) }
        return page
    }

    /// APPC 76(2): when a request's answer is due on or after the appeal's own term, the reason for extending
    /// "to establish the facts", in Kazakh and Russian (each document one language); nil otherwise.
    static func extensionReason(_ a: Appeal) -> (kk: String?, ru: String?) {
        guard a.state.isOpen, let due = a.term(.consideration)?.due,
              let late = a.assistance.filter({ $0.isAwaiting && $0.due >= due }).max(by: { $0.due < $1.due }) else { return (nil, nil) }
        let to = late.to.name, toRu = late.to.nameRu ?? late.to.name
        return ("Мән-жайларды анықтау үшін (ҚР ӘРПК 76-бабының 2-тармағы): \(to) органына жіберілген № \(late.number) сұрау салуға жауап \(late.due.dotted) дейін күтілуде",
                "Для установления фактических обстоятельств (п. 2 ст. 76 АППК РК): ответ \(toRu) на запрос № \(late.number) ожидается до \(late.due.dotted)")
    }
}
