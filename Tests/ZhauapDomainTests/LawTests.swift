import Foundation
import Testing
import WorkingCalendar
@testable import ZhauapDomain

/// The registry of normative acts, the finder and the preconditions checklist (R24–R29), on the bundled
/// starter registry and on small registries written here.
@Suite("Law: registry, finder, checklist")
struct LawTests {
    static let registry: LawRegistry = { do { return try LawRegistry.bundled() } catch { fatalError("\(error)") } }()
    static let index = NormIndex(registry)

    static func context(_ actor: Actor, today: String, law: LawRegistry = registry) -> ProcedureContext {
        var c = F.context(actor, today: today)
        c.law = law
        return c
    }

    static func step(_ s: any ProcedureStep, _ a: Appeal, by actor: Actor = F.executor, on today: String = "2024-02-01",
                     law: LawRegistry = registry) throws -> Appeal {
        try Procedure.apply(AppealCommand(s), to: a, context: context(actor, today: today, law: law)).0
    }

    /// An assigned land application with one fact resting on the appeal itself (document 1).
    static func withFact() throws -> Appeal {
        try step(RecordFact(statement: "Өтініш беруші 2016 жылдан бері кезекте тұр", status: .established, bearing: .favours, evidence: [1]),
                 try F.assigned("Маған ЖТҮҚ үшін жер учаскесін бөліп беруіңізді сұраймын, кезекте тұрмын"))
    }

    @Test("R29: the starter registry has no problem, and agrees with every term rule that cites a norm")
    func bundledIsValid() throws {
        #expect(Self.registry.problems(termRules: F.rules) == [])
        let cited = F.rules.rules.compactMap(\.norm)
        #expect(cited.count >= 10, "the term rules cite their norms")
        for id in cited { #expect(Self.registry.norm(id)?.roles.contains(.term) == true, "\(id) sets a term") }
    }

    @Test("R29: the hierarchy runs Constitution, code, law, ministerial order, local decision (Law \"On legal acts\" Art. 10)")
    func hierarchyOrder() throws {
        let r = Self.registry
        let ranks = ["constitution", "code", "law", "government_resolution", "ministerial_order", "local_decision"].map { try! #require(r.level($0)).rank }
        #expect(ranks == ranks.sorted() && Set(ranks).count == ranks.count)
        #expect(r.level("constitutional_court_ruling")!.rank < r.level("law")!.rank, "the guide's list: Constitutional Court rulings above laws")
    }

    @Test("R24, R29: the finder picks the marker words out of the text and lists the candidates by legal force, each with why")
    func finderOrdersByForce() throws {
        let text = "Маған ЖТҮҚ үшін жер учаскесін бөліп беруіңізді сұраймын, 2016 жылдан бері кезекте тұрмын"
        let markers = Self.index.markers(in: text)
        #expect(markers.contains { $0.lowercased().hasPrefix("жер учаске") } && markers.contains("ЖТҮҚ"), "\(markers)")
        let found = Self.index.find(markers: markers, on: F.d("2024-01-25"))
        let ids = found.map(\.norm.id)
        let code = try #require(ids.firstIndex(of: "land-code-50")), local = try #require(ids.firstIndex(of: "akimat-ihc-rules-queue"))
        #expect(code < local, "the code before the akimat's decision: \(ids)")
        #expect(found.map(\.rank) == found.map(\.rank).sorted(), "ordered by legal force")
        #expect(found[code].matched.contains { $0.field == .marker }, "why: a marker word of the norm")
    }

    @Test("R25: a known conflict is shown side by side with what the hierarchy says and the guide's advice")
    func conflictShown() throws {
        let found = Self.index.find(markers: ["жер учаскесі", "ЖТҮҚ"], on: F.d("2024-01-25"))
        let c = try #require(Self.index.conflicts(among: found).first {
            Set([$0.first.norm.id, $0.second.norm.id]) == ["land-code-50", "akimat-ihc-rules-queue"]
        })
        #expect(c.first.norm.id == "land-code-50", "the higher act on the left")
        #expect(c.verdict == .higherPrevails && c.prevailing == "land-code-50")
        #expect(c.detailed == "akimat-ihc-rules-queue", "R25: the lower act holds the detail")
        #expect(c.note != nil)
    }

    @Test("R25: a special norm prevails over the general one; between acts of one level the later does")
    func specialAndLater() throws {
        let r = Self.registry
        let found = NormIndex(r).find(markers: ["ақпарат", "информация", "срок", "мерзім"], on: F.d("2024-01-25"), limit: 80)
        if let c = NormIndex(r).conflicts(among: found).first(where: { Set([$0.first.norm.id, $0.second.norm.id]) == ["access-info-11-10", "appc-76-1"] }) {
            #expect(c.verdict == .specialPrevails && c.prevailing == "access-info-11-10")
        } else {
            Issue.record("the access-to-information term and APPC 76(1) were not both found: \(found.map(\.norm.id))")
        }
        var a = Self.norm("a-1", act: "a", markers: ["мерзім"]), b = Self.norm("b-1", act: "b", markers: ["мерзім"])
        a.conflicts = [NormConflict(norm: "b-1", noteKk: "қайшы", noteRu: "противоречие", noteEn: "conflict", source: "test", status: .unverified)]
        b.conflicts = []
        let small = Self.small(acts: [Self.act("a", adopted: "2019-01-01"), Self.act("b", adopted: "2023-05-01")], norms: [a, b])
        let i = NormIndex(small)
        let v = try #require(i.conflicts(among: i.find(markers: ["мерзім"], on: F.d("2024-01-25"))).first)
        #expect(v.verdict == .laterPrevails && v.prevailing == "b-1" && v.detailed == nil)
    }

    @Test("R24: norms are found by inflected, look-alike-letter and Latin queries, whole words only")
    func searchTypingHabits() throws {
        let day = F.d("2024-01-25")
        for q in ["жер учаскесі", "жер учаскесин", "жер учаскелерін", "jer uchaskesi", "земельного участка", "земельные участки"] {
            #expect(Self.index.search(q, on: day).contains { $0.norm.id == "land-code-50" }, "\(q)")
        }
        #expect(Self.index.search("лицензиясын", on: day).contains { $0.norm.id == "permits-licence-issue" })
        // «су» (water) never finds «суд» (court) or «сұрау» (request): whole stems only.
        var water = Self.norm("water-1", act: "a", markers: ["ауыз су"]), court = Self.norm("court-1", act: "a", markers: ["суд", "сұрау салу"])
        water.versions[0].textRu = "Обеспечение питьевой водой"
        court.versions[0].textRu = "Решение суд вынес по иску"
        let i = NormIndex(Self.small(acts: [Self.act("a", adopted: "2019-01-01")], norms: [water, court]))
        #expect(i.search("су", on: day).map(\.norm.id) == ["water-1"])
        #expect(i.search("судом", on: day).map(\.norm.id) == ["court-1"])
        #expect(Self.index.search("жоқсөзхххх", on: day).isEmpty)
    }

    @Test("R24: a norm applied is pinned to its version on the relevant day; a later amendment and a repeal are reported")
    func pinnedThenRepealed() throws {
        var a = try Self.withFact()
        a = try Self.step(ApplyNorm(norm: "land-code-50", purposes: [.decides, .empowers], reason: "ЖТҮҚ үшін жер беру"), a)
        let pin = try #require(a.law.applied("land-code-50")).pinned
        #expect(pin.relevantOn == F.d("2024-01-25") && pin.version == Self.registry.norm("land-code-50")!.version(on: F.d("2024-01-25")))
        #expect(PinStatus.of(pin, in: Self.registry) == .current)
        // The registry later records an amendment from 1 March 2025, then a repeal from 1 January 2026.
        var later = Self.registry
        let i = later.norms.firstIndex { $0.id == "land-code-50" }!
        var old = later.norms[i].versions.removeLast()
        var amended = old
        old.to = F.d("2025-02-28")
        amended.from = F.d("2025-03-01")
        amended.preconditions.append(Precondition(kk: "Жаңа талап", ru: "Новое требование", en: "A new requirement", source: "test", status: .unverified))
        later.norms[i].versions += [old, amended]
        #expect(PinStatus.of(pin, in: later) == .amended(on: F.d("2025-03-01")))
        #expect(a.law.applied("land-code-50")!.pinned.version.preconditions.count == old.preconditions.count, "the case keeps what was applied")
        later.norms[i].versions[later.norms[i].versions.count - 1].to = F.d("2025-12-31")
        later.norms[i].versions.append(NormVersion(from: F.d("2026-01-01"), repealed: true))
        #expect(later.problems(termRules: F.rules) == [])
        #expect(PinStatus.of(pin, in: later) == .repealed(on: F.d("2026-01-01")))
        // Applied after the repeal to a matter of 2026, it is refused.
        let withdrawn = try Self.step(WithdrawNorm(norm: "land-code-50", reason: "қате"), a, on: "2026-01-12", law: later)
        #expect(throws: ProcedureError.normNotInForce("land-code-50", F.d("2026-01-10"))) {
            try Self.step(ApplyNorm(norm: "land-code-50", relevantOn: F.d("2026-01-10"), reason: "x"), withdrawn, on: "2026-01-12", law: later)
        }
        // The day before the repeal it is still in force.
        let before = try Self.step(ApplyNorm(norm: "land-code-50", relevantOn: F.d("2025-12-31"), reason: "x"), withdrawn, on: "2026-01-12", law: later)
        #expect(before.law.applied("land-code-50")?.pinned.version.from == F.d("2025-03-01"))
    }

    @Test("R27, R28: all preconditions met → the THEN; one not met → refusal naming it; one unclear → not ready, saying what")
    func checklistOutcomes() throws {
        var a = try Self.withFact()
        a = try Self.step(ApplyNorm(norm: "land-code-50", purposes: [.decides, .empowers], reason: "ЖТҮҚ үшін жер беру"), a)
        a = try Self.step(ApplyNorm(norm: "land-code-competence", purposes: [.competence], reason: "әкімдіктің құзыреті"), a)
        let count = a.law.applied("land-code-50")!.pinned.version.preconditions.count
        #expect(count >= 2)
        guard case .notReady(let missing) = a.law.proposal(needsAct: true) else { Issue.record("nothing answered: not ready"); return }
        #expect(missing.count == count && missing.allSatisfy { if case .precondition(_, _, false) = $0 { true } else { false } })
        for i in 1...count { a = try Self.step(CheckPrecondition(norm: "land-code-50", precondition: i, answer: .met, facts: [1]), a) }
        #expect(a.law.proposal(needsAct: true) == .consequence(norms: ["land-code-50"]))
        var unclear = try Self.step(CheckPrecondition(norm: "land-code-50", precondition: 2, answer: .unclear, note: "анықтама күтілуде"), a)
        #expect(unclear.law.proposal(needsAct: true) == .notReady([.precondition(norm: "land-code-50", number: 2, unclear: true)]))
        unclear = try Self.step(CheckPrecondition(norm: "land-code-50", precondition: 1, answer: .notMet, evidence: [1]), unclear)
        #expect(unclear.law.proposal(needsAct: true) == .refusal(notMet: ["land-code-50": [1]]), "a precondition not met decides")
        // The act needs its competence norm named: withdraw it and the case is not ready.
        let noCompetence = try Self.step(WithdrawNorm(norm: "land-code-competence", reason: "қате"), a)
        #expect(noCompetence.law.proposal(needsAct: true) == .notReady([.competenceNorm]))
        #expect(noCompetence.law.proposal(needsAct: false) == .consequence(norms: ["land-code-50"]), "a simplified answer needs no act")
    }

    @Test("R28: a checklist answer rests on the case's facts or documents, and only on those the case has")
    func checklistRefusals() throws {
        var a = try Self.withFact()
        a = try Self.step(ApplyNorm(norm: "land-code-50", reason: "ЖТҮҚ"), a)
        #expect(throws: ProcedureError.missingField("facts")) { try Self.step(CheckPrecondition(norm: "land-code-50", precondition: 1, answer: .met), a) }
        #expect(throws: ProcedureError.unknownEvidenceFact(9)) { try Self.step(CheckPrecondition(norm: "land-code-50", precondition: 1, answer: .met, facts: [9]), a) }
        #expect(throws: ProcedureError.unknownEvidenceDocument(5)) { try Self.step(CheckPrecondition(norm: "land-code-50", precondition: 1, answer: .met, evidence: [5]), a) }
        #expect(throws: ProcedureError.unknownPrecondition(norm: "land-code-50", number: 0)) { try Self.step(CheckPrecondition(norm: "land-code-50", precondition: 0, answer: .unclear), a) }
        #expect(throws: ProcedureError.normNotApplied("land-code-43")) { try Self.step(CheckPrecondition(norm: "land-code-43", precondition: 1, answer: .unclear), a) }
        #expect(throws: ProcedureError.normAlreadyApplied("land-code-50")) { try Self.step(ApplyNorm(norm: "land-code-50", reason: "тағы"), a) }
        #expect(throws: ProcedureError.unknownNorm("no-such-norm")) { try Self.step(ApplyNorm(norm: "no-such-norm", reason: "x"), a) }
        #expect(throws: ProcedureError.forbidden(action: "apply_norm")) { try Self.step(ApplyNorm(norm: "land-code-43", reason: "x"), a, by: F.registrar) }
        // R28: the explanation for the applicant comes from the registry unless the executor writes one.
        let permit = try Self.step(ApplyNorm(norm: "permits-licence-issue", reason: "лицензия"), a)
        let items = permit.law.applied("permits-licence-issue")!.pinned.version.preconditions
        if let n = items.firstIndex(where: { $0.explainKk != nil }) {
            let checked = try Self.step(CheckPrecondition(norm: "permits-licence-issue", precondition: n + 1, answer: .unclear), permit)
            #expect(checked.law.applied("permits-licence-issue")!.check(n + 1)?.explainKk == items[n].explainKk)
        } else { Issue.record("the permit norm explains its qualification requirements (R28)") }
    }

    @Test("R26: when no norm fits, analogy of statute names the norm applied by analogy; the case is then decided by it")
    func analogyRecorded() throws {
        let a = try Self.withFact()
        #expect(throws: ProcedureError.missingField("norms")) { try Self.step(RecordAnalogy(kind: .statute, basis: "ұқсас қатынас", reason: "норма жоқ"), a) }
        let b = try Self.step(RecordAnalogy(kind: .statute, basis: "Ұқсас қатынастарды реттейтін норма", norms: ["land-code-43"], reason: "тікелей норма жоқ"), a)
        #expect(b.law.analogies.count == 1 && b.law.proposal(needsAct: false) == .analogy(1))
        let c = try Self.step(RecordAnalogy(kind: .law, basis: "Заңнаманың жалпы қағидаттары", reason: "ұқсас норма да жоқ"), b)
        #expect(c.law.analogies.map(\.kind) == [.statute, .law])
    }

    @Test("R29: a registry with problems lists every one (unknown level, duplicate id, overlap, a term disagreeing with its rule)")
    func problemsListed() throws {
        var r = Self.registry
        r.acts[0].level = "no_such_level"
        r.norms.append(r.norms[0])
        let i = r.norms.firstIndex { $0.id == "appc-76-1" }!
        r.norms[i].term = NormTerm(unit: .workingDays, amount: 10)
        r.norms[1].versions.append(NormVersion(from: r.norms[1].versions[0].from, preconditions: r.norms[1].versions[0].preconditions,
                                               consequence: r.norms[1].versions[0].consequence))
        let codes = Set(r.problems(termRules: F.rules).map(\.code))
        #expect(codes.isSuperset(of: ["unknown_level", "duplicate", "term_rule_disagrees", "period"]), "\(codes)")
    }

    static func act(_ id: String, adopted: String) -> NormativeAct {
        NormativeAct(id: id, level: "law", titleKk: id, titleRu: id, titleEn: id, adoptedOn: F.d(adopted), versions: [ActVersion(from: F.d(adopted))],
                     source: "test", status: .unverified)
    }

    static func norm(_ id: String, act: String, markers: [String]) -> Norm {
        Norm(id: id, act: act, article: "1", markersKk: markers, markersRu: [], roles: [.procedure], conflicts: [], specialTo: [],
             versions: [NormVersion(from: F.d("2019-01-01"), preconditions: [Precondition(kk: "шарт", ru: "условие", en: "condition", source: "test", status: .unverified)],
                                    consequence: CitedWording(kk: "салдар", ru: "последствие", en: "consequence", source: "test", status: .unverified))],
             source: "test", status: .unverified)
    }

    static func small(acts: [NormativeAct], norms: [Norm]) -> LawRegistry {
        LawRegistry(version: "t", source: "test", hierarchy: registry.hierarchy, acts: acts, norms: norms)
    }
}
