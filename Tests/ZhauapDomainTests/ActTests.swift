import Foundation
import Testing
import WorkingCalendar
@testable import ZhauapDomain

/// The administrative act (R38–R44; APPC 73, 79–81, 91–100) in the domain: drafted from the case in both
/// languages, approved, signed behind the hearing's gate, delivered, complained about, deemed refused.
@Suite("Act: R38–R44, APPC 91–100 in the domain")
struct ActTests {
    static let higher = AdministrativeBody(code: "KRG", nameKk: "Қарағанды облысының әкімдігі", nameRu: "Акимат Карагандинской области",
                                           address: "Қарағанды қ., Бұқар жырау даңғ. 47")

    static func context(_ actor: Actor, _ day: String) -> ProcedureContext {
        var c = F.context(actor, today: day)
        c.higherBody = higher
        return c
    }

    static func run(_ step: any ProcedureStep, _ a: Appeal, by actor: Actor = F.executor, on day: String) throws -> Appeal {
        try Procedure.apply(AppealCommand(step), to: a, context: context(actor, day)).0
    }

    static func refusal(_ step: any ProcedureStep, _ a: Appeal, by actor: Actor = F.executor, on day: String) -> ProcedureError? {
        do { _ = try run(step, a, by: actor, on: day); return nil } catch let e as ProcedureError { return e } catch { return nil }
    }

    /// The land application of the hearing tests: the draft delivered Fri 3 May 2024, the hearing by e-mail on
    /// Mon 6 May, a fact with its evidence, the applicant's argument answered; the act from Fri 10 May.
    static func heard() throws -> Appeal {
        var a = try HearingTests.delivered()
        a = try HearingTests.run(RecordFact(statement: "Учаске басқа тұлғаға берілген", statementKk: "Сұралған учаске 12.03.2024 басқа тұлғаға берілген",
                                            statementRu: "Испрашиваемый участок 12.03.2024 предоставлен другому лицу", status: .established,
                                            bearing: .burdens, evidence: [1]), a, on: "2024-05-06")
        a = try HearingTests.run(RecordObjection(channel: .oral, text: "Учаске бос, оны ешкім пайдаланбайды"), a, on: "2024-05-06")
        a = try HearingTests.run(AnswerArgument(number: 1, accepted: false, reasonKk: "кадастр анықтамасы учаскенің берілгенін растайды",
                                                reasonRu: "кадастровая справка подтверждает, что участок предоставлен"), a, on: "2024-05-06")
        return try HearingTests.run(RecordHearing(form: .email, heldOn: F.d("2024-05-06")), a, on: "2024-05-06")
    }

    static let reasoningKk = "Жер кодексінің 43-бабының 1-тармағында жер учаскесі тек бос жерлерден берілетіні көзделген. Бұл шарт орындалмады, себебі сұралған учаске 12.03.2024 басқа тұлғаға берілген (іс құжаты № 1). Әкімдіктің құзыреті Жер кодексінің 17-бабымен белгіленген: облыс әкімдігі жер учаскелерін беру туралы шешім қабылдайды."
    static let reasoningRu = "Пункт 1 статьи 43 Земельного кодекса предусматривает, что земельный участок предоставляется только из свободных земель. Это условие не выполнено, поскольку испрашиваемый участок 12.03.2024 предоставлен другому лицу (документ дела № 1). Компетенция акимата установлена статьей 17 Земельного кодекса: акимат области принимает решения о предоставлении земельных участков."

    /// Drafted from the case, the legal reasoning (no norm applied in this case) written by the executor.
    static func drafted(approvers: [UUID]? = nil) throws -> Appeal {
        var a = try run(DraftAct(kind: .burdening, approvers: approvers), try heard(), on: "2024-05-06")
        a = try run(EditAct(kk: [.legalReasoning: reasoningKk], ru: [.legalReasoning: reasoningRu]), a, on: "2024-05-06")
        return a
    }

    @Test("R42, R43: the act is proposed from the case in Kazakh and in Russian, every part of the model structure a section of its own")
    func proposed() throws {
        let a = try Self.run(DraftAct(kind: .burdening), try Self.heard(), on: "2024-05-06")
        let d = try #require(a.act)
        for s in ActSection.required where s != .legalReasoning {
            #expect(!(d.kk[s] ?? "").isEmpty, "kk \(s)")
            #expect(!(d.ru[s] ?? "").isEmpty, "ru \(s)")
        }
        #expect(d.kk[.salutation] == "Құрметті Ержан!")
        #expect(d.ru[.salutation]?.hasPrefix("Уважаем") == true)
        #expect(d.kk[.operativeSummary]?.contains("бас тартылды") == true && d.ru[.operativeSummary]?.contains("отказано") == true)
        // R42(1): the facts in order, dated, with the case documents they rest on; the kk version speaks Kazakh only.
        #expect(d.kk[.facts]?.contains("12.03.2024 басқа тұлғаға берілген") == true && d.kk[.facts]?.contains("іс құжаты № 1") == true)
        #expect(d.ru[.facts]?.contains("предоставлен другому лицу") == true && d.ru[.facts]?.contains("документ дела № 1") == true)
        // R40: the objection with its answer and why.
        #expect(d.kk[.arguments]?.contains("қабылданбады, себебі кадастр") == true)
        #expect(d.ru[.arguments]?.contains("не принят, поскольку кадастровая") == true)
        // APPC 91, 92: the term, the higher body with its address, the way, the court after.
        #expect(d.kk[.appealProcedure]?.contains("үш ай") == true && d.kk[.appealProcedure]?.contains("Бұқар жырау") == true)
        #expect(d.ru[.appealProcedure]?.contains("трех месяцев") == true && d.ru[.appealProcedure]?.contains("Акимат Карагандинской области") == true)
        #expect(d.kk[.hearing]?.contains("06.05.2024") == true)
        #expect(d.revision == 1 && a.state == .underConsideration)
    }

    @Test("R42(2)–(3): the legal reasoning proposed from the applied norms — what each provides, why it applies, each precondition met or not with its facts, the competence norm named")
    func reasoningFromNorms() throws {
        var a = try LawTests.withFact()
        a = try LawTests.step(ApplyNorm(norm: "land-code-50", purposes: [.decides, .empowers], reason: "ЖТҮҚ үшін жер беру"), a)
        a = try LawTests.step(ApplyNorm(norm: "land-code-competence", purposes: [.competence], reason: "жер учаскелерін беру әкімдіктің құзыретінде"), a)
        let count = try #require(a.law.applied.first?.pinned.version.preconditions.count)
        for i in 1...count { a = try LawTests.step(CheckPrecondition(norm: "land-code-50", precondition: i, answer: i == 1 ? .notMet : .met, facts: [1]), a) }
        a.kind = .application
        let d = try #require(try Self.run(DraftAct(kind: .burdening), a, on: "2024-02-01").act)
        let kk = try #require(d.kk[.legalReasoning]), ru = try #require(d.ru[.legalReasoning])
        let norm = a.law.applied[0].pinned
        #expect(kk.contains(norm.citation(.kk)) && ru.contains(norm.citation(.ru)))
        #expect(kk.contains("Актіні қабылдау өкілеттігін") && ru.contains("Полномочие на принятие акта"))
        #expect(kk.contains("Органның құзыреті") && ru.contains("Компетенция органа"))
        #expect(kk.contains("себебі: ЖТҮҚ үшін жер беру") && ru.contains("поскольку: ЖТҮҚ үшін жер беру"))
        let first = norm.version.preconditions[0]
        #expect(kk.contains("«\(first.kk)» шарты орындалмады (№ 1 фактілер)") && ru.contains("Условие «\(first.ru)» не выполнено (факты № 1)"))
        if let text = norm.version.textKk { #expect(kk.contains(text)) }
        #expect(!kk.contains("Условие") && !ru.contains("шарты"), "each version in its own language")
    }

    @Test("R43: the salutation suits the addressee — by the patronymic's or the surname's gender, or the organisation's representative")
    func salutation() {
        let kk = ActWording(.kk), ru = ActWording(.ru)
        #expect(ru.salutation(Applicant(surname: "Иванов", givenName: "Пётр", patronymic: "Сергеевич")) == "Уважаемый Пётр Сергеевич!")
        #expect(ru.salutation(Applicant(surname: "Ахметова", givenName: "Айгүл", patronymic: "Серікқызы")) == "Уважаемая Айгүл Серікқызы!")
        #expect(ru.salutation(Applicant(surname: "Ким", givenName: "Виктор")) == "Уважаемый(ая) Виктор!")
        #expect(ru.salutation(Applicant(surname: "Серікова", givenName: "Динара")) == "Уважаемая Динара!")
        #expect(ru.salutation(Applicant(surname: "Нұрланов", givenName: "Ержан")) == "Уважаемый Ержан!")
        #expect(kk.salutation(Applicant(surname: "Ким", givenName: "Виктор")) == "Құрметті Виктор!")
        #expect(kk.salutation(Applicant(kind: .legalEntity, organisationName: "«Дала» ЖШС", representative: "Серік Әлиев")) == "Құрметті Серік Әлиев!")
    }

    @Test("R38: an application ends in a favourable or burdening act, a complaint in a complaint decision with its outcome; the simplified kinds have none")
    func kinds() throws {
        let h = try Self.heard()
        #expect(Self.refusal(DraftAct(kind: .complaintDecision, outcome: .cancel), h, on: "2024-05-06") == .actKindNotAllowed(.complaintDecision))
        #expect(Self.refusal(DraftAct(kind: .favourable, outcome: .cancel), h, on: "2024-05-06") == .actKindNotAllowed(.favourable))
        var complaint = h
        complaint.kind = .complaint
        #expect(Self.refusal(DraftAct(kind: .complaintDecision), complaint, on: "2024-05-06") == .missingField("outcome"))
        #expect(Self.refusal(DraftAct(kind: .burdening), complaint, on: "2024-05-06") == .actKindNotAllowed(.burdening))
        #expect(try Self.run(DraftAct(kind: .complaintDecision, outcome: .leaveUnsatisfied), complaint, on: "2024-05-06").act?.outcome == .leaveUnsatisfied)
        var request = h
        request.kind = .request
        #expect(Self.refusal(DraftAct(kind: .favourable), request, on: "2024-05-06") == .actKindNotAllowed(.favourable))
        #expect(!DraftAct.isOffered(on: request))
    }

    @Test("R44, APPC 73: the head signs from Fri 10 May 2024 — refused on Wed 8 May (7–9 May are days off, three working days not yet past), an executor never")
    func signingGate() throws {
        let a = try Self.drafted()
        guard case .adoptionBlocked(let blocks) = Self.refusal(SignAct(), a, by: F.head, on: "2024-05-08") else {
            Issue.record("not blocked on 8 May"); return
        }
        #expect(blocks == [.tooEarly(earliest: F.d("2024-05-10"))])
        #expect(Self.refusal(SignAct(), a, by: F.executor, on: "2024-05-10") == .forbidden(action: "sign_act"))
        let (signed, events) = try Procedure.apply(AppealCommand(SignAct()), to: a, context: Self.context(F.head, "2024-05-10"))
        let s = try #require(signed.signedAct)
        #expect(signed.state == .decided && s.signedOn == F.d("2024-05-10") && s.signerName == F.head.name)
        #expect(signed.act?.kk[.signature]?.contains(F.head.name) == true && signed.act?.ru[.signature]?.contains(F.head.name) == true)
        #expect(signed.term(.consideration) == nil, "the act closes the consideration")
        #expect(events.first?.type == "act_signed" && events.first?.details["number"] == s.number)
        #expect(Self.refusal(EditAct(kk: [.facts: "басқа"]), signed, on: "2024-05-10") == .invalidState(action: "edit_act", state: .decided))
    }

    @Test("R44: approvers approve the current revision before the signature; an edit asks them again; only a named approver approves")
    func approvals() throws {
        let a = try Self.drafted(approvers: [F.otherExecutor.userID])
        #expect(Self.refusal(SignAct(), a, by: F.head, on: "2024-05-10") == .approvalPending(1))
        #expect(Self.refusal(ApproveAct(), a, by: F.executor, on: "2024-05-10") == .forbidden(action: "approve_act"))
        let approved = try Self.run(ApproveAct(comment: "Келісемін"), a, by: F.otherExecutor, on: "2024-05-10")
        #expect(approved.act?.pendingApprovals.isEmpty == true)
        let edited = try Self.run(EditAct(ru: [.title: "Об отказе в предоставлении земельного участка в г. Кокшетау"]), approved, on: "2024-05-10")
        #expect(edited.act?.pendingApprovals.count == 1 && edited.act?.revision == approved.act!.revision + 1)
        #expect(Self.refusal(SignAct(), edited, by: F.head, on: "2024-05-10") == .approvalPending(1))
        let again = try Self.run(ApproveAct(), edited, by: F.otherExecutor, on: "2024-05-10")
        #expect(try Self.run(SignAct(), again, by: F.head, on: "2024-05-10").state == .decided)
    }

    @Test("R39–R43: an empty required section is an error that blocks signing; an edit that leaves nothing changed is no revision")
    func errorsBlock() throws {
        let a = try Self.drafted()
        let emptied = try Self.run(EditAct(ru: [.appealProcedure: "  "]), a, on: "2024-05-10")
        #expect(emptied.act?.ru[.appealProcedure] == "")
        guard case .actHasErrors(let codes) = Self.refusal(SignAct(), emptied, by: F.head, on: "2024-05-10") else {
            Issue.record("signed with an empty section"); return
        }
        #expect(codes.contains("section_missing"))
        let same = try Procedure.apply(AppealCommand(EditAct(kk: [.title: a.act!.kk[.title]!])), to: a, context: Self.context(F.executor, "2024-05-10"))
        #expect(same.0.act?.revision == a.act?.revision && same.1.isEmpty)
        #expect(Self.refusal(EditAct(kk: [.facts: String(repeating: "а", count: EditAct.maxSectionLength + 1)]), a, on: "2024-05-10")
                == .textTooLong(field: "kk.facts", limit: EditAct.maxSectionLength))
        #expect(Self.refusal(AcknowledgeWarning(code: "no_such_warning", reason: "себебі"), a, on: "2024-05-10") == .unknownWarning("no_such_warning"))
        #expect(Self.refusal(AcknowledgeWarning(code: "x", reason: " "), a, on: "2024-05-10") == .missingField("reason"))
    }

    static func signedAndDelivered(on delivered: String = "2024-05-13") throws -> Appeal {
        var a = try run(SignAct(), try drafted(), by: F.head, on: "2024-05-10")
        a = try run(RecordSending(document: .administrativeAct, language: .kk, channel: .post, sentOn: F.d("2024-05-10"), reference: "RR123456789KZ"),
                    a, by: F.registrar, on: "2024-05-10")
        #expect(a.sendings.last?.caseDocument == a.signedAct?.documents.first, "the sending names the frozen act")
        return try run(RecordDelivery(sending: a.sendings.count, deliveredOn: F.d(delivered), proof: "хабарламаға қол қойылды"), a,
                       by: F.registrar, on: delivered)
    }

    @Test("APPC 92: delivery on Mon 13 May 2024 starts the three months to complain, to 13 Aug 2024; the act is delivered only once signed")
    func deliveryStartsTheTerm() throws {
        let a = try Self.signedAndDelivered()
        let term = try #require(a.term(.complaintFiling))
        #expect(term.start == F.d("2024-05-13") && term.due == F.d("2024-08-13") && term.unit == .months && term.amount == 3)
        #expect(!TermPurpose.complaintFiling.bindsBody, "the applicant's time, not the body's")
        #expect(Self.refusal(RecordSending(document: .administrativeAct, language: .kk, channel: .post, sentOn: nil, reference: nil),
                             try Self.drafted(), by: F.registrar, on: "2024-05-10") == .documentNotAvailable(.administrativeAct))
    }

    @Test("APPC 92: a complaint on the last day of the three months is on time, the day after it is late — and accepted all the same")
    func lateComplaint() throws {
        let a = try Self.signedAndDelivered()
        let onTime = try Self.run(FileComplaint(text: "Актіге келіспеймін"), a, by: F.registrar, on: "2024-08-13")
        #expect(onTime.complaints.first?.late == false && onTime.complaints.first?.target == .act(number: a.signedAct!.number))
        let late = try Self.run(FileComplaint(text: "Актіге келіспеймін"), a, by: F.registrar, on: "2024-08-14")
        #expect(late.complaints.first?.late == true)
        // APPC 91(4): passed within three working days of receipt (Wed 14 Aug → Fri 16 Aug, the day of receipt counted as the first).
        #expect(late.term(.complaintPassing)?.due == F.d("2024-08-16"))
        #expect(Self.refusal(FileComplaint(text: ""), a, by: F.registrar, on: "2024-08-14") == .missingField("text"))
        #expect(Self.refusal(FileComplaint(text: "x"), a, by: F.executor, on: "2024-08-14") == .forbidden(action: "file_complaint"))
    }

    @Test("APPC 91(2): no act by the term's day (14 Feb 2024) — deemed refused from 15 Feb; a complaint before that is refused")
    func deemedRefusal() throws {
        var a = try F.assigned()
        a = try F.apply(.confirmKind(.application, area: "land", special: nil), a, by: F.executor, on: "2024-01-25")
        #expect(a.term(.consideration)?.due == F.d("2024-02-14"))
        #expect(a.deemedRefusal(on: F.d("2024-02-13")) == nil && a.deemedRefusal(on: F.d("2024-02-14")) == nil)
        #expect(a.deemedRefusal(on: F.d("2024-02-15")) == F.d("2024-02-15"))
        #expect(Self.refusal(FileComplaint(text: "Жауап жоқ"), a, by: F.registrar, on: "2024-02-14") == .nothingToComplainAbout)
        let filed = try Self.run(FileComplaint(text: "Жауап жоқ"), a, by: F.registrar, on: "2024-02-15")
        #expect(filed.complaints.first?.target == .deemedRefusal(since: F.d("2024-02-15")))
        var request = try F.assigned()
        request = try F.apply(.confirmKind(.request, area: nil, special: nil), request, by: F.executor, on: "2024-01-25")
        #expect(request.deemedRefusal(on: F.d("2024-03-01")) == nil, "a request ends in an answer, not an act")
    }

    @Test("APPC 91(4): the complaint is passed with a case export made after it was filed, to the higher body; without one it waits")
    func passing() throws {
        let a = try Self.run(FileComplaint(text: "Актіге келіспеймін"), try Self.signedAndDelivered(), by: F.registrar, on: "2024-05-14")
        #expect(Self.refusal(PassComplaint(), a, by: F.registrar, on: "2024-05-14") == .exportRequired)
        var exported = a
        exported.exports.append(CaseExport(number: 1, language: .kk, exportedOn: F.d("2024-05-14"), exportedBy: F.registrar.userID, exportedByName: "",
                                           documents: 5, sheets: 7, manifestSHA256: "", pdf: StoredFile(sha256: "a", mediaType: "application/pdf", size: 1, name: "c.pdf"),
                                           zip: StoredFile(sha256: "b", mediaType: "application/zip", size: 1, name: "c.zip"), trailHead: ""))
        var c = Self.context(F.registrar, "2024-05-15")
        c.higherBody = nil
        #expect(throws: ProcedureError.noHigherBody) { try Procedure.apply(AppealCommand(PassComplaint()), to: exported, context: c) }
        let (passed, outcome) = try Procedure.run(AppealCommand(PassComplaint()), on: exported, context: Self.context(F.registrar, "2024-05-15"))
        #expect(passed.complaints.first?.passing?.higherBodyID == Self.higher.id)
        guard case .registerComplaint(let target, _, let link, let export) = outcome.effects.first else { Issue.record("no effect"); return }
        #expect(target == Self.higher.id && link.appealID == a.id && link.complaint == 1 && export == 1)
        #expect(passed.term(.complaintPassing) == nil)
        #expect(Self.refusal(PassComplaint(), passed, by: F.registrar, on: "2024-05-15") == .complaintPassed(1))
    }

    @Test("APPC 100: the higher body's decision comes back into the case; cancel and cancel-and-adopt set the act aside, leave-unsatisfied does not",
          arguments: ComplaintOutcome.allCases)
    func decisionBack(outcome: ComplaintOutcome) throws {
        var a = try Self.run(FileComplaint(text: "Актіге келіспеймін"), try Self.signedAndDelivered(), by: F.registrar, on: "2024-05-14")
        let decision = SignedAct(kind: .complaintDecision, outcome: outcome, revision: 1, number: "KRG-2024-00007/1", signedOn: F.d("2024-05-20"),
                                 signedBy: UUID(), signerName: "Сергей Ким", documents: [1, 2], sha256: [:])
        let file = StoredFile(sha256: "c", mediaType: "text/html", size: 1, name: "d.html")
        let received = a.receiveComplaintDecision(1, decision: decision, files: [(.kk, file, 1), (.ru, file, 1)], from: "Қарағанды облысының әкімдігі",
                                                  by: F.registrar, on: F.d("2024-05-20"))
        let events = try #require(received)
        #expect(events.first?.type == "complaint_decided" && a.complaints.first?.decision?.documents.count == 2)
        #expect((a.actCancelledBy != nil) == (outcome == .cancel || outcome == .cancelAndAdopt))
        let again = a.receiveComplaintDecision(1, decision: decision, files: [], from: "", by: F.registrar, on: F.d("2024-05-21"))
        #expect(again == nil, "decided once")
    }

    @Test("APPC 91(5): a complaint decision is appealed to the court, not to another body")
    func decisionGoesToCourt() throws {
        var a = try Self.signedAndDelivered()
        a.complaintAgainst = ComplaintLink(appealID: UUID(), bodyID: UUID(), appealNumber: "AKM-2024-00001", complaint: 1)
        #expect(Self.refusal(FileComplaint(text: "Келіспеймін"), a, by: F.registrar, on: "2024-05-14") == .complaintGoesToCourt)
    }
}
