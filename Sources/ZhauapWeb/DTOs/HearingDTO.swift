import Foundation
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService

/// `GET /api/v1/hearing-rule`: the hearing rules' answer for one case (R34, R35).
struct HearingRuleResponse: Content {
    var decision: String
    var rule: String
    var reason: LocalizedText
    var articles: [String]
    var source: String
    var status: String
    /// The reason the act states when the hearing is omitted (absent while it may not be omitted).
    var omissionReason: String?

    init(_ r: HearingRuling) {
        (decision, rule, reason, articles, source, status, omissionReason) =
            (r.decision.rawValue, r.ruleID, r.reason, r.articles, r.source, r.status.rawValue, r.omission?.rawValue)
    }
}

/// `GET /api/v1/appeals/{id}/hearing`: the hearing of one case (R30–R37).
struct HearingResponse: Content {
    struct Participant: Content {
        var number: Int
        var role: String
        var name: String
        var contacts: String?
        var channel: String
        /// The draft in force as it reached this participant, and what that sets (APPC 73, 73(3)).
        var draftSentOn: CivilDate?
        var draftReceivedOn: CivilDate?
        var objectionUntil: CivilDate?
        var adoptableFrom: CivilDate?
    }
    struct DraftText: Content {
        var operativeSummary: String
        var facts: String?
        var legalReasoning: String?
    }
    struct Draft: Content {
        var version: Int
        var kk: DraftText
        var ru: DraftText?
        var documents: [Int]
        var preparedOn: CivilDate
    }
    struct Sending: Content {
        /// The sending's number among all the appeal's sendings (for `record_delivery`).
        var sending: Int
        var document: String
        var participant: Int?
        var language: String
        var channel: String
        var sentOn: CivilDate
        var caseDocument: Int?
        var deliveredOn: CivilDate?
        var proof: String?
        var proofDocument: Int?
    }
    struct Invitation: Content {
        var number: Int
        var form: String
        var app: String?
        var date: CivilDate
        var time: String
        var place: String
        var howKk: String?
        var howRu: String?
        var documents: [Int]
    }
    struct ArgumentAnswer: Content {
        var accepted: Bool
        var reasonKk: String
        var reasonRu: String?
        var answeredOn: CivilDate
    }
    struct Argument: Content {
        var number: Int
        var participant: Int
        var channel: String
        var text: String
        var document: Int?
        var receivedOn: CivilDate
        var late: Bool
        var answer: ArgumentAnswer?
    }
    struct ProtocolDTO: Content {
        var place: String
        var heldOn: CivilDate
        var startTime: String
        var endTime: String
        var bodyName: String
        var presidingName: String
        var secretaryName: String
        var participantsPresent: [String]
        var matterKk: String
        var matterRu: String?
        var contentKk: String
        var contentRu: String?
        var essentialFacts: String?
        var recordingMeans: String?
        var videoRecorded: Bool
        var videoConsentDocument: Int?
        var draftReceivedOn: CivilDate?
        var absenceReason: String?
        var signedByPresiding: Bool
        var signedBySecretary: Bool
        var readyOn: CivilDate
        var readingPlace: String
        var documents: [Int]
    }
    struct Held: Content {
        var form: String
        var heldOn: CivilDate
        var `protocol`: ProtocolDTO?
    }
    struct Omitted: Content {
        var reason: String
        var articles: [String]
        var text: LocalizedText
        var note: String?
        var decidedOn: CivilDate
    }
    struct Hearing: Content {
        var outcome: String
        var burdensThirdParty: Bool
        var exception: String?
        var ruling: HearingRuleResponse
        var plannedOn: CivilDate
        var participants: [Participant]
        var drafts: [Draft]
        var sendings: [Sending]
        var invitations: [Invitation]
        var arguments: [Argument]
        /// `pending`, `held` or `omitted`.
        var status: String
        var held: Held?
        var omitted: Omitted?
    }
    struct Block: Content {
        /// `hearing_not_planned`, `hearing_pending`, `no_draft`, `draft_not_delivered`, `too_early`.
        var code: String
        var participant: Int? = nil
        var earliest: CivilDate? = nil
    }
    struct Adoption: Content {
        /// Whether the act may be adopted on `on` as far as the hearing goes (the act's other checks come with it).
        var allowed: Bool
        var on: CivilDate
        /// 3 working days after the last participant received the draft (R33).
        var earliest: CivilDate?
        var blocks: [Block]
    }

    var appealId: UUID
    var kind: String?
    /// Before planning: what the rules say for a favourable and for a burdening act that burdens nobody else.
    var preview: [String: HearingRuleResponse]
    var hearing: Hearing?
    var adoption: Adoption
    /// The objection window and the earliest day of the act, each explained on the calendar in force.
    var terms: [TermDTO]
    /// The hearing's steps the caller may take now.
    var allowedActions: [String]

    static let steps: [Action] = [.planHearing, .addParticipant, .prepareDraft, .recordSending, .recordDelivery, .inviteToHearing, .recordObjection,
                                  .answerArgument, .recordHearing, .omitHearing]

    init(_ v: HearingView, actor: Actor) {
        let a = v.appeal
        appealId = a.id
        kind = a.kind?.rawValue
        preview = Dictionary(uniqueKeysWithValues: v.preview.map { ($0.key.rawValue, HearingRuleResponse($0.value)) })
        terms = v.terms.map { TermDTO($0, calendar: v.calendar) }
        allowedActions = Permissions.available(actor: actor, appeal: a).filter(Self.steps.contains).map(\.rawValue)
        let gate = v.gate
        adoption = Adoption(allowed: gate.allowed, on: v.today, earliest: gate.earliest, blocks: gate.blocks.map { b in
            switch b {
            case .draftNotDelivered(let p): Block(code: b.code, participant: p)
            case .tooEarly(let d): Block(code: b.code, earliest: d)
            default: Block(code: b.code)
            }
        })
        hearing = a.hearing.map { h in
            let receipts = Dictionary(v.receipts.map { ($0.participant, $0) }, uniquingKeysWith: { x, _ in x })
            var held: Held?, omitted: Omitted?
            switch h.conduct {
            case .pending: break
            case .held(let x): held = Held(form: x.form.rawValue, heldOn: x.heldOn, protocol: x.protocol_.map(Self.protocolDTO))
            case .omitted(let o):
                omitted = Omitted(reason: o.reason.rawValue, articles: o.articles, text: LocalizedText(kk: o.textKk, ru: o.textRu, en: h.ruling.reason.en),
                                  note: o.note, decidedOn: o.decidedOn)
            }
            return Hearing(
                outcome: h.outcome.rawValue, burdensThirdParty: h.burdensThirdParty, exception: h.exception?.rawValue, ruling: HearingRuleResponse(h.ruling),
                plannedOn: h.plannedOn,
                participants: h.participants.map { p in
                    let r = receipts[p.number]
                    return Participant(number: p.number, role: p.role.rawValue, name: p.name, contacts: p.contacts, channel: p.channel.rawValue,
                                       draftSentOn: r?.sentOn, draftReceivedOn: r?.receivedOn, objectionUntil: r?.objectionUntil, adoptableFrom: r?.adoptableFrom)
                },
                drafts: h.drafts.map { d in
                    Draft(version: d.version, kk: Self.text(d.kk), ru: d.ru.map(Self.text), documents: d.documents, preparedOn: d.preparedOn)
                },
                sendings: a.sendings.enumerated().filter { $0.element.document.isHearingDocument }.map { i, s in
                    Sending(sending: i + 1, document: s.document.rawValue, participant: s.participant, language: s.language.rawValue, channel: s.channel.rawValue,
                            sentOn: s.sentOn, caseDocument: s.caseDocument, deliveredOn: s.deliveredOn, proof: s.proof, proofDocument: s.proofDocument)
                },
                invitations: h.invitations.map {
                    Invitation(number: $0.number, form: $0.form.rawValue, app: $0.app, date: $0.date, time: $0.time, place: $0.place, howKk: $0.howKk,
                               howRu: $0.howRu, documents: $0.documents)
                },
                arguments: h.arguments.map { g in
                    Argument(number: g.number, participant: g.participant, channel: g.channel.rawValue, text: g.text, document: g.document,
                             receivedOn: g.receivedOn, late: g.late,
                             answer: g.answer.map { ArgumentAnswer(accepted: $0.accepted, reasonKk: $0.reasonKk, reasonRu: $0.reasonRu, answeredOn: $0.answeredOn) })
                },
                status: h.conduct.status, held: held, omitted: omitted)
        }
    }

    static func text(_ t: ZhauapDomain.DraftText) -> DraftText {
        DraftText(operativeSummary: t.operativeSummary, facts: t.facts, legalReasoning: t.legalReasoning)
    }

    static func protocolDTO(_ p: HearingProtocol) -> ProtocolDTO {
        ProtocolDTO(place: p.place, heldOn: p.heldOn, startTime: p.startTime, endTime: p.endTime, bodyName: p.bodyName, presidingName: p.presidingName,
                    secretaryName: p.secretaryName, participantsPresent: p.participantsPresent, matterKk: p.matterKk, matterRu: p.matterRu,
                    contentKk: p.contentKk, contentRu: p.contentRu, essentialFacts: p.essentialFacts, recordingMeans: p.recordingMeans,
                    videoRecorded: p.videoRecorded, videoConsentDocument: p.videoConsentDocument, draftReceivedOn: p.draftReceivedOn,
                    absenceReason: p.absenceReason, signedByPresiding: p.signedByPresiding, signedBySecretary: p.signedBySecretary, readyOn: p.readyOn,
                    readingPlace: p.readingPlace, documents: p.documents)
    }
}
