import Foundation
import WorkingCalendar

extension ActCheck {
    /// A verb form that states a decision: satisfied, refused, granted, cancelled, registered… (not the
    /// nouns «отказ», «назначение», «тағайындау»).
    static let decisionRu = Regex.make(
        "(?<![\\p{L}])(удовлетвор|отказ|предоставл|предостав|выда|назнач|отмен|оставл|остав|зарегистрир|регистрир|поставл|постав|сня|включ|исключ|" +
        "пересчит|перерассчит|призна|прекращ|прекрат|приостановл|приостанов|аннулир|отозв|возвращ|возврат|верн|разреш|продл|восстановл|восстанов|" +
        "обяз|реш|постановил|одобр|согласов)" +
        "(ен|ена|ено|ены|н|на|но|ны|ан|ана|ано|аны|ить|ать|еть|ять|ил|ила|ило|или|ал|ала|ало|али|яем|аем|ем|им|ываем|иваем|ован|ована|овано|ованы|" +
        "овать|уем|ует|ается|яется|ит|ет|ят|ут|ть|т|та|то|ты)(?![\\p{L}])")
    static let decisionKk = Regex.make(
        "(?<![\\p{L}])(қанағаттандырыл|қанағаттандырусыз|тартыл|(?<!қоса )беріл[сд]|тағайындал|жойыл|тіркел|қойыл|шығарыл|есептел|қайтарыл|" +
        "таныл[сд]|тоқтатыл|қалдырыл|мақұлдан|шешілді|шешім қабылданд|енгізіл|ұзартыл|міндеттел|рұқсат етіл)\\p{L}*")

    static func statesDecision(_ s: ActText.Sentence, _ lang: Language) -> Bool {
        s.matches(lang == .kk ? decisionKk : decisionRu)
    }

    /// R43(4): one sentence at the start saying what was decided and about whom.
    static func summary(_ v: Version) -> [ActFinding] {
        guard let text = v[.operativeSummary] else { return [] }
        let sentences = text.sentences
        guard let first = sentences.firstIndex(where: { statesDecision($0, v.language) }) else {
            return [ActFinding(.summaryNoDecision, section: .operativeSummary, language: v.language, excerpt: sentences.first?.excerpt)]
        }
        if first > 0 { return [ActFinding(.summaryNotFirst, section: .operativeSummary, language: v.language, excerpt: sentences[0].excerpt)] }
        if sentences.count > 1 { return [ActFinding(.summaryTooLong, section: .operativeSummary, language: v.language, excerpt: sentences[1].excerpt)] }
        return []
    }
}
