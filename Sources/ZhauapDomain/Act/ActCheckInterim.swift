import Foundation
import WorkingCalendar

/// Interim: required sections only, until the full justification check lands.
public enum ActCheck {
    public static func findings(_ input: ActCheckInput, calendar: WorkingDayCalendar?) -> [ActFinding] {
        var out: [ActFinding] = []
        for (lang, sections) in input.versions.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for s in ActSection.required where (sections[s] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(ActFinding(code: "section_missing", severity: .error, section: s, language: lang, basis: "R43",
                                      why: LocalizedText(kk: "Бөлім бос", ru: "Раздел пуст", en: "The section is empty"),
                                      fix: LocalizedText(kk: "Бөлімді толтырыңыз", ru: "Заполните раздел", en: "Fill in the section")))
            }
        }
        return out
    }
}
