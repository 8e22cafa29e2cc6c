import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapStorage

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
                throw APIError.invalid("receivedAt", code: "received_in_future", "receivedAt lies in the future")
            }
            received = d
        }
        var lang: Language? = nil
        if let l = language {
            guard let parsed = Language(rawValue: l), parsed != .en else { throw APIError.invalid("language", code: "invalid_language", "language must be kk or ru") }
            lang = parsed
        }
        if let s = specialRule, !rules.specialCodes.contains(s) {
            throw APIError.invalid("specialRule", code: "invalid_special_rule", "specialRule must be one of \(rules.specialCodes.joined(separator: ", "))")
        }
        return Procedure.Draft(channel: ch, receivedAt: received, externalNumber: externalNumber, applicant: applicant ?? Applicant(),
                               addressedTo: addressedTo, essence: essence, language: lang, appealDate: appealDate,
                               signaturePresent: signaturePresent, attachments: attachments ?? [],
                               reportsCrimeOrThreat: reportsCrimeOrThreat ?? false, specialRule: specialRule)
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
}

struct AppealResponse: Content {
    var appeal: Appeal
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
    }

    init(_ a: Appeal, body: AdministrativeBody, actor: Actor, trail: [TrailEntry]?, calendar: WorkingDayCalendar) {
        appeal = a
        let r = a.registration
        coupon = CouponDTO(number: r.number, trackingCode: r.trackingCode, receivedAt: r.receivedAt, registeredOn: r.registeredOn,
                           receivedBy: r.receivedByName, position: r.receivedByPosition, bodyNameKk: body.nameKk, bodyNameRu: body.nameRu)
        terms = a.terms.map { t in
            let lines = (try? calendar.term(t.request)).map { res in
                Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, res.explanation.lines($0, unit: t.unit, amount: t.amount)) })
            } ?? [:]
            return TermDTO(purpose: t.purpose.rawValue, status: t.status.rawValue, start: t.start, unit: t.unit.rawValue, amount: t.amount,
                           due: t.due, originalDue: t.originalDue, rule: t.ruleID, basis: t.basis, explanation: lines)
        }
        allowedActions = Permissions.available(actor: actor, appeal: a)
        proposals = []
        let today = RegistrationDay.local(Date(), timeZone: body.timeZone).date
        if a.state == .awaitingCorrection, let due = a.correction?.due, today > due {
            proposals.append(Proposal(action: "resolve_uncorrected", options: [TerminationGround.returned.rawValue,
                                                                               TerminationGround.leftWithoutConsideration.rawValue],
                                      because: "the deficiency was not remedied by \(due.dotted)"))
        }
        self.trail = trail
        calendarVersion = calendar.version
    }
}

/// `POST /api/v1/appeals/{id}/actions`: `action` names the step; the other fields are its parameters.
struct ActionRequest: Content {
    var action: String?
    var missing: [String]?
    var feeRequired: Bool?
    var deficiency: String?
    var remedy: String?
    var consequence: String?
    var workingDays: Int?
    var note: String?
    var outcome: String?
    var kind: String?
    var area: String?
    var special: String?
    var executorId: UUID?
    var targetBodyId: UUID?
    var targetName: String?
    var demands: [String]?
    var source: String?
    var reason: String?
    var accept: Bool?
    var newExecutorId: UUID?
    var ground: String?
    var until: CivilDate?
    var text: String?
    var character: String?
    var document: String?
    var language: String?
    var channel: String?
    var sentOn: CivilDate?
    var reference: String?

    func command() throws -> AppealCommand {
        func need<T>(_ v: T?, _ field: String) throws -> T {
            guard let v else { throw APIError.missing(field) }
            return v
        }
        func parse<E: RawRepresentable<String>>(_ text: String?, _ field: String, as: E.Type) throws -> E {
            let t = try need(text, field)
            guard let e = E(rawValue: t) else { throw APIError.invalid(field, code: "invalid_value", "\(field): \"\(t)\" is not allowed") }
            return e
        }
        switch try need(action, "action") {
        case "record_completeness":
            return .recordCompleteness(missing: try (missing ?? []).map { try parse($0, "missing", as: ChecklistItem.self) },
                                       feeRequired: feeRequired ?? false)
        case "return_for_correction":
            return .returnForCorrection(deficiency: try need(deficiency, "deficiency"), remedy: try need(remedy, "remedy"),
                                        consequence: try need(consequence, "consequence"), workingDays: workingDays)
        case "receive_correction": return .receiveCorrection(note: note)
        case "resolve_uncorrected": return .resolveUncorrected(outcome: try parse(outcome, "outcome", as: TerminationGround.self))
        case "confirm_kind": return .confirmKind(try parse(kind, "kind", as: AppealKind.self), area: area, special: special)
        case "assign": return .assign(executorID: try need(executorId, "executorId"))
        case "forward": return .forward(targetBodyID: targetBodyId, targetName: try need(targetName, "targetName"), demands: demands)
        case "request_recusal":
            return .requestRecusal(source: try parse(source, "source", as: RecusalRequest.Source.self), reason: try need(reason, "reason"))
        case "decide_recusal": return .decideRecusal(accept: try need(accept, "accept"), newExecutorID: newExecutorId)
        case "terminate": return .terminate(ground: try parse(ground, "ground", as: TerminationGround.self), note: try need(note, "note"))
        case "extend": return .extend(until: try need(until, "until"), reason: try need(reason, "reason"))
        case "request_extension": return .requestExtension(until: try need(until, "until"), reason: try need(reason, "reason"))
        case "record_sending":
            return .recordSending(document: try parse(document, "document", as: OutgoingDocument.self),
                                  language: try parse(language, "language", as: Language.self),
                                  channel: try parse(channel, "channel", as: DeliveryChannel.self), sentOn: sentOn, reference: reference)
        case "decide_extension": return .decideExtension(accept: try need(accept, "accept"), until: until, note: note)
        case "answer": return .answer(text: try need(text, "text"), character: try parse(character, "character", as: AnswerCharacter.self))
        case let other: throw APIError.invalid("action", code: "invalid_action", "unknown action \"\(other)\"")
        }
    }
}
