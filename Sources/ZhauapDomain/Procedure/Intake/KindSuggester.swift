import Foundation
/// Suggests an appeal's kind and competence area from marker words in its text (kk and ru), and says
/// which words led there (R5, R24). A person confirms.
public enum KindSuggester {
    /// Word stems per kind, Kazakh then Russian. Matched as substrings of the lower-cased text.
    static let markers: [(AppealKind, [String])] = [
        (.complaint, ["шағым", "заңсыз", "күшін жою", "әрекетсіздік", "жалоб", "обжал", "незаконн", "отменить решение", "бездейств"]),
        (.request, ["сұрау", "ақпарат беру", "түсіндір", "мәлімет", "запрос", "предоставить информац", "разъясн", "сведени"]),
        (.proposal, ["ұсыныс", "ұсынамын", "жетілдір", "предлага", "предложени", "усовершенств"]),
        (.report, ["хабарлаймын", "хабар беремін", "бұзушылық", "сообщаю", "информирую о нарушени", "нарушени"]),
        (.response, ["пікір", "үн қос", "жоба бойынша", "отклик", "мнение по проекту", "по проекту"]),
        (.application, ["арыз", "беруіңізді сұраймын", "рұқсат", "тіркеу", "заявлени", "прошу выдать", "прошу предоставить", "разрешени"]),
    ]

    public static func normalise(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "ё", with: "е")
    }

    public static func suggest(_ text: String?, areas: [CompetenceArea]) -> KindSuggestion {
        let t = normalise(text ?? "")
        var best: (AppealKind, [String])? = nil
        for (kind, words) in markers {
            let hits = words.filter { t.contains($0) }
            if !hits.isEmpty && hits.count > (best?.1.count ?? 0) { best = (kind, hits) }
        }
        var bestArea: (String, [String])? = nil
        for area in areas {
            let hits = area.markers.filter { !$0.isEmpty && t.contains(normalise($0)) }
            if !hits.isEmpty && hits.count > (bestArea?.1.count ?? 0) { bestArea = (area.code, hits) }
        }
        return KindSuggestion(kind: best?.0, kindMarkers: best?.1 ?? [], area: bestArea?.0, areaMarkers: bestArea?.1 ?? [])
    }
}
