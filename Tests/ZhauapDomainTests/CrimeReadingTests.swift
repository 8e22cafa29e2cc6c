import Foundation
import Testing
@testable import ZhauapDomain
import ZhauapText

/// APPC 88 on texts written for these tests (never the corpora): crime and threat reports told without
/// the law's words are flagged at registration, harmless mentions are not, and a possible crime below the
/// flag is never proposed for termination.
@Suite("Reading a crime or a threat: veiled words, the model, a possible crime")
struct CrimeReadingTests {
    @Test("R8: an anonymous report of extortion in veiled words is flagged and not proposed for termination (APPC 88)")
    func veiledBribery() throws {
        let text = "Специалист отдела земельных отношений сказал, что акт подпишет, только если решить вопрос за двести тысяч, "
            + "и намекнул принести конверт. Без этого документы лежат третий месяц."
        let a = try F.registered(essence: text, anonymous: true)
        #expect(a.reportsCrimeOrThreat && a.crimeFlag?.setBy == .suggestion)
        #expect(a.crimeFlag?.categories.contains("bribery") == true, "\(String(describing: a.crimeFlag))")
        let proposals = ReadingProposal.of(a).map(\.kind)
        #expect(proposals.contains(.forwardCrime) && !proposals.contains { $0.rawValue.hasPrefix("terminate") })
        let report = try F.apply(.confirmKind(.report, area: nil, special: nil), F.apply(.assign(executorID: F.executor.userID), a, by: F.head, on: "2024-01-25"),
                                 by: F.executor, on: "2024-01-25")
        #expect(throws: ProcedureError.mustForwardAtOnce) {
            try F.apply(.terminate(ground: .authorshipUnknown, note: "авторы белгісіз"), report, by: F.head, on: "2024-01-26")
        }
    }

    @Test("APPC 88: domestic violence told without the word «violence» is flagged, in Russian and in Kazakh", arguments: [
        "Соседка с третьего этажа по ночам кричит «не надо», утром выходит с синяками на лице. Муж запирает её дома и забирает телефон.",
        "Көршінің күйеуі ішіп келсе әйелін шашынан сүйреп, итеріп құлатады, балалары қорқып біздің үйге қашып келеді.",
    ])
    func domesticViolence(text: String) {
        let s = KindSuggester.suggest(text, areas: [])
        #expect(s.crime?.categories.contains("violence") == true, "\(text) → \(String(describing: s.crime))")
    }

    @Test("APPC 88: a drug report typed in Latin letters is flagged", arguments: [
        "v nashem pod'ezde paren prodaet narkotu, zakladki pryachet za batareei, k nemu kazhdyi vecher hodyat shkolniki",
        "bizdin auylda bir zhigit kunde keshke esirtki satady, balalar ogan barady",
    ])
    func latinDrugs(text: String) {
        let s = KindSuggester.suggest(text, areas: [])
        #expect(s.crime?.categories.contains("drugs") == true, "\(text) → \(String(describing: s.crime))")
    }

    @Test("APPC 88: a licence request naming «оружие», a clearance certificate and a flood threat are not flagged", arguments: [
        "Прошу разъяснить, какие документы нужны для получения лицензии на хранение охотничьего оружия и где пройти медкомиссию.",
        "Прошу выдать справку о наличии либо отсутствии судимости для трудоустройства в школу.",
        "Вода в реке поднимается, дамба размыта, угроза подтопления домов на нашей улице реальная, просим укрепить берег.",
    ])
    func harmless(text: String) {
        let s = KindSuggester.suggest(text, areas: [])
        #expect(s.crime == nil, "\(text) → \(String(describing: s.crime))")
    }

    @Test("R8: an anonymous possible crime (below the flag) is never proposed for termination, and the suggestion says why (APPC 88)")
    func possibleCrimeNotTerminated() throws {
        let text = "Көшемізде нөмірсіз көлік тұр, ешкім білмейді кімдікі."
        var a = try F.registered(essence: text, anonymous: true)
        let possible = try #require(a.suggestion?.possibleCrime, "\(String(describing: a.suggestion))")
        #expect(!a.reportsCrimeOrThreat && a.suggestion?.crime == nil && !possible.words.isEmpty)
        // Even as a repeat without new arguments, no termination is proposed while the possible crime stands.
        a.suggestion?.repeatOf = RepeatFinding(appealID: UUID(), number: "ALM-2024-00001", similarity: 0.9, newArguments: false)
        #expect(!ReadingProposal.of(a).contains { $0.action == .terminate })
        a.suggestion?.possibleCrime = nil
        #expect(ReadingProposal.of(a).contains { $0.kind == .terminateRepeat }, "without it the repeat is proposed")
    }

    @Test("APPC 88: the flag's thresholds at their edges — phrases alone, the model alone, both leaning")
    func thresholdEdges() {
        let t = KindSuggester.CrimeThresholds.fitted, phrase = ReadingCues.bundled.crimeThreshold
        typealias E = KindSuggester.CrimeEvidence
        let below = 0.01
        // The phrases alone: at their threshold flagged, just under not (with a model that does not lean).
        #expect(E(phrases: phrase, model: 0).flags(t, phraseThreshold: phrase))
        #expect(!E(phrases: phrase - below, model: 0).flags(t, phraseThreshold: phrase))
        // The model alone: at its threshold flagged, just under not; no phrase at all.
        #expect(E(phrases: nil, model: t.modelAlone).flags(t, phraseThreshold: phrase))
        #expect(!E(phrases: nil, model: t.modelAlone - below).flags(t, phraseThreshold: phrase))
        // Both leaning: each at its own threshold flagged; either just under not.
        #expect(E(phrases: t.cuesWithModel, model: t.modelWithCues).flags(t, phraseThreshold: phrase))
        #expect(!E(phrases: t.cuesWithModel - below, model: t.modelWithCues).flags(t, phraseThreshold: phrase))
        #expect(!E(phrases: t.cuesWithModel, model: t.modelWithCues - below).flags(t, phraseThreshold: phrase))
        // A model leaning that far without any phrase is not enough.
        #expect(!E(phrases: nil, model: t.modelWithCues).flags(t, phraseThreshold: phrase))
        #expect(t.modelWithCues < t.modelAlone && t.cuesWithModel < phrase)
    }

    @Test("APPC 88: the appeals written to teach the crime reading train the crime model, never the kinds'")
    func crimeCorpusTrainsCrimeOnly() {
        let extra = KindModel.bundledCrimeCorpus
        #expect(extra.count >= 100 && extra.allSatisfy { !$0.teachesKind } && KindModel.bundledCorpus.allSatisfy(\.teachesKind))
        #expect(extra.filter(\.crime).count >= 50 && extra.contains { !$0.crime })
        let ids = Set(KindModel.bundledCorpus.map(\.id))
        #expect(extra.allSatisfy { !ids.contains($0.id) }, "an appeal in both corpora")
        // The kinds' model is the one trained on the reviewed corpus alone.
        let kindsOnly = KindModel.train(KindModel.bundledCorpus.map { KindModel.Example(text: $0.text, kind: $0.kind) })
        let text = extra[0].text
        let shipped = KindModel.bundled.score(KindModel.features(Tokens.of(Clean.text(text))))
        let reviewed = kindsOnly.score(KindModel.features(Tokens.of(Clean.text(text))))
        // Equal up to the order a sum was taken in (trained twice, the dictionaries iterate differently).
        #expect(AppealKind.allCases.allSatisfy { k in abs((shipped[k]?.score ?? 0) - (reviewed[k]?.score ?? 1)) < 1e-9 })
        // The crime model knows what only the added appeals hold.
        let onlyCrime = CrimeModel.train(KindModel.bundledCorpus.map { ($0.text, $0.crime) })
        #expect(CrimeModel.bundled.weights.count > onlyCrime.weights.count)
    }
}
