import Foundation
import WorkingCalendar

extension Appeal {
    /// APPC 91(4), 99: a complaint passed by another body of the installation, just registered here — a
    /// complaint (20 working days, not extendable), within this body's competence as the higher body, with
    /// the case file the lower body exported attached as received.
    public mutating func acceptPassedComplaint(_ link: ComplaintLink, export: CaseExport, from party: String, context c: ProcedureContext)
        throws(ProcedureError) -> [AppealEvent] {
        complaintAgainst = link
        kind = .complaint
        competence = CompetenceDecision(competence: .whole, decidedOn: c.today, decidedBy: c.actor.userID)
        var events = [AppealEvent(.kindConfirmed(KindConfirmed(kind: .complaint, area: "", suggested: suggestion?.kind?.rawValue ?? "")), on: c.today)]
        if let i = terms.lastIndex(where: { $0.purpose == .consideration && $0.status == .active }) {
            let fresh = try Procedure.startTerm(.consideration, for: self, from: registration.registeredOn, context: c)
            if fresh.due != terms[i].due || fresh.ruleID != terms[i].ruleID {
                terms[i] = fresh
                events.append(AppealEvent(.termChanged(TermChanged(purpose: .consideration, due: fresh.due, rule: fresh.ruleID)), on: c.today,
                                          reason: fresh.basis))
            }
        }
        close([.forwarding], on: c.today)
        let n = addDocument(title: "case_export \(link.appealNumber)", kind: .other, date: export.exportedOn, party: party, direction: .incoming,
                            language: export.language, sheets: export.sheets, file: export.pdf, by: c.actor, on: c.today, sheetsCounted: true)
        events.append(AppealEvent(.documentAdded(DocumentAdded(documents[n - 1])), on: c.today))
        return events
    }

    /// APPC 100: the higher body's decision on complaint `number` comes back into this case, its versions
    /// as received documents. Nil when there is no such complaint or it was decided already.
    public mutating func receiveComplaintDecision(_ number: Int, decision: SignedAct, files: [(Language, StoredFile, Int)], from party: String,
                                                  by actor: Actor, on day: CivilDate) -> [AppealEvent]? {
        guard let i = complaints.firstIndex(where: { $0.number == number }), complaints[i].decision == nil,
              let outcome = decision.outcome else { return nil }
        var events: [AppealEvent] = []
        var docs: [Int] = []
        for (lang, file, sheets) in files {
            let n = addDocument(title: "complaint_decision \(decision.number)", kind: .administrativeAct, date: decision.signedOn, party: party,
                                direction: .incoming, language: lang, sheets: sheets, file: file, by: actor, on: day)
            docs.append(n)
            events.append(AppealEvent(.documentAdded(DocumentAdded(documents[n - 1])), on: day))
        }
        complaints[i].decision = ComplaintDecisionRecord(outcome: outcome, decidedOn: decision.signedOn, number: decision.number, documents: docs)
        events.insert(AppealEvent(.complaintDecided(ComplaintDecided(complaint: number, outcome: outcome, number: decision.number, documents: docs)),
                                  on: day), at: 0)
        return events
    }
}
