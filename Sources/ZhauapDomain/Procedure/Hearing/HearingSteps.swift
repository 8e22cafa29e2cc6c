import Foundation
import WorkingCalendar

extension Appeal {
    /// A hearing is planned, concerns this case, and is neither held nor omitted.
    public var hearingIsOpen: Bool {
        guard let h = hearing, h.ruling.decision.applies, case .pending = h.conduct else { return false }
        return true
    }

    /// The hearing as planned and still open to steps (neither held nor omitted).
    func openHearing() throws(ProcedureError) -> Hearing {
        guard let h = hearing else { throw .hearingNotPlanned }
        guard h.ruling.decision.applies else { throw .hearingNotApplicable }
        guard case .pending = h.conduct else { throw .hearingConcluded }
        return h
    }

    /// The objection window and the earliest day of the act as the draft's deliveries now give them
    /// (APPC 73, 73(3)): terms of the appeal, replaced when a later delivery moves them.
    mutating func refreshHearingTerms(context c: ProcedureContext) throws(ProcedureError) {
        let receipts = draftReceipts(calendar: c.calendar, rules: c.rules)
        func put(_ purpose: TermPurpose, from start: CivilDate?) throws(ProcedureError) {
            guard let start else { return }
            let term = try Procedure.startTerm(purpose, for: self, from: start, context: c)
            if let current = self.term(purpose), current.due == term.due { return }
            close([purpose], .cancelled, on: c.today)
            terms.append(term)
        }
        // The window that closes last: the participant who received the draft last.
        try put(.objection, from: receipts.filter { $0.objectionUntil != nil }.max { $0.objectionUntil! < $1.objectionUntil! }?.receivedOn)
        // The earliest day of the act: only once every participant has the draft.
        if !receipts.isEmpty, receipts.allSatisfy({ $0.receivedOn != nil }) {
            try put(.draftLead, from: receipts.max { $0.adoptableFrom! < $1.adoptableFrom! }?.receivedOn)
        }
    }
}

extension ProcedureStep {
    /// A text the step requires, trimmed, or the field refused by name.
    static func required(_ text: String?, _ field: String) throws(ProcedureError) -> String {
        guard let t = DocumentWording.given(text) else { throw .missingField(field) }
        return t
    }

    /// `HH:MM` on a 24-hour clock, as minutes after midnight.
    static func minutes(_ time: String?, _ field: String) throws(ProcedureError) -> Int {
        guard let time = DocumentWording.given(time) else { throw .missingField(field) }
        let parts = time.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h),
              (0..<60).contains(m) else { throw .invalidTime(field: field) }
        return h * 60 + m
    }
}

extension Appeal {
    /// Adds a document the hearing produces to the case, frozen as it goes out (R13), in each of `languages`:
    /// the documents' numbers, their trail entries and the files to store. Without a freezer (pure tests) the
    /// documents are listed without a file.
    mutating func freeze(_ g: GeneratedDocument, title: String, kind: CaseDocumentKind, party: String?, direction: DocumentDirection,
                         languages: [Language], generated: OutgoingDocument?, context c: ProcedureContext)
        -> (numbers: [Int], events: [AppealEvent], effects: [Effect]) {
        var out: (numbers: [Int], events: [AppealEvent], effects: [Effect]) = ([], [], [])
        for lang in languages {
            let frozen = c.freezer?.freeze(g, of: self, body: c.body, language: lang)
            let n = addDocument(title: title, kind: kind, date: c.today, party: party, direction: direction, language: lang,
                                sheets: frozen?.meta.pages ?? 1, file: frozen?.meta.file, generated: generated, by: c.actor, on: c.today)
            out.numbers.append(n)
            out.events.append(AppealEvent(.documentAdded(DocumentAdded(documents[documents.count - 1])), on: c.today))
            if let frozen { out.effects.append(.storeFile(frozen.meta.file, content: frozen.content)) }
        }
        return out
    }
}
