import Foundation
import Testing
import WorkingCalendar
@testable import ZhauapDomain

/// Each rule at its edges: the day before, of and after; 0, 1, max and max+1.
@Suite("Rules at their edges")
struct RuleEdgeTests {
    static let headExecutor = Actor(userID: UUID(), bodyID: F.body.id, name: "Бақыт Омаров", position: "басшы", roles: [.head, .executor])

    @Test("R15: a head who is also the assigned executor extends the term, and does not ask himself")
    func headExecutorDoesNotRequest() throws {
        let a = try F.apply(.assign(executorID: Self.headExecutor.userID), F.registered(), by: F.head, on: "2024-01-25")
        #expect(throws: ProcedureError.forbidden(action: "request_extension")) {
            try F.apply(.requestExtension(until: F.d("2024-02-20"), reason: "сараптама"), a, by: Self.headExecutor, on: "2024-01-29")
        }
        #expect(!Permissions.available(actor: Self.headExecutor, appeal: a).contains(.requestExtension))
        let extended = try F.apply(.extend(until: F.d("2024-02-20"), reason: "сараптама"), a, by: Self.headExecutor, on: "2024-01-29")
        #expect(extended.term(.consideration)?.due == F.d("2024-02-20"))
    }

    @Test("R15: an extension ends on a working day — Friday 16 Feb 2024 yes, Saturday 17 and Sunday 18 no, Monday 19 yes")
    func extensionToAWeekend() throws {
        let a = try F.assigned()
        for day in ["2024-02-17", "2024-02-18"] {
            #expect(throws: ProcedureError.notWorkingDay(F.d(day))) {
                try F.apply(.extend(until: F.d(day), reason: "сұрау"), a, by: F.head, on: "2024-01-29")
            }
            #expect(throws: ProcedureError.notWorkingDay(F.d(day))) {
                try F.apply(.requestExtension(until: F.d(day), reason: "сұрау"), a, by: F.executor, on: "2024-01-29")
            }
        }
        #expect(try F.apply(.extend(until: F.d("2024-02-16"), reason: "сұрау"), a, by: F.head, on: "2024-01-29").term(.consideration)?.due
                == F.d("2024-02-16"))
        #expect(try F.apply(.extend(until: F.d("2024-02-19"), reason: "сұрау"), a, by: F.head, on: "2024-01-29").term(.consideration)?.due
                == F.d("2024-02-19"))
    }

    @Test("R46: a sending is dated from the registration day through today — not the day before, not tomorrow")
    func sendingDates() throws {
        let a = try F.assigned()  // registered on Thu 25 Jan 2024
        func send(_ day: String) throws -> Appeal {
            try F.apply(.recordSending(document: .coupon, language: .kk, channel: .post, sentOn: F.d(day), reference: nil), a,
                        by: F.registrar, on: "2024-01-29")
        }
        #expect(throws: ProcedureError.dateOutOfRange(F.d("2024-01-24"))) { try send("2024-01-24") }
        #expect(try send("2024-01-25").sendings.last?.sentOn == F.d("2024-01-25"))
        #expect(try send("2024-01-29").sendings.last?.sentOn == F.d("2024-01-29"))
        #expect(throws: ProcedureError.dateOutOfRange(F.d("2024-01-30"))) { try send("2024-01-30") }
    }

    @Test("R4: a correction deadline is 1 to 60 working days — 0 and 61 are refused", arguments: [(0, false), (1, true), (60, true), (61, false)])
    func correctionDays(days: Int, allowed: Bool) throws {
        let checked = try F.apply(.recordCompleteness(missing: [.signature], feeRequired: false), F.assigned(), by: F.executor, on: "2024-01-26")
        let ret = AppealCommand.returnForCorrection(deficiency: "Қолы жоқ", remedy: "Қол қойыңыз", consequence: "Қаралмайды", workingDays: days)
        if allowed {
            let a = try F.apply(ret, checked, by: F.executor, on: "2024-01-26")
            let due = try F.calendar.addWorkingDays(days, to: F.d("2024-01-26"))
            #expect(a.correction?.due == due && a.state == .awaitingCorrection)
        } else {
            #expect(throws: ProcedureError.invalidAmount(days)) { try F.apply(ret, checked, by: F.executor, on: "2024-01-26") }
        }
    }

    @Test("R4: the body's own correction deadline applies when none is given, within the same limits")
    func bodyCorrectionDays() throws {
        var body = F.body
        body.correctionDays = 61
        let checked = try F.apply(.recordCompleteness(missing: [.signature], feeRequired: false), F.assigned(), by: F.executor, on: "2024-01-26")
        let context = ProcedureContext(actor: F.executor, body: body, today: F.d("2024-01-26"), calendar: F.calendar, rules: F.rules)
        #expect(throws: ProcedureError.invalidAmount(61)) {
            try Procedure.apply(.returnForCorrection(deficiency: "Қолы жоқ", remedy: "Қол қойыңыз", consequence: "Қаралмайды", workingDays: nil),
                                to: checked, context: context)
        }
        #expect(CorrectionDeadline.allowed == 1...60)
    }

    @Test("R14: an answer on its due day is on time; the day after, late", arguments: [("2024-02-14", "false"), ("2024-02-15", "true")])
    func answerOnDueDay(day: String, late: String) throws {
        let a = try F.apply(.confirmKind(.request, area: nil, special: nil), F.assigned(), by: F.executor, on: "2024-01-26")
        #expect(a.term(.consideration)?.due == F.d("2024-02-14"))
        let (answered, events) = try Procedure.apply(.answer(text: "Түсіндіреміз", character: .explained), to: a,
                                                     context: F.context(F.executor, today: day))
        #expect(events.first?.details["late"] == late)
        #expect(answered.state == .answered && answered.answer?.answeredOn == F.d(day))
        #expect(answered.terms.allSatisfy { $0.status != .active })
    }

    @Test("R6: confirming competence (a competence area) closes the forwarding term; the kind alone does not")
    func competenceClosesForwarding() throws {
        let a = try F.assigned()
        #expect(a.term(.forwarding)?.due == F.d("2024-01-29"))
        let kindOnly = try F.apply(.confirmKind(.application, area: nil, special: nil), a, by: F.executor, on: "2024-01-26")
        #expect(kindOnly.term(.forwarding) != nil)
        let competent = try F.apply(.confirmKind(.application, area: "land", special: nil), a, by: F.executor, on: "2024-01-26")
        #expect(competent.term(.forwarding) == nil)
        #expect(competent.terms.contains { $0.purpose == .forwarding && $0.status == .met && $0.closedOn == F.d("2024-01-26") })
    }

    /// A BIN `YYMM` + type digit + 6 more, with the check digit that makes it pass the checksum.
    static func bin(typeDigit: Int) -> String {
        let stem = "1405\(typeDigit)000123"
        return (0...9).map { stem + String($0) }.first { !IdentificationNumber($0, kind: .bin).problems.contains(.badCheckDigit) } ?? stem + "0"
    }

    @Test("A BIN's type digit is 4, 5 or 6: 3 and 7 are flagged", arguments: [(3, false), (4, true), (5, true), (6, true), (7, false)])
    func binTypeDigit(digit: Int, valid: Bool) {
        let bin = Self.bin(typeDigit: digit)
        let problems = IdentificationNumber(bin, kind: .bin).problems
        #expect(bin.count == 12 && !problems.contains(.badCheckDigit) && !problems.contains(.notTwelveDigits))
        #expect(problems.contains(.badTypeDigit) == !valid)
    }

    @Test("R8: a named applicant without an address is not anonymous; without name and address, anonymous")
    func namedWithoutAddress() throws {
        let named = Applicant(surname: "Нұрланов", givenName: "Ержан")
        #expect(!named.isAnonymous)
        #expect(!Applicant(postalAddress: "Алматы, Абай д. 1").isAnonymous)
        #expect(Applicant().isAnonymous)
        let (a, _) = try F.register(Procedure.Draft(channel: .paper, receivedAt: F.almaty("2024-01-25T10:00:00"), applicant: named,
                                                    essence: "Ұсыныс", signaturePresent: false))
        let report = try F.apply(.confirmKind(.proposal, area: nil, special: nil), a, by: F.head, on: "2024-01-26")
        #expect(throws: ProcedureError.groundNotApplicable(.authorshipUnknown)) {
            try F.apply(.terminate(ground: .authorshipUnknown, note: "авторы белгісіз"), report, by: F.head, on: "2024-01-26")
        }
    }

    @Test("R7: the objected executor cannot answer while the objection waits; once the appeal is closed it is not decided, and the executor stays")
    func recusalOnClosedAppeal() throws {
        var a = try F.apply(.confirmKind(.request, area: nil, special: nil), F.assigned(), by: F.executor, on: "2024-01-26")
        a = try F.apply(.requestRecusal(source: .participant, reason: "туысы"), a, by: F.registrar, on: "2024-01-26")
        #expect(throws: ProcedureError.forbidden(action: "answer")) {
            try F.apply(.answer(text: "Түсіндіреміз", character: .explained), a, by: F.executor, on: "2024-01-29")
        }
        a = try F.apply(.terminate(ground: .withdrawn, note: "Өтініш беруші қайтарып алды"), a, by: F.head, on: "2024-01-29")
        #expect(throws: ProcedureError.invalidState(action: "decide_recusal", state: .terminated)) {
            try F.apply(.decideRecusal(accept: true, newExecutorID: F.otherExecutor.userID), a, by: F.head, on: "2024-01-30")
        }
        #expect(a.executorID == F.executor.userID)
        #expect(!Permissions.available(actor: F.head, appeal: a).contains(.decideRecusal))
    }

    @Test("R15: an extension request cannot be refused once the appeal is closed")
    func refuseExtensionOnClosedAppeal() throws {
        var a = try F.apply(.confirmKind(.request, area: nil, special: nil), F.assigned(), by: F.executor, on: "2024-01-26")
        a = try F.apply(.requestExtension(until: F.d("2024-02-20"), reason: "сұрау"), a, by: F.executor, on: "2024-01-26")
        a = try F.apply(.answer(text: "Түсіндіреміз", character: .explained), a, by: F.executor, on: "2024-01-29")
        #expect(throws: ProcedureError.invalidState(action: "decide_extension", state: .answered)) {
            try F.apply(.decideExtension(accept: false, until: nil, note: "қажет емес"), a, by: F.head, on: "2024-01-30")
        }
    }

    @Test("The stage carries its data: answered has its answer and executor, awaiting correction its request")
    func stageCarriesData() throws {
        let checked = try F.apply(.recordCompleteness(missing: [.signature], feeRequired: false), F.assigned(), by: F.executor, on: "2024-01-26")
        let returned = try F.apply(.returnForCorrection(deficiency: "Қолы жоқ", remedy: "Қол қойыңыз", consequence: "Қаралмайды", workingDays: 5),
                                   checked, by: F.executor, on: "2024-01-26")
        guard case .awaitingCorrection(let request, let executor) = returned.stage else { Issue.record("not awaiting"); return }
        #expect(request.due == F.d("2024-02-01") && executor == F.executor.userID)
        let back = try F.apply(.receiveCorrection(note: nil), returned, by: F.registrar, on: "2024-01-31")
        #expect(back.stage == .underConsideration(executor: F.executor.userID))
        #expect(back.correction?.receivedOn == F.d("2024-01-31"), "the received request stays on the appeal for its notice")
    }

    @Test("Forwarding inside the installation asks the service to register the new appeal, with the id on the trail")
    func forwardEffect() throws {
        let target = UUID()
        let context = F.context(F.executor, today: "2024-01-26")
        let (a, outcome) = try Procedure.run(.forward(targetBodyID: target, targetName: "Әділет департаменті", demands: nil),
                                             on: try F.assigned(), context: context)
        let newID = try #require(a.forwardings.last?.newAppealID)
        #expect(outcome.effects == [.registerForwarded(targetBodyID: target, newAppealID: newID, demands: nil)])
        #expect(outcome.events.first?.details["new_appeal"] == newID.uuidString)
        #expect(a.state == .forwarded)
        #expect(throws: ProcedureError.forwardToSelf) {
            try Procedure.run(.forward(targetBodyID: F.body.id, targetName: "өзі", demands: nil), on: try F.assigned(), context: context)
        }
    }

    @Test("R17: a term rule applies only from the day it is in force")
    func ruleInForce() throws {
        #expect(F.rules.rule(for: .consideration, kind: .request, special: nil, on: F.d("2021-07-01"))?.id == "appc-76-consideration")
        #expect(F.rules.rule(for: .consideration, kind: .request, special: nil, on: F.d("2021-06-30")) == nil)
        var rules = F.rules
        let i = try #require(rules.rules.firstIndex { $0.id == "appc-76-consideration" })
        var next = rules.rules[i]
        rules.rules[i].effectiveTo = F.d("2030-12-31")
        next.id = "appc-76-consideration-2031"
        next.amount = 10
        next.effectiveFrom = F.d("2031-01-01")
        rules.rules.append(next)
        #expect(rules.rule(for: .consideration, kind: nil, special: nil, on: F.d("2030-12-31"))?.amount == 15)
        #expect(rules.rule(for: .consideration, kind: nil, special: nil, on: F.d("2031-01-01"))?.amount == 10)
    }
}

@Suite("Organisation rules written once (CLI, admin pages, API)")
struct OrganisationRuleTests {
    @Test("A body's code: 1 to 16 capitals, digits and hyphens", arguments: [
        ("A", true), ("ALM-AK", true), ("ABCDEFGHIJKLMNOP", true), ("ABCDEFGHIJKLMNOPQ", false), ("", false), ("alm", false),
        ("АЛМ", false), ("ALM AK", false), ("ALM_AK", false),
    ])
    func bodyCode(code: String, valid: Bool) {
        #expect(AdministrativeBody.isValidCode(code) == valid)
    }

    @Test("Marker words split on commas and line breaks, trimmed, empty ones dropped")
    func markers() {
        #expect(CompetenceArea.markers(from: "жер учаскесі, земельный участок\nкадастр,, \n") == ["жер учаскесі", "земельный участок", "кадастр"])
        #expect(CompetenceArea.markers(from: " , \n").isEmpty)
        #expect(CompetenceArea.isValidCode("land_use-2") && !CompetenceArea.isValidCode("жер") && !CompetenceArea.isValidCode(""))
    }

    @Test("A password has at least 10 characters: 9 no, 10 yes")
    func password() {
        #expect(!PasswordRule.accepts(String(repeating: "x", count: 9)))
        #expect(PasswordRule.accepts(String(repeating: "x", count: 10)))
    }

    @Test("The applicant's name: a person's three parts, an organisation's name, nil when none")
    func displayName() {
        #expect(Applicant(surname: "Нұрланов", givenName: "Ержан", patronymic: "Асқарұлы").displayName == "Нұрланов Ержан Асқарұлы")
        #expect(Applicant(surname: " ", givenName: "Ержан").displayName == "Ержан")
        #expect(Applicant(kind: .legalEntity, organisationName: "«Жол» ЖШС").displayName == "«Жол» ЖШС")
        #expect(Applicant().displayName == nil)
    }
}
