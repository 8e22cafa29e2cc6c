import Foundation
import Testing
import WorkingCalendar
@testable import ZhauapDomain

@Suite("R2, R4–R8, R15, R17: the procedure as a state machine")
struct ProcedureTests {
    @Test("R2: the completeness result is kept on the appeal and the trail")
    func completeness() throws {
        let a = try F.assigned()
        let (b, events) = try Procedure.apply(.recordCompleteness(missing: [.signature, .appealDate], feeRequired: false), to: a,
                                              context: F.context(F.executor, today: "2024-01-26"))
        #expect(b.completeness?.essentialMissing == [.signature])
        #expect(events.first?.type == "completeness_recorded")
    }

    @Test("R4: a return for correction needs the check first and never stands on formal items alone (APPC 14)")
    func returnGuards() throws {
        let a = try F.assigned()
        let ret = AppealCommand.returnForCorrection(deficiency: "Қолы жоқ", remedy: "Қол қойып қайта жіберіңіз",
                                                    consequence: "Қаралмай қайтарылады", workingDays: nil)
        #expect(throws: ProcedureError.completenessNotChecked) { try F.apply(ret, a, by: F.executor, on: "2024-01-26") }
        let formal = try F.apply(.recordCompleteness(missing: [.appealDate, .addressedBody], feeRequired: false), a, by: F.executor, on: "2024-01-26")
        #expect(throws: ProcedureError.onlyFormalDeficiencies([.appealDate, .addressedBody])) { try F.apply(ret, formal, by: F.executor, on: "2024-01-26") }
        let noReason = AppealCommand.returnForCorrection(deficiency: " ", remedy: "x", consequence: "y", workingDays: 3)
        #expect(throws: ProcedureError.missingField("deficiency")) { try F.apply(noReason, formal, by: F.executor, on: "2024-01-26") }
    }

    @Test("R4: returned with a deadline, corrected in time → consideration continues")
    func correctionCycle() throws {
        var a = try F.apply(.recordCompleteness(missing: [.signature], feeRequired: false), F.assigned(), by: F.executor, on: "2024-01-26")
        a = try F.apply(.returnForCorrection(deficiency: "Қолы жоқ", remedy: "Қол қойыңыз", consequence: "Қаралмайды", workingDays: 5),
                        a, by: F.executor, on: "2024-01-26")
        #expect(a.state == .awaitingCorrection)
        #expect(a.correction?.due == F.d("2024-02-01"))
        #expect(a.term(.correction)?.due == F.d("2024-02-01"))
        a = try F.apply(.receiveCorrection(note: "қол қойылды"), a, by: F.registrar, on: "2024-01-31")
        #expect(a.state == .underConsideration)
        #expect(a.term(.correction) == nil)
        #expect(a.terms.contains { $0.purpose == .correction && $0.status == .met })
    }

    @Test("R4: uncorrected past the deadline — a head confirms the outcome, not before")
    func uncorrected() throws {
        var a = try F.apply(.recordCompleteness(missing: [.postalAddress], feeRequired: false), F.assigned(), by: F.executor, on: "2024-01-26")
        a = try F.apply(.returnForCorrection(deficiency: "Мекенжай жоқ", remedy: "Мекенжайды көрсетіңіз", consequence: "Қайтарылады",
                                             workingDays: 3), a, by: F.executor, on: "2024-01-26")
        #expect(throws: ProcedureError.correctionNotOverdue(due: F.d("2024-01-30"))) {
            try F.apply(.resolveUncorrected(outcome: .returned), a, by: F.head, on: "2024-01-30")
        }
        #expect(throws: ProcedureError.forbidden(action: "resolve_uncorrected")) {
            try F.apply(.resolveUncorrected(outcome: .returned), a, by: F.executor, on: "2024-02-05")
        }
        let done = try F.apply(.resolveUncorrected(outcome: .leftWithoutConsideration), a, by: F.head, on: "2024-01-31")
        #expect(done.state == .terminated && done.termination?.ground == .leftWithoutConsideration)
        #expect(done.terms.allSatisfy { $0.status != .active })
    }

    @Test("R5, R17: confirming a complaint makes the term 20 working days; an information request 15 calendar days")
    func kindChangesTerm() throws {
        let complaint = try F.apply(.confirmKind(.complaint, area: nil, special: nil), F.assigned(), by: F.executor, on: "2024-01-26")
        #expect(complaint.term(.consideration)?.due == F.d("2024-02-21"))
        #expect(complaint.term(.consideration)?.ruleID == "appc-99-complaint")
        let info = try F.apply(.confirmKind(.request, area: nil, special: "information_request"), F.assigned(), by: F.executor, on: "2024-01-26")
        #expect(info.term(.consideration)?.due == F.d("2024-02-08"))
        #expect(info.term(.consideration)?.unit == .calendarDays)
    }

    @Test("R6: forwarding the whole appeal closes it here; forwarding part keeps it open")
    func forwarding() throws {
        let whole = try F.apply(.forward(targetBodyID: nil, targetName: "ҚР Ішкі істер министрлігі", demands: nil),
                                F.assigned(), by: F.executor, on: "2024-01-29")
        #expect(whole.state == .forwarded)
        #expect(whole.terms.allSatisfy { $0.status != .active })
        let (part, events) = try Procedure.apply(.forward(targetBodyID: nil, targetName: "Салық департаменті", demands: ["салық"]),
                                                 to: F.assigned(), context: F.context(F.executor, today: "2024-01-30"))
        #expect(part.state == .underConsideration)
        #expect(part.term(.consideration) != nil && part.term(.forwarding) == nil)
        #expect(events.first?.details["late"] == "true")  // 30 Jan is past the 29 Jan forwarding term
    }

    @Test("R7: an executor declares self-recusal; the head decides and reassigns")
    func recusal() throws {
        var a = try F.assigned()
        #expect(throws: ProcedureError.forbidden(action: "self-recusal")) {
            try F.apply(.requestRecusal(source: .selfRecusal, reason: "туысы"), a, by: F.head, on: "2024-01-26")
        }
        a = try F.apply(.requestRecusal(source: .selfRecusal, reason: "Өтініш беруші — туысым"), a, by: F.executor, on: "2024-01-26")
        #expect(Permissions.available(actor: F.head, appeal: a).contains(.decideRecusal))
        #expect(throws: ProcedureError.forbidden(action: "decide_recusal")) {
            try F.apply(.decideRecusal(accept: true, newExecutorID: F.otherExecutor.userID), a, by: F.executor, on: "2024-01-26")
        }
        a = try F.apply(.decideRecusal(accept: true, newExecutorID: F.otherExecutor.userID), a, by: F.head, on: "2024-01-26")
        #expect(a.executorID == F.otherExecutor.userID && a.recusal?.decision == true)
        #expect(throws: ProcedureError.noPendingRecusal) {
            try F.apply(.decideRecusal(accept: false, newExecutorID: nil), a, by: F.head, on: "2024-01-26")
        }
    }

    @Test("R8: an anonymous report of a crime cannot be terminated as anonymous — it must be forwarded at once")
    func anonymousCrime() throws {
        let report = try F.apply(.confirmKind(.report, area: nil, special: nil),
                                 F.assigned("Хабарлаймын: көршім есірткі сатады", anonymous: true, crime: true), by: F.executor, on: "2024-01-25")
        #expect(throws: ProcedureError.mustForwardAtOnce) {
            try F.apply(.terminate(ground: .authorshipUnknown, note: "авторы белгісіз"), report, by: F.head, on: "2024-01-25")
        }
        let plain = try F.apply(.confirmKind(.report, area: nil, special: nil),
                                F.assigned("Хабарлаймын: аулада жарық жоқ", anonymous: true), by: F.executor, on: "2024-01-25")
        let t = try F.apply(.terminate(ground: .authorshipUnknown, note: "қолы мен мекенжайы жоқ"), plain, by: F.head, on: "2024-01-26")
        #expect(t.state == .terminated)
    }

    @Test("R8: simplified-only grounds do not apply to an application; signed appeals are not anonymous")
    func groundsApply() throws {
        let app = try F.apply(.confirmKind(.application, area: nil, special: nil), F.assigned(), by: F.executor, on: "2024-01-25")
        #expect(throws: ProcedureError.groundNotApplicable(.essenceNotStated)) {
            try F.apply(.terminate(ground: .essenceNotStated, note: "мәні жоқ"), app, by: F.head, on: "2024-01-26")
        }
        let req = try F.apply(.confirmKind(.request, area: nil, special: nil), F.assigned(), by: F.executor, on: "2024-01-25")
        #expect(throws: ProcedureError.groundNotApplicable(.authorshipUnknown)) {
            try F.apply(.terminate(ground: .authorshipUnknown, note: "x"), req, by: F.head, on: "2024-01-26")
        }
        let withdrawn = try F.apply(.terminate(ground: .withdrawn, note: "өтініш беруші кері алды"), app, by: F.head, on: "2024-01-26")
        #expect(withdrawn.termination?.ground == .withdrawn)
    }

    @Test("R15: only a head extends, with a reason, at most two months; the notice is due in 3 working days")
    func extending() throws {
        let a = try F.assigned()  // due 14 Feb 2024
        #expect(throws: ProcedureError.forbidden(action: "extend")) {
            try F.apply(.extend(until: F.d("2024-03-14"), reason: "сараптама"), a, by: F.executor, on: "2024-02-12")
        }
        #expect(throws: ProcedureError.missingField("reason")) {
            try F.apply(.extend(until: F.d("2024-03-14"), reason: ""), a, by: F.head, on: "2024-02-12")
        }
        #expect(throws: ProcedureError.extensionTooLong(latest: F.d("2024-04-14"))) {
            try F.apply(.extend(until: F.d("2024-04-15"), reason: "сараптама"), a, by: F.head, on: "2024-02-12")
        }
        let e = try F.apply(.extend(until: F.d("2024-03-14"), reason: "сараптама қажет"), a, by: F.head, on: "2024-02-12")
        #expect(e.term(.consideration)?.due == F.d("2024-03-14"))
        #expect(e.term(.consideration)?.originalDue == F.d("2024-02-14"))
        #expect(e.term(.extensionNotice)?.due == F.d("2024-02-14"))
        // A second extension still counts two months from the original due date.
        #expect(throws: ProcedureError.extensionTooLong(latest: F.d("2024-04-14"))) {
            try F.apply(.extend(until: F.d("2024-04-16"), reason: "тағы"), e, by: F.head, on: "2024-03-01")
        }
        let complaint = try F.apply(.confirmKind(.complaint, area: nil, special: nil), a, by: F.executor, on: "2024-01-26")
        #expect(throws: ProcedureError.extensionNotAllowed) {
            try F.apply(.extend(until: F.d("2024-03-14"), reason: "x"), complaint, by: F.head, on: "2024-02-12")
        }
    }

    @Test("R15: the executor asks for an extension within the limits; the head extends as asked, to another date, or refuses with a note")
    func extensionRequest() throws {
        let a = try F.assigned()  // due 14 Feb 2024
        #expect(throws: ProcedureError.extensionTooLong(latest: F.d("2024-04-14"))) {
            try F.apply(.requestExtension(until: F.d("2024-04-15"), reason: "сараптама"), a, by: F.executor, on: "2024-02-12")
        }
        #expect(throws: ProcedureError.forbidden(action: "request_extension")) {
            try F.apply(.requestExtension(until: F.d("2024-03-14"), reason: "сараптама"), a, by: F.otherExecutor, on: "2024-02-12")
        }
        let (asked, events) = try Procedure.apply(.requestExtension(until: F.d("2024-03-14"), reason: "сараптама қажет"), to: a,
                                                  context: F.context(F.executor, today: "2024-02-12"))
        #expect(asked.term(.consideration)?.due == F.d("2024-02-14"), "asking moves nothing")
        #expect(asked.extensionRequest?.isPending == true && events.map(\.type) == ["extension_requested"])
        #expect(Permissions.available(actor: F.head, appeal: asked).contains(.decideExtension))
        #expect(!Permissions.available(actor: F.executor, appeal: asked).contains(.requestExtension), "one request at a time")
        #expect(throws: ProcedureError.extensionAlreadyRequested) {
            try F.apply(.requestExtension(until: F.d("2024-03-01"), reason: "тағы"), asked, by: F.executor, on: "2024-02-12")
        }
        let (granted, decided) = try Procedure.apply(.decideExtension(accept: true, until: nil, note: nil), to: asked,
                                                     context: F.context(F.head, today: "2024-02-13"))
        #expect(granted.term(.consideration)?.due == F.d("2024-03-14") && granted.term(.consideration)?.originalDue == F.d("2024-02-14"))
        #expect(granted.extensionRequest?.decision == true && decided.map(\.type) == ["extension_decided", "extended"])
        #expect(granted.term(.extensionNotice)?.due == F.d("2024-02-15"), "the participant is told within 3 working days of the decision")
        let shorter = try F.apply(.decideExtension(accept: true, until: F.d("2024-03-01"), note: "екі апта жеткілікті"), asked, by: F.head, on: "2024-02-13")
        #expect(shorter.term(.consideration)?.due == F.d("2024-03-01"))
        #expect(throws: ProcedureError.missingField("note")) {
            try F.apply(.decideExtension(accept: false, until: nil, note: " "), asked, by: F.head, on: "2024-02-13")
        }
        let refused = try F.apply(.decideExtension(accept: false, until: nil, note: "мерзімде үлгеруге болады"), asked, by: F.head, on: "2024-02-13")
        #expect(refused.term(.consideration)?.due == F.d("2024-02-14") && refused.extensionRequest?.decision == false)
        #expect(throws: ProcedureError.noPendingExtension) {
            try F.apply(.decideExtension(accept: true, until: nil, note: nil), refused, by: F.head, on: "2024-02-13")
        }
        #expect(throws: ProcedureError.forbidden(action: "decide_extension")) {
            try F.apply(.decideExtension(accept: true, until: nil, note: nil), asked, by: F.executor, on: "2024-02-13")
        }
        let complaint = try F.apply(.confirmKind(.complaint, area: nil, special: nil), a, by: F.executor, on: "2024-01-26")
        #expect(throws: ProcedureError.extensionNotAllowed) {
            try F.apply(.requestExtension(until: F.d("2024-03-14"), reason: "x"), complaint, by: F.executor, on: "2024-02-12")
        }
    }

    @Test("R46, R15: sending is recorded per document, language and channel; the extension notice meets its 3-day term")
    func sendings() throws {
        let a = try F.assigned()  // registered 25 Jan 2024, due 14 Feb
        let sent = try F.apply(.recordSending(document: .coupon, language: .kk, channel: .inPerson, sentOn: nil, reference: nil), a,
                               by: F.registrar, on: "2024-01-25")
        #expect(sent.sendings == [Sending(document: .coupon, language: .kk, channel: .inPerson, sentOn: F.d("2024-01-25"), reference: nil,
                                          recordedBy: F.registrar.userID)])
        #expect(throws: ProcedureError.documentNotAvailable(.forwardingNotice)) {
            try F.apply(.recordSending(document: .forwardingNotice, language: .ru, channel: .post, sentOn: nil, reference: nil), a, by: F.executor, on: "2024-01-26")
        }
        #expect(throws: ProcedureError.dateOutOfRange(F.d("2024-01-27"))) {
            try F.apply(.recordSending(document: .coupon, language: .ru, channel: .post, sentOn: F.d("2024-01-27"), reference: nil), a, by: F.executor, on: "2024-01-26")
        }
        #expect(throws: ProcedureError.forbidden(action: "record_sending")) {
            try F.apply(.recordSending(document: .coupon, language: .ru, channel: .post, sentOn: nil, reference: nil), a, by: F.otherExecutor, on: "2024-01-26")
        }
        let extended = try F.apply(.extend(until: F.d("2024-03-14"), reason: "сараптама", reasonRu: "экспертиза"), a, by: F.head, on: "2024-02-12")
        #expect(extended.term(.extensionNotice)?.due == F.d("2024-02-14") && extended.term(.consideration)?.extensionReason == "сараптама")
        let (told, events) = try Procedure.apply(.recordSending(document: .extensionNotice, language: .ru, channel: .post, sentOn: F.d("2024-02-15"),
                                                                reference: "RR123456789KZ"), to: extended, context: F.context(F.executor, today: "2024-02-16"))
        #expect(told.term(.extensionNotice) == nil && events.first?.details["late"] == "true", "sent a day after the 3 working days")
        // Answered without the notice sent: nothing is left open.
        let req = try F.apply(.confirmKind(.request, area: nil, special: nil), extended, by: F.executor, on: "2024-02-12")
        let done = try F.apply(.answer(text: "Жауап", character: .explained), req, by: F.executor, on: "2024-02-13")
        #expect(done.terms.allSatisfy { $0.status != .active })
        #expect(Permissions.available(actor: F.registrar, appeal: done) == [.recordSending, .addDocument, .recordExport],
                "sendings, documents arriving and the case's export are recorded after the end too")
    }

    @Test("A refused step is explained in Kazakh and Russian, with its dates in words", arguments: [
        ProcedureError.forbidden(action: "extend"), .invalidState(action: "answer", state: .registered), .missingField("reason"),
        .completenessNotChecked, .onlyFormalDeficiencies([.appealDate]), .correctionNotOverdue(due: CivilDate(year: 2024, month: 2, day: 1)!),
        .mustForwardAtOnce, .groundNotApplicable(.withdrawn), .extensionTooLong(latest: CivilDate(year: 2024, month: 4, day: 14)!),
        .extensionNotAllowed, .notWorkingDay(CivilDate(year: 2024, month: 3, day: 22)!), .kindNotConfirmed, .requiresAdministrativeAct(.complaint),
        .noPendingRecusal, .noPendingExtension, .extensionAlreadyRequested, .documentNotAvailable(.forwardingNotice), .invalidAmount(0),
    ])
    func errorTexts(_ e: ProcedureError) {
        let (kk, ru) = (e.text(.kk), e.text(.ru))
        #expect(!kk.isEmpty && !ru.isEmpty && kk != ru && kk != e.text(.en))
        if case .extensionTooLong = e { #expect(kk.contains("2024 жылғы 14 сәуірге дейін") && ru.contains("до 14 апреля 2024 г.")) }
    }

    @Test("R9: a request is answered by its executor; an application needs an administrative act")
    func answer() throws {
        let req = try F.apply(.confirmKind(.request, area: nil, special: nil), F.assigned(), by: F.executor, on: "2024-01-25")
        #expect(throws: ProcedureError.forbidden(action: "answer")) {
            try F.apply(.answer(text: "Түсіндірілді", character: .explained), req, by: F.otherExecutor, on: "2024-02-01")
        }
        let done = try F.apply(.answer(text: "Сіздің сұрағыңыз бойынша түсіндіреміз…", character: .explained), req, by: F.executor, on: "2024-02-01")
        #expect(done.state == .answered && done.terms.allSatisfy { $0.status != .active })
        let app = try F.apply(.confirmKind(.application, area: nil, special: nil), F.assigned(), by: F.executor, on: "2024-01-25")
        #expect(throws: ProcedureError.requiresAdministrativeAct(.application)) {
            try F.apply(.answer(text: "x", character: .satisfied), app, by: F.executor, on: "2024-02-01")
        }
        #expect(throws: ProcedureError.invalidState(action: "answer", state: .answered)) {
            try F.apply(.answer(text: "x", character: .satisfied), done, by: F.executor, on: "2024-02-02")
        }
    }

    @Test("Permissions: each role sees only its actions")
    func permissions() throws {
        let a = try F.assigned()
        #expect(Permissions.available(actor: F.executor, appeal: a).contains(.answer))
        #expect(!Permissions.available(actor: F.executor, appeal: a).contains(.extend))
        #expect(Permissions.available(actor: F.head, appeal: a).contains(.extend))
        #expect(!Permissions.available(actor: F.registrar, appeal: a).contains(.answer))
        #expect(!Permissions.available(actor: F.otherExecutor, appeal: a).contains(.returnForCorrection))
    }
}
