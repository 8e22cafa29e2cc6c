import Foundation
import Testing
import WorkingCalendar
@testable import ZhauapDomain

/// The hearing (GUIDE §6, R30–R37; APPC 73, 74) through the pure procedure.
@Suite("Hearing: R30–R37")
struct HearingTests {
    static let rules = HearingRules.shipped!

    /// The guide's table written out independently of the rules' data (R34, R35).
    static func expected(_ kind: AppealKind, _ outcome: HearingOutcome, _ thirdParty: Bool, _ exception: HearingException?) -> HearingDecision {
        if kind.isSimplified || outcome == .none { return .notApplicable }
        if outcome == .favourable && !thirdParty { return .optional }
        if exception != nil { return .mayOmitWithReason }
        return thirdParty ? .requiredWithThirdParties : .required
    }

    @Test("R34, R35: the whole decision table of kind × outcome × third parties × exception", arguments: AppealKind.allCases)
    func table(kind: AppealKind) throws {
        for outcome in HearingOutcome.allCases {
            for tp in [false, true] {
                for e in [nil] + HearingException.allCases.map(Optional.some) {
                    let r = try #require(Self.rules.decide(kind: kind, outcome: outcome, burdensThirdParty: tp, exception: e, on: F.d("2024-05-02")))
                    #expect(r.decision == Self.expected(kind, outcome, tp, e), "\(kind) \(outcome) \(tp) \(String(describing: e))")
                    #expect(!r.articles.isEmpty && !r.reason.kk.isEmpty && !r.reason.ru.isEmpty && !r.reason.en.isEmpty && !r.source.isEmpty)
                    // The reason the act states is given exactly when the hearing may be omitted.
                    #expect((r.omission != nil) == r.decision.mayOmit)
                    if r.decision == .mayOmitWithReason, let e { #expect(r.omission == OmissionReason(e)) }
                }
            }
        }
    }

    @Test("R34, R35: the shipped rules leave no case undecided, and none before the APPC took effect (1 July 2021)")
    func complete() {
        #expect(Self.rules.gaps(on: F.d("2021-07-01")).isEmpty)
        #expect(Self.rules.gaps(on: F.d("2026-12-03")).isEmpty)
        #expect(Self.rules.decide(kind: .application, outcome: .burdening, burdensThirdParty: false, exception: nil, on: F.d("2021-06-30")) == nil)
    }

    // MARK: - A case

    /// An application received on `received` (Almaty, 10:00), assigned and its kind confirmed.
    static func application(received: String = "2024-04-29", language: Language? = nil) throws -> Appeal {
        let draft = Procedure.Draft(channel: .paper, receivedAt: F.almaty("\(received)T10:00:00"),
                                    applicant: Applicant(surname: "Нұрланов", givenName: "Ержан", iin: "061211600012", postalAddress: "Алматы, Абай д. 1",
                                                         email: "e@example.kz"),
                                    essence: "Жер учаскесін беруіңізді сұраймын", language: language, signaturePresent: true)
        let a = try F.register(draft, today: received).0
        let assigned = try F.apply(.assign(executorID: F.executor.userID), a, by: F.head, on: received)
        return try F.apply(.confirmKind(.application, area: "land", special: nil), assigned, by: F.executor, on: received)
    }

    static func run(_ step: any ProcedureStep, _ a: Appeal, by actor: Actor = F.executor, on day: String) throws -> Appeal {
        try Procedure.apply(AppealCommand(step), to: a, context: F.context(actor, today: day)).0
    }

    /// Planned (burdening), drafted, the draft sent on `sent` and delivered on `delivered`.
    static func delivered(sent: String = "2024-05-02", delivered: String = "2024-05-03", planned: String = "2024-04-30") throws -> Appeal {
        var a = try run(PlanHearing(outcome: .burdening), try application(), on: planned)
        a = try run(PrepareDraft(summaryKk: "Жер учаскесін беруден бас тарту"), a, on: planned)
        a = try run(RecordSending(document: .draftDecision, language: .kk, channel: .email, sentOn: F.d(sent), reference: "e@example.kz", participant: 1),
                    a, on: sent)
        return try run(RecordDelivery(sending: a.sendings.count, deliveredOn: F.d(delivered), proof: "оқылды туралы хабарлама"), a, on: delivered)
    }

    @Test("R34: a burdening act on an application requires the hearing; the applicant is its addressee")
    func planBurdening() throws {
        let a = try Self.run(PlanHearing(outcome: .burdening), try Self.application(), on: "2024-04-30")
        #expect(a.hearing?.ruling.decision == .required && a.hearing?.ruling.ruleID == "burdening")
        #expect(a.hearing?.participants.map(\.role) == [.addressee] && a.hearing?.participants.first?.name == "Нұрланов Ержан")
        #expect(a.adoptionGate(on: F.d("2024-05-30"), calendar: F.calendar, rules: F.rules).blocks == [.hearingPending, .noDraft,
                                                                                                          .draftNotDelivered(participant: 1)])
    }

    @Test("R33, APPC 73(3): the draft delivered on Fri 3 May 2024 — the decreed working Saturday 4 May counts, 7–9 May are days off: objections until Sat 4 May, the act from Fri 10 May")
    func gateAcrossHolidays() throws {
        var a = try Self.delivered()
        #expect(a.term(.objection)?.due == F.d("2024-05-04") && a.term(.draftLead)?.due == F.d("2024-05-10"))
        a = try Self.run(RecordHearing(form: .email, heldOn: F.d("2024-05-06")), a, on: "2024-05-06")
        func gate(_ day: String) -> [AdoptionBlock] { a.adoptionGate(on: F.d(day), calendar: F.calendar, rules: F.rules).blocks }
        #expect(gate("2024-05-09") == [.tooEarly(earliest: F.d("2024-05-10"))], "the day before")
        #expect(gate("2024-05-10").isEmpty, "the day of")
        #expect(gate("2024-05-13").isEmpty, "the day after (a Monday)")
    }

    @Test("R33: a delivery later than the sending moves the earliest day — sent and delivered Thu 2 May: from Mon 6 May; delivered Fri 3 May: from Fri 10 May")
    func deliveryMovesTheDay() throws {
        let same = try Self.delivered(sent: "2024-05-02", delivered: "2024-05-02")
        let later = try Self.delivered(sent: "2024-05-02", delivered: "2024-05-03")
        #expect(same.draftReceipts(calendar: F.calendar, rules: F.rules).first?.adoptableFrom == F.d("2024-05-06"))
        #expect(later.draftReceipts(calendar: F.calendar, rules: F.rules).first?.adoptableFrom == F.d("2024-05-10"))
        // Sent but not delivered: no day yet.
        var sent = try Self.run(PlanHearing(outcome: .burdening), try Self.application(), on: "2024-04-30")
        sent = try Self.run(PrepareDraft(summaryKk: "Бас тарту"), sent, on: "2024-04-30")
        sent = try Self.run(RecordSending(document: .draftDecision, language: .kk, channel: .post, sentOn: nil, reference: nil, participant: nil), sent, on: "2024-05-02")
        #expect(sent.adoptionGate(on: F.d("2024-06-03"), calendar: F.calendar, rules: F.rules).blocks.contains(.draftNotDelivered(participant: 1)))
        #expect(sent.term(.draftLead) == nil)
    }

    @Test("R33: a delivery is refused before its sending, after today, twice, and without proof")
    func deliveryEdges() throws {
        var a = try Self.run(PlanHearing(outcome: .burdening), try Self.application(), on: "2024-04-30")
        a = try Self.run(PrepareDraft(summaryKk: "Бас тарту"), a, on: "2024-04-30")
        a = try Self.run(RecordSending(document: .draftDecision, language: .kk, channel: .post, sentOn: F.d("2024-05-02"), reference: nil, participant: 1),
                         a, on: "2024-05-02")
        let n = a.sendings.count
        #expect(throws: ProcedureError.deliveryOutOfRange(F.d("2024-05-01"))) {
            try Self.run(RecordDelivery(sending: n, deliveredOn: F.d("2024-05-01"), proof: "x"), a, on: "2024-05-03")
        }
        #expect(throws: ProcedureError.deliveryOutOfRange(F.d("2024-05-04"))) {
            try Self.run(RecordDelivery(sending: n, deliveredOn: F.d("2024-05-04"), proof: "x"), a, on: "2024-05-03")
        }
        #expect(throws: ProcedureError.missingField("proof")) { try Self.run(RecordDelivery(sending: n, proof: " "), a, on: "2024-05-03") }
        #expect(throws: ProcedureError.unknownSending(n + 1)) { try Self.run(RecordDelivery(sending: n + 1, proof: "x"), a, on: "2024-05-03") }
        let once = try Self.run(RecordDelivery(sending: n, deliveredOn: F.d("2024-05-02"), proof: "x"), a, on: "2024-05-03")
        #expect(throws: ProcedureError.deliveryRecorded(n)) { try Self.run(RecordDelivery(sending: n, proof: "y"), once, on: "2024-05-03") }
        #expect(throws: ProcedureError.unknownParticipant(2)) {
            try Self.run(RecordSending(document: .draftDecision, language: .kk, channel: .post, sentOn: nil, reference: nil, participant: 2), a, on: "2024-05-03")
        }
    }

    @Test("APPC 73(3): the applicant objects online on the last day of the window (the working Saturday 4 May 2024); the next working day is refused; a late oral one is recorded as late")
    func objectionWindow() throws {
        let a = try Self.delivered()
        let applicant = Actor.applicant(of: a)
        let inTime = try Self.run(SubmitObjection(text: "Келіспеймін: учаске бос."), a, by: applicant, on: "2024-05-04")
        let arg = try #require(inTime.hearing?.arguments.first)
        #expect(arg.channel == .online && !arg.late && arg.document != nil)
        #expect(inTime.document(arg.document!)?.kind == .objection && inTime.document(arg.document!)?.direction == .incoming)
        #expect(throws: ProcedureError.objectionWindowClosed(until: F.d("2024-05-04"))) {
            try Self.run(SubmitObjection(text: "Кеш"), a, by: applicant, on: "2024-05-06")
        }
        // The longest objection taken online, and one character more.
        let longest = String(repeating: "ә", count: SubmitObjection.maxLength)
        #expect(try Self.run(SubmitObjection(text: longest), a, by: applicant, on: "2024-05-04").hearing?.arguments.first?.text.count == 10_000)
        #expect(throws: ProcedureError.textTooLong(field: "text", limit: 10_000)) {
            try Self.run(SubmitObjection(text: longest + "ә"), a, by: applicant, on: "2024-05-04")
        }
        // By the body's channels a late objection is still recorded (the act answers it), marked late.
        let oral = try Self.run(RecordObjection(channel: .oral, text: "Ауызша қарсылық", receivedOn: F.d("2024-05-07")), a, by: F.registrar, on: "2024-05-07")
        #expect(oral.hearing?.arguments.last?.late == true)
        #expect(throws: ProcedureError.missingField("caseDocument")) {
            try Self.run(RecordObjection(channel: .written, text: "Жазбаша"), a, by: F.registrar, on: "2024-05-07")
        }
        // R40: each argument is answered, accepted or not, and why.
        let answered = try Self.run(AnswerArgument(number: 1, accepted: false, reasonKk: "Учаске бос емес: 2024 жылғы тексеру актісі."), inTime, on: "2024-05-07")
        #expect(answered.hearing?.unanswered.isEmpty == true && answered.hearing?.arguments.first?.answer?.accepted == false)
        #expect(throws: ProcedureError.unknownArgument(5)) { try Self.run(AnswerArgument(number: 5, accepted: true, reasonKk: "x"), inTime, on: "2024-05-07") }
    }

    @Test("APPC 73(3): nothing to object to before the draft is sent; only the applicant objects online; the applicant takes no other step")
    func objectionRoles() throws {
        var a = try Self.run(PlanHearing(outcome: .burdening), try Self.application(), on: "2024-04-30")
        a = try Self.run(PrepareDraft(summaryKk: "Бас тарту"), a, on: "2024-04-30")
        let applicant = Actor.applicant(of: a)
        #expect(throws: ProcedureError.objectionNotOpen) { try Self.run(SubmitObjection(text: "x"), a, by: applicant, on: "2024-05-02") }
        #expect(throws: ProcedureError.forbidden(action: "submit_objection")) { try Self.run(SubmitObjection(text: "x"), a, by: F.executor, on: "2024-05-02") }
        #expect(throws: ProcedureError.forbidden(action: "record_objection")) {
            try Self.run(RecordObjection(channel: .oral, text: "x"), a, by: applicant, on: "2024-05-02")
        }
        #expect(Permissions.available(actor: applicant, appeal: a).isEmpty)
        // Another body's appeal is never the applicant's.
        var foreign = applicant
        foreign.bodyID = UUID()
        #expect(!SubmitObjection.who.admits(foreign, appeal: a))
    }

    @Test("R31: only the assigned executor or the head conducts the hearing; a registrar or another executor does not")
    func roles() throws {
        let a = try Self.application()
        for actor in [F.registrar, F.otherExecutor] {
            #expect(throws: ProcedureError.forbidden(action: "plan_hearing")) { try Self.run(PlanHearing(outcome: .burdening), a, by: actor, on: "2024-04-30") }
        }
        let planned = try Self.run(PlanHearing(outcome: .burdening), a, by: F.head, on: "2024-04-30")
        let drafted = try Self.run(PrepareDraft(summaryKk: "Бас тарту"), planned, on: "2024-04-30")
        #expect(throws: ProcedureError.forbidden(action: "record_hearing")) {
            try Self.run(RecordHearing(form: .email), drafted, by: F.registrar, on: "2024-05-02")
        }
    }

    static func protocolStep(_ change: (inout RecordHearing) -> Void = { _ in }) -> RecordHearing {
        var s = RecordHearing(form: .videoCall, heldOn: F.d("2024-05-07"), place: "WhatsApp бейнебайланысы", startTime: "10:00", endTime: "10:40",
                              presidingName: "Арман Қасымов", secretaryName: "Дана Ахметова", participantsPresent: ["Нұрланов Ержан"],
                              matterKk: "Жер учаскесін беру туралы өтініш", contentKk: "Өтініш беруші учаске бос екенін айтты.",
                              signedByPresiding: true, signedBySecretary: true, readyOn: F.d("2024-05-08"), readingPlace: "Абай даңғылы 1, 204 каб.")
        change(&s)
        return s
    }

    @Test("R36, R37, APPC 74: an oral hearing's protocol with every required item is frozen in the case; a missing item is refused by name",
          arguments: ["place", "startTime", "endTime", "presidingName", "secretaryName", "participantsPresent", "matterKk", "contentKk",
                      "signedByPresiding", "signedBySecretary", "readingPlace"])
    func protocolItems(missing: String) throws {
        let a = try Self.delivered()
        let step = Self.protocolStep { s in
            switch missing {
            case "place": s.place = " "
            case "startTime": s.startTime = nil
            case "endTime": s.endTime = nil
            case "presidingName": s.presidingName = nil
            case "secretaryName": s.secretaryName = ""
            case "participantsPresent": s.participantsPresent = [" "]
            case "matterKk": s.matterKk = nil
            case "contentKk": s.contentKk = "\n"
            case "signedByPresiding": s.signedByPresiding = false
            case "signedBySecretary": s.signedBySecretary = nil
            default: s.readingPlace = nil
            }
        }
        #expect(throws: ProcedureError.missingField(missing)) { try Self.run(step, a, on: "2024-05-07") }
        let held = try Self.run(Self.protocolStep(), a, on: "2024-05-07")
        let p = try #require(held.hearing?.protocol_)
        #expect(p.draftReceivedOn == F.d("2024-05-03") && p.bodyName == F.body.nameKk && p.documents.count == 1)
        #expect(held.document(p.documents[0])?.kind == .hearingProtocol)
    }

    @Test("R37: the protocol's edges — an end before the start, a video without written consent, a protocol for a hearing by e-mail")
    func protocolEdges() throws {
        let a = try Self.delivered()
        #expect(throws: ProcedureError.invalidTime(field: "endTime")) { try Self.run(Self.protocolStep { $0.endTime = "10:00" }, a, on: "2024-05-07") }
        #expect(throws: ProcedureError.invalidTime(field: "startTime")) { try Self.run(Self.protocolStep { $0.startTime = "24:00" }, a, on: "2024-05-07") }
        #expect(throws: ProcedureError.missingField("videoConsentDocument")) {
            try Self.run(Self.protocolStep { $0.videoRecorded = true }, a, on: "2024-05-07")
        }
        #expect(throws: ProcedureError.protocolNotForWritten) { try Self.run(Self.protocolStep { $0.form = .email }, a, on: "2024-05-07") }
        let written = try Self.run(RecordHearing(form: .writtenOpinion), a, on: "2024-05-07")
        #expect(written.hearing?.isHeld == true && written.hearing?.protocol_ == nil)
        #expect(throws: ProcedureError.hearingConcluded) { try Self.run(Self.protocolStep(), written, on: "2024-05-07") }
        #expect(throws: ProcedureError.dayOutOfRange(field: "heldOn", F.d("2024-05-08"))) {
            try Self.run(Self.protocolStep { $0.heldOn = F.d("2024-05-08") }, a, on: "2024-05-07")
        }
    }

    @Test("R35: the hearing is omitted only for the reason the rules allow, and the act's reason is kept with its articles")
    func omission() throws {
        let base = try Self.application()
        let favourable = try Self.run(PlanHearing(outcome: .favourable), base, on: "2024-04-30")
        #expect(favourable.hearing?.ruling.decision == .optional)
        let omitted = try Self.run(OmitHearing(reason: .favourable), favourable, on: "2024-04-30")
        #expect(omitted.hearing?.omission?.articles == ["APPC 73"] && omitted.hearing?.omission?.textRu.contains("благоприятен") == true)
        #expect(omitted.adoptionGate(on: F.d("2024-04-30"), calendar: F.calendar, rules: F.rules).allowed)
        let burdening = try Self.run(PlanHearing(outcome: .burdening), base, on: "2024-04-30")
        #expect(throws: ProcedureError.omissionNotAllowed(.required)) { try Self.run(OmitHearing(reason: .urgent), burdening, on: "2024-04-30") }
        let urgent = try Self.run(PlanHearing(outcome: .burdening, exception: .urgent), base, on: "2024-04-30")
        #expect(throws: ProcedureError.omissionNotAllowed(.mayOmitWithReason)) { try Self.run(OmitHearing(reason: .waived), urgent, on: "2024-04-30") }
        #expect(try Self.run(OmitHearing(reason: .urgent), urgent, on: "2024-04-30").hearing?.omission?.reason == .urgent)
        // A hearing may be held even where it may be omitted (R35).
        let held = try Self.run(RecordHearing(form: .email), try Self.run(PrepareDraft(summaryKk: "x"), urgent, on: "2024-04-30"), on: "2024-04-30")
        #expect(held.hearing?.isHeld == true)
    }

    @Test("R35: a favourable act burdening a third party — the third party is heard, and the act waits for the draft to reach them too")
    func thirdParty() throws {
        var a = try Self.run(PlanHearing(outcome: .favourable, burdensThirdParty: true), try Self.application(), on: "2024-04-30")
        #expect(a.hearing?.ruling.decision == .requiredWithThirdParties)
        a = try Self.run(AddParticipant(name: "Көрші: Сейітов Б.", contacts: "+7 701 000 00 00", channel: .messenger), a, on: "2024-04-30")
        a = try Self.run(PrepareDraft(summaryKk: "Рұқсат беру"), a, on: "2024-04-30")
        a = try Self.run(RecordSending(document: .draftDecision, language: .kk, channel: .email, sentOn: nil, reference: nil, participant: 1), a, on: "2024-05-02")
        a = try Self.run(RecordDelivery(sending: a.sendings.count, proof: "қолхат"), a, on: "2024-05-02")
        a = try Self.run(RecordHearing(form: .email), a, on: "2024-05-02")
        #expect(a.adoptionGate(on: F.d("2024-06-03"), calendar: F.calendar, rules: F.rules).blocks == [.draftNotDelivered(participant: 2)])
        #expect(a.term(.draftLead) == nil, "the earliest day waits for every participant")
    }

    @Test("R33: a new version of the draft starts the count again")
    func newVersion() throws {
        let a = try Self.delivered()
        let v2 = try Self.run(PrepareDraft(summaryKk: "Жаңа нұсқа"), a, on: "2024-05-06")
        #expect(v2.hearing?.draft?.version == 2)
        #expect(v2.adoptionGate(on: F.d("2024-06-03"), calendar: F.calendar, rules: F.rules).blocks.contains(.draftNotDelivered(participant: 1)))
    }

    @Test("R34, Law on languages Art. 11: the simplified procedure has no hearing; an appeal in Russian needs the Russian draft")
    func simplifiedAndLanguages() throws {
        let request = try F.apply(.confirmKind(.request, area: nil, special: nil), try F.assigned(), by: F.executor, on: "2024-01-25")
        #expect(!PlanHearing.isOffered(on: request))
        let planned = try Self.run(PlanHearing(outcome: .burdening), request, on: "2024-01-25")
        #expect(planned.hearing?.ruling.decision == .notApplicable)
        #expect(throws: ProcedureError.hearingNotApplicable) { try Self.run(PrepareDraft(summaryKk: "x"), planned, on: "2024-01-25") }
        let ru = try Self.run(PlanHearing(outcome: .burdening), try Self.application(language: .ru), on: "2024-04-30")
        #expect(throws: ProcedureError.missingField("summaryRu")) { try Self.run(PrepareDraft(summaryKk: "Бас тарту"), ru, on: "2024-04-30") }
        let both = try Self.run(PrepareDraft(summaryKk: "Бас тарту", summaryRu: "Отказать"), ru, on: "2024-04-30")
        #expect(both.hearing?.draft?.languages == [.kk, .ru] && both.hearing?.draft?.documents.count == 2)
    }

    @Test("R32: the invitation names the form, day, time and place; a call needs its application; a past day or a bad time is refused")
    func invitation() throws {
        let a = try Self.delivered()
        let ok = try Self.run(InviteToHearing(form: .videoCall, app: "WhatsApp", date: F.d("2024-05-07"), time: "10:00", place: "+7 701 111 11 11"), a, on: "2024-05-03")
        #expect(ok.hearing?.invitations.first?.documents.count == 2)
        #expect(throws: ProcedureError.missingField("app")) {
            try Self.run(InviteToHearing(form: .videoCall, date: F.d("2024-05-07"), time: "10:00", place: "x"), a, on: "2024-05-03")
        }
        #expect(throws: ProcedureError.dayOutOfRange(field: "date", F.d("2024-05-02"))) {
            try Self.run(InviteToHearing(form: .inPersonAtBody, date: F.d("2024-05-02"), time: "10:00", place: "x"), a, on: "2024-05-03")
        }
        #expect(throws: ProcedureError.invalidTime(field: "time")) {
            try Self.run(InviteToHearing(form: .inPersonAtBody, date: F.d("2024-05-07"), time: "9:00", place: "x"), a, on: "2024-05-03")
        }
    }

    @Test("The hearing's trail: each step a typed entry")
    func trail() throws {
        let a = try Self.delivered()
        let (_, events) = try Procedure.apply(AppealCommand(Self.protocolStep()), to: a, context: F.context(F.executor, today: "2024-05-07"))
        #expect(events.map(\.type) == ["hearing_held", "document_added"])
        #expect(events.first?.details["form"] == "video_call" && events.first?.details["held_on"] == "2024-05-07")
    }
}
