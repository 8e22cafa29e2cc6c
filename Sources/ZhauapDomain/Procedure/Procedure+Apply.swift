import Foundation
import WorkingCalendar

extension Procedure {
    /// Applies one command. Throws when the actor may not, the state does not allow it, or the law
    /// forbids it; otherwise returns the changed appeal and the events to record.
    public static func apply(_ command: AppealCommand, to appeal: Appeal,
                             context c: ProcedureContext) throws(ProcedureError) -> (Appeal, [AppealEvent]) {
        guard Permissions.allows(command.name, actor: c.actor, appeal: appeal) else { throw .forbidden(action: command.name) }
        var a = appeal
        let today = c.today
        func require(_ states: AppealState...) throws(ProcedureError) {
            guard states.contains(a.state) else { throw .invalidState(action: command.name, state: a.state) }
        }
        func nonEmpty(_ text: String, _ field: String) throws(ProcedureError) {
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .missingField(field) }
        }
        func close(_ purposes: [TermPurpose], _ status: AppealTerm.Status = .met) {
            for i in a.terms.indices where purposes.contains(a.terms[i].purpose) && a.terms[i].status == .active {
                a.terms[i].status = status
                a.terms[i].closedOn = today
            }
        }

        switch command {
        case .recordCompleteness(let missing, let feeRequired):
            try require(.registered, .underConsideration, .awaitingCorrection)
            a.completeness = CompletenessCheck(missing: missing, feeRequired: feeRequired, checkedOn: today.description)
            return (a, [AppealEvent("completeness_recorded", on: today, [
                "missing": missing.map(\.rawValue).joined(separator: ","), "fee_required": String(feeRequired)])])

        case .returnForCorrection(let deficiency, let remedy, let consequence, let days):
            // APPC 63, 14 (R4): an exact deficiency, how to remedy it, the consequence; formal items never suffice.
            try require(.registered, .underConsideration)
            try nonEmpty(deficiency, "deficiency")
            try nonEmpty(remedy, "remedy")
            try nonEmpty(consequence, "consequence")
            guard let check = a.completeness else { throw .completenessNotChecked }
            guard !check.essentialMissing.isEmpty else { throw .onlyFormalDeficiencies(check.missing) }
            let n = days ?? c.body.correctionDays
            guard (1...60).contains(n) else { throw .invalidAmount(n) }
            let term = try startTerm(.correction, for: a, from: today, amount: n, context: c)
            a.terms.append(term)
            a.correction = CorrectionRequest(deficiency: deficiency, remedy: remedy, consequence: consequence,
                                             requestedOn: today, due: term.due, receivedOn: nil)
            a.state = .awaitingCorrection
            return (a, [AppealEvent("returned_for_correction", on: today, reason: deficiency,
                                    ["due": term.due.description, "working_days": String(n),
                                     "documents": "correction_notice:kk,correction_notice:ru"])])

        case .receiveCorrection(let note):
            try require(.awaitingCorrection)
            a.correction?.receivedOn = today
            close([.correction])
            a.state = a.executorID == nil ? .registered : .underConsideration
            return (a, [AppealEvent("correction_received", on: today, reason: note)])

        case .resolveUncorrected(let outcome):
            // R4: the deadline passed uncorrected; the system proposes, a head confirms.
            try require(.awaitingCorrection)
            guard outcome == .returned || outcome == .leftWithoutConsideration else { throw .groundNotApplicable(outcome) }
            guard let due = a.correction?.due, today > due else { throw .correctionNotOverdue(due: a.correction?.due ?? today) }
            a.termination = Termination(ground: outcome, note: "deficiency not remedied by \(due)", decidedOn: today,
                                        decidedBy: c.actor.userID)
            a.state = .terminated
            close([.correction], .cancelled)
            close([.consideration, .forwarding, .extensionNotice], .cancelled)
            return (a, [AppealEvent("terminated", on: today, reason: "correction not received by \(due)", ["ground": outcome.rawValue])])

        case .confirmKind(let kind, let area, let special):
            try require(.registered, .underConsideration, .awaitingCorrection)
            if let special, !c.rules.specialCodes.contains(special) { throw .missingField("known special rule") }
            a.kind = kind
            a.area = area ?? a.area
            a.specialRule = special ?? a.specialRule
            var events = [AppealEvent("kind_confirmed", on: today, ["kind": kind.rawValue, "area": a.area ?? "",
                                                                   "suggested": a.suggestion?.kind?.rawValue ?? ""])]
            // The consideration term follows the rule for the confirmed kind (R17), counted from registration.
            if let i = a.terms.lastIndex(where: { $0.purpose == .consideration && $0.status == .active }), a.terms[i].originalDue == nil {
                let fresh = try startTerm(.consideration, for: a, from: a.registration.registeredOn, context: c)
                if fresh.ruleID != a.terms[i].ruleID || fresh.due != a.terms[i].due {
                    a.terms[i] = fresh
                    events.append(AppealEvent("term_changed", on: today, reason: fresh.basis,
                                              ["purpose": "consideration", "due": fresh.due.description, "rule": fresh.ruleID]))
                }
            }
            // Competence is confirmed with the area: the forwarding term is met (R6).
            if area != nil { close([.forwarding]) }
            return (a, events)

        case .assign(let executorID):
            try require(.registered, .underConsideration, .awaitingCorrection)
            a.executorID = executorID
            if a.state == .registered { a.state = .underConsideration }
            return (a, [AppealEvent("assigned", on: today, ["executor": executorID.uuidString])])

        case .forward(let targetBodyID, let targetName, let demands):
            // APPC 65 (R6): whole, or only the demands outside competence; the applicant is told at the same time.
            try require(.registered, .underConsideration)
            try nonEmpty(targetName, "target_name")
            if let demands, demands.isEmpty || demands.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw .missingField("demands")
            }
            a.forwardings.append(Forwarding(targetBodyID: targetBodyID, targetName: targetName, demands: demands,
                                            forwardedOn: today, newAppealID: nil))
            let late = a.term(.forwarding).map { today > $0.due } ?? false
            var details = ["target": targetName, "scope": demands == nil ? "whole" : "part", "late": String(late),
                           "documents": "forwarding_notice:kk,forwarding_notice:ru"]
            if let targetBodyID { details["target_body"] = targetBodyID.uuidString }
            if demands == nil {
                a.state = .forwarded
                close([.forwarding])
                close([.consideration, .extensionNotice, .correction], .cancelled)
            } else {
                close([.forwarding])
            }
            return (a, [AppealEvent("forwarded", on: today, details)])

        case .requestRecusal(let source, let reason):
            try nonEmpty(reason, "reason")
            guard a.state.isOpen else { throw .invalidState(action: command.name, state: a.state) }
            if source == .selfRecusal && a.executorID != c.actor.userID { throw .forbidden(action: "self-recusal") }
            a.recusal = RecusalRequest(source: source, reason: reason, requestedBy: c.actor.userID, requestedOn: today, decision: nil)
            return (a, [AppealEvent("recusal_requested", on: today, reason: reason, ["source": source.rawValue])])

        case .decideRecusal(let accept, let newExecutor):
            guard a.recusal != nil, a.recusal?.decision == nil else { throw .noPendingRecusal }
            a.recusal?.decision = accept
            var details = ["accepted": String(accept)]
            if accept {
                guard let newExecutor else { throw .missingField("new_executor_id") }
                a.executorID = newExecutor
                details["executor"] = newExecutor.uuidString
                if a.state == .registered { a.state = .underConsideration }
            }
            return (a, [AppealEvent("recusal_decided", on: today, details)])

        case .terminate(let ground, let note):
            try require(.registered, .underConsideration, .awaitingCorrection)
            try nonEmpty(note, "note")
            if ground == .authorshipUnknown && a.reportsCrimeOrThreat { throw .mustForwardAtOnce }
            if ground.simplifiedOnly {
                guard let kind = a.kind else { throw .kindNotConfirmed }
                guard kind.isSimplified else { throw .groundNotApplicable(ground) }
            }
            if ground == .authorshipUnknown && !(a.applicant.isAnonymous && a.signaturePresent != true) {
                throw .groundNotApplicable(ground)
            }
            a.termination = Termination(ground: ground, note: note, decidedOn: today, decidedBy: c.actor.userID)
            a.state = .terminated
            close([.consideration, .forwarding, .correction, .extensionNotice], .cancelled)
            return (a, [AppealEvent("terminated", on: today, reason: note, ["ground": ground.rawValue])])

        case .extend(let until, let reason):
            // APPC 76(2) (R15): a head, with a reason; the rules of the extension live in `extending`.
            try require(.registered, .underConsideration, .awaitingCorrection)
            try nonEmpty(reason, "reason")
            var events: [AppealEvent] = []
            if a.extensionRequest?.isPending == true {
                // The head's own extension settles a waiting request.
                a.extensionRequest?.decision = true
                a.extensionRequest?.decidedOn = today
                events.append(AppealEvent("extension_decided", on: today, ["accepted": "true", "until": until.description]))
            }
            let (extended, event) = try extending(a, until: until, reason: reason, context: c)
            return (extended, events + [event])

        case .requestExtension(let until, let reason):
            try require(.registered, .underConsideration, .awaitingCorrection)
            try nonEmpty(reason, "reason")
            guard a.extensionRequest?.isPending != true else { throw .extensionAlreadyRequested }
            _ = try extending(a, until: until, reason: reason, context: c) // the same limits, checked now
            a.extensionRequest = ExtensionRequest(until: until, reason: reason, requestedBy: c.actor.userID, requestedOn: today)
            return (a, [AppealEvent("extension_requested", on: today, reason: reason, ["until": until.description])])

        case .decideExtension(let accept, let until, let note):
            guard let request = a.extensionRequest, request.isPending else { throw .noPendingExtension }
            a.extensionRequest?.decision = accept
            a.extensionRequest?.decidedOn = today
            a.extensionRequest?.note = note
            if !accept {
                try nonEmpty(note ?? "", "note")
                return (a, [AppealEvent("extension_decided", on: today, reason: note, ["accepted": "false"])])
            }
            try require(.registered, .underConsideration, .awaitingCorrection)
            let target = until ?? request.until
            let (extended, event) = try extending(a, until: target, reason: request.reason, context: c)
            return (extended, [AppealEvent("extension_decided", on: today, reason: note, ["accepted": "true", "until": target.description]), event])

        case .recordSending(let document, let language, let channel, let sentOn, let reference):
            // R46: what the applicant receives, and that it was sent, is on the case.
            guard document.isAvailable(for: a) else { throw .documentNotAvailable(document) }
            guard language != .en else { throw .missingField("language") }
            let day = sentOn ?? today
            guard day <= today, day >= a.registration.registeredOn else { throw .dateOutOfRange(day) }
            let ref = reference.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            a.sendings = (a.sendings ?? []) + [Sending(document: document, language: language, channel: channel, sentOn: day,
                                                       reference: ref, recordedBy: c.actor.userID)]
            var details = ["document": document.rawValue, "language": language.rawValue, "channel": channel.rawValue]
            if document == .extensionNotice, let notice = a.term(.extensionNotice) {
                // APPC 76(2): the participant is told within 3 working days of the extension.
                details["late"] = String(day > notice.due)
                close([.extensionNotice])
            }
            return (a, [AppealEvent("document_sent", on: day, details)])

        case .answer(let text, let character):
            // APPC 87–89: reports, proposals, responses and requests end in an answer.
            try require(.underConsideration)
            try nonEmpty(text, "text")
            guard let kind = a.kind else { throw .kindNotConfirmed }
            guard kind.isSimplified else { throw .requiresAdministrativeAct(kind) }
            a.answer = Answer(text: text, character: character, answeredOn: today, answeredBy: c.actor.userID)
            a.state = .answered
            let late = a.term(.consideration).map { today > $0.due } ?? false
            close([.consideration, .forwarding])
            close([.extensionNotice], .cancelled)  // the answer itself tells the applicant
            return (a, [AppealEvent("answered", on: today, ["character": character.rawValue, "late": String(late)])])
        }
    }
}
