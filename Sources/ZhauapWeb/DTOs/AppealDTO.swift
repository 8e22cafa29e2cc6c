import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// `POST /api/v1/appeals`: only `channel` is required (R1); everything else may be missing.
struct RegisterAppealRequest: Content {
    var channel: String?
    /// The legal moment of receipt, ISO 8601 (for eOtinish: the portal's notice timestamp, R19). Default: now.
    var receivedAt: String?
    var externalNumber: String?
    var applicant: Applicant?
    var addressedTo: String?
    var essence: String?
    var language: String?
    var appealDate: CivilDate?
    var signaturePresent: Bool?
    var attachments: [Attachment]?
    /// The sheets of the appeal itself.
    var sheets: Int?
    var reportsCrimeOrThreat: Bool?
    var specialRule: String?

    func draft(now: Date, rules: TermRules) throws -> Procedure.Draft {
        guard let c = channel else { throw APIError.missing("channel") }
        guard let ch = ZhauapDomain.Channel(rawValue: c) else {
            throw APIError.invalid("channel", code: "invalid_channel",
                                   "channel must be one of \(ZhauapDomain.Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var received = now
        if let text = receivedAt {
            guard let d = Self.parseInstant(text) else {
                throw APIError.invalid("receivedAt", code: "invalid_timestamp", "receivedAt must be an ISO 8601 timestamp with an offset")
            }
            // The legal moment of receipt cannot lie ahead (a few minutes of clock drift are tolerated).
            guard d <= now.addingTimeInterval(300) else {
                throw APIError(.unprocessableEntity, code: "received_in_future", detail: "receivedAt lies in the future", field: "receivedAt")
            }
            received = d
        }
        var lang: Language? = nil
        if let l = language {
            guard let parsed = Language(rawValue: l), parsed != .en else { throw APIError.invalid("language", code: "invalid_language", "language must be kk or ru") }
            lang = parsed
        }
        if let n = sheets, !(1...10_000).contains(n) {
            throw APIError.invalid("sheets", code: "invalid_sheets", "sheets must be from 1 to 10000")
        }
        if let bad = attachments?.first(where: { a in a.pages.map { !(1...10_000).contains($0) } ?? false }) {
            throw APIError.invalid("attachments", code: "invalid_pages", "\(bad.name): pages must be from 1 to 10000")
        }
        // An appeal is not dated after it arrived (a day's grace for time zones east of UTC).
        if let date = appealDate, date > RegistrationDay.local(received, timeZone: "UTC").date.adding(days: 1) {
            throw APIError(.unprocessableEntity, code: "appeal_date_after_receipt",
                           detail: "appealDate \(date) lies after the day the appeal was received", field: "appealDate")
        }
        // The special rules are cited data an administrator extends: an unknown one is refused by the rules in force (422).
        if let s = specialRule, !s.isEmpty, !rules.specialCodes.contains(s) {
            throw APIError(.unprocessableEntity, code: "invalid_special_rule",
                           detail: "specialRule must be one of \(rules.specialCodes.joined(separator: ", "))", field: "specialRule")
        }
        var draft = Procedure.Draft(channel: ch, receivedAt: received, externalNumber: externalNumber, applicant: applicant ?? Applicant(),
                                    addressedTo: addressedTo, essence: essence, language: lang, appealDate: appealDate,
                                    signaturePresent: signaturePresent, attachments: attachments ?? [], sheets: sheets,
                                    reportsCrimeOrThreat: reportsCrimeOrThreat ?? false, specialRule: specialRule?.isEmpty == true ? nil : specialRule)
        // Normalised before it is checked and stored; a line break or a control character in a name or a number is refused.
        if let field = draft.clean() {
            throw APIError(.unprocessableEntity, code: "control_character", detail: "\(field): a name or a number is one line without control characters",
                           field: field)
        }
        return draft
    }

    static func parseInstant(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }
}

/// The coupon (талон, APPC 64(2)): number, date and time, who received it.
struct CouponDTO: Content {
    var number: String
    var trackingCode: String
    var receivedAt: Date
    var registeredOn: CivilDate
    var receivedBy: String
    var position: String
    var bodyNameKk: String
    var bodyNameRu: String
}

struct TermDTO: Content {
    var purpose: String
    var status: String
    var start: CivilDate
    var unit: String
    var amount: Int
    var due: CivilDate
    var originalDue: CivilDate?
    var rule: String
    var basis: String
    /// How the due date was reached, per language, on the calendar in force.
    var explanation: [String: [String]]

    init(_ t: AppealTerm, calendar: WorkingDayCalendar) {
        let lines = (try? calendar.term(t.request)).map { res in
            Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, res.explanation.lines($0, unit: t.unit, amount: t.amount)) })
        } ?? [:]
        (purpose, status, start, unit, amount, due, originalDue, rule, basis, explanation) =
            (t.purpose.rawValue, t.status.rawValue, t.start, t.unit.rawValue, t.amount, t.due, t.originalDue, t.ruleID, t.basis, lines)
    }
}

struct AppealResponse: Content {
    var appeal: AppealBody
    var coupon: CouponDTO
    var terms: [TermDTO]
    var allowedActions: [String]
    /// What the system proposes now, for a person to confirm (e.g. an uncorrected appeal past its deadline, R4).
    var proposals: [Proposal]
    var trail: [TrailEntry]?
    var calendarVersion: String

    struct Proposal: Content {
        var action: String
        var options: [String]
        var because: String
        /// What the reading of the text proposes (R6, R8): `forward_crime`, `forward_outside`, `terminate_no_essence`, `terminate_repeat`.
        var reading: String? = nil
        /// The body of the installation to forward to, or the earlier appeal repeated.
        var targetBodyId: UUID? = nil
        var repeatOf: String? = nil
        var similarity: Double? = nil
    }

    init(_ a: Appeal, body: AdministrativeBody, actor: Actor, trail: [TrailEntry]?, calendar: WorkingDayCalendar, today: CivilDate) {
        appeal = AppealBody(a, for: actor)
        let r = a.registration
        coupon = CouponDTO(number: r.number, trackingCode: r.trackingCode, receivedAt: r.receivedAt, registeredOn: r.registeredOn,
                           receivedBy: r.receivedByName, position: r.receivedByPosition, bodyNameKk: body.nameKk, bodyNameRu: body.nameRu)
        terms = a.terms.map { TermDTO($0, calendar: calendar) }
        allowedActions = Permissions.available(actor: actor, appeal: a).map(\.rawValue)
        proposals = []
        if a.state == .awaitingCorrection, let due = a.correction?.due, today > due {
            proposals.append(Proposal(action: "resolve_uncorrected", options: [TerminationGround.returned.rawValue,
                                                                               TerminationGround.leftWithoutConsideration.rawValue],
                                      because: "the deficiency was not remedied by \(due.dotted)"))
        }
        if let reason = CaseFilePage.extensionReason(a).kk, Permissions.available(actor: actor, appeal: a).contains(where: { $0 == .requestExtension || $0 == .extend }) {
            proposals.append(Proposal(action: Permissions.available(actor: actor, appeal: a).contains(.extend) ? "extend" : "request_extension",
                                      options: [], because: reason))
        }
        for p in ReadingProposal.of(a) where allowedActions.contains(p.action.rawValue) || p.action == .terminate || p.action == .forward {
            let because: String = switch p.kind {
            case .forwardCrime: "APPC 88: the appeal reports a crime or a threat (\(p.words.joined(separator: ", "))): forward it to the competent body at once"
            case .forwardOutside: "APPC 65: the text matches no competence area of this body but \(p.outside?.code ?? "") (\(p.words.joined(separator: ", ")))"
            case .terminateNoEssence: "APPC 88: the appeal states no essence"
            case .terminateRepeat: "APPC 88: repeats \(p.repeatOf?.number ?? "") by the same applicant (similarity \(p.repeatOf?.similarity ?? 0)) with no new arguments"
            }
            proposals.append(Proposal(action: p.action.rawValue, options: p.ground.map { [$0.rawValue] } ?? [], because: because, reading: p.kind.rawValue,
                                      targetBodyId: p.outside?.bodyID, repeatOf: p.repeatOf?.number, similarity: p.repeatOf?.similarity))
        }
        self.trail = trail
        calendarVersion = calendar.version
    }
}

/// `POST /api/v1/appeals/{id}/actions`: `action` names the step (`Action`); the other fields are that
/// step's parameters, decoded by the step itself — JSON from the API, form fields from the pages.
struct ActionRequest: Decodable {
    var command: AppealCommand

    private enum Key: String, CodingKey { case action }

    init(from decoder: any Decoder) throws {
        let name: String?
        do { name = try decoder.container(keyedBy: Key.self).decodeIfPresent(String.self, forKey: .action) } catch {
            throw APIError.invalid("action", code: "invalid_action", "action must be a string")
        }
        guard let name else { throw APIError.missing("action") }
        guard let action = Action(rawValue: name) else {
            throw APIError.invalid("action", code: "invalid_action", "unknown action \"\(name)\"")
        }
        guard action.step.viaActions else {
            throw APIError.invalid("action", code: "not_an_action", action.step.takesFile
                ? "\(name) is sent with its file (multipart/form-data) to its upload route, not here"
                : "\(name) is the server's own step, taken by the route that does the work")
        }
        do { command = AppealCommand(try action.step.init(from: decoder)) } catch let e as DecodingError {
            throw Self.problem(e)
        }
    }

    /// A missing parameter is `missing_field`, a wrong one `invalid_value`, each naming the field.
    static func problem(_ e: DecodingError) -> APIError {
        switch e {
        case .keyNotFound(let key, _):
            return APIError.missing(key.stringValue)
        case .valueNotFound(_, let c):
            return APIError.missing(c.codingPath.first?.stringValue ?? "body")
        case .typeMismatch(_, let c), .dataCorrupted(let c):
            let field = c.codingPath.first?.stringValue ?? "body"
            return APIError.invalid(field, code: "invalid_value", "\(field): the value is not allowed")
        @unknown default:
            return APIError.invalid("body", code: "invalid_value", "the request body could not be read")
        }
    }
}

extension Forward {
    /// A body of this installation may be named by its id alone: its Kazakh and Russian names are taken from
    /// it (each document prints the name in its own language) — for a forwarding and for a request for
    /// assistance. Other steps pass unchanged.
    static func naming(_ command: AppealCommand, bodies: () async throws -> [AdministrativeBody]) async throws -> AppealCommand {
        if var request = command.step as? RequestAssistance, let target = request.targetBodyID {
            guard let body = try await bodies().first(where: { $0.id == target }) else { throw ServiceError.invalidTarget }
            if (request.targetName ?? "").trimmingCharacters(in: .whitespaces).isEmpty { request.targetName = body.nameKk }
            if request.targetNameRu == nil { request.targetNameRu = body.nameRu }
            return AppealCommand(request)
        }
        guard var forward = command.step as? Forward, let target = forward.targetBodyID else { return command }
        guard let body = try await bodies().first(where: { $0.id == target }) else { return command }
        if forward.targetName.trimmingCharacters(in: .whitespaces).isEmpty { forward.targetName = body.nameKk }
        if forward.targetNameRu == nil { forward.targetNameRu = body.nameRu }
        return AppealCommand(forward)
    }
}
