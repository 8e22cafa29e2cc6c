import Foundation
import WorkingCalendar
import ZhauapDocuments
import ZhauapDomain
import ZhauapStorage

/// The case file's use cases beyond the steps: requests for assistance between bodies of the installation,
/// files, the nomenclature, the lists that need attention, search.
extension AppealService {
    /// R22: a request for assistance to a body of this installation arrives there as a registered incoming
    /// request from the requesting body, linked back to the requesting case.
    func registerAssistanceRequest(from source: Appeal, link: AssistanceLink, id: UUID, body: AdministrativeBody, to target: AdministrativeBody,
                                   actor: Actor, calendar: WorkingDayCalendar, tx: any Storage, now: Date) async throws {
        guard let request = source.assistance.first(where: { $0.number == link.requestNumber }) else { throw ServiceError.notFound }
        let essence = [request.question, request.questionRu].compactMap { $0 }.joined(separator: "\n\n")
        let draft = Procedure.Draft(channel: .interagency, receivedAt: now, externalNumber: "\(source.registration.number)/С-\(request.number)",
                                    applicant: Applicant(kind: .legalEntity, organisationName: body.nameKk, postalAddress: body.address.isEmpty ? nil : body.address),
                                    addressedTo: target.nameRu, essence: essence, language: .kk, appealDate: request.sentOn, signaturePresent: true,
                                    sheets: 1, assistanceFor: link)
        let registrar = Actor(userID: actor.userID, bodyID: target.id, name: "\(actor.name) (\(body.code))", position: actor.position, roles: [.registrar])
        let store = tx.appeals
        let day = try RegistrationDay.of(receivedAt: now, body: target, calendar: calendar)
        let sequence = try await store.nextSequence(bodyID: target.id, year: day.year)
        let nomenclature = try await store.nomenclature(bodyID: target.id, year: day.year) ?? .standard
        let context = ProcedureContext(actor: registrar, body: target, today: day, calendar: calendar, rules: rules, nomenclature: nomenclature)
        var (appeal, events) = try Procedure.register(draft, id: id, sequence: sequence, recordedAt: now, trackingCode: TrackingCode.make(), context: context)
        appeal.kind = nil
        // The letter itself, as the requesting body froze it, joins the new case after the registration card.
        for n in request.letters {
            guard let letter = source.document(n), let file = letter.file else { continue }
            let doc = appeal.addDocumentAsReceived(letter, file: file, from: body.nameKk, by: registrar, on: day)
            events.append(AppealEvent(.documentAdded(DocumentAdded(appeal.documents[doc - 1])), on: day))
        }
        try await store.insert(appeal, events: events, actor: registrar, recordedAt: now)
    }

    /// R22: the addressed body answered; its answer letter, frozen, goes into the requesting case and closes the request.
    func returnAssistanceAnswer(_ answered: Appeal, to link: AssistanceLink, from body: AdministrativeBody, actor: Actor,
                                calendar: WorkingDayCalendar, tx: any Storage, now: Date) async throws {
        let store = tx.appeals
        guard let (requester, length) = try await store.appeal(link.appealID, bodyID: link.bodyID),
              let requesterBody = try await tx.organisation.body(link.bodyID) else { return }
        let freezer = HTMLFreezer()
        var changed = requester
        var events: [AppealEvent] = []
        let day = max(today(in: requesterBody), requester.registration.registeredOn)
        let courier = Actor(userID: actor.userID, bodyID: link.bodyID, name: "\(actor.name) (\(body.code))", position: actor.position, roles: [.registrar])
        for lang in answered.answer?.languages ?? [.kk] {
            let (meta, content) = freezer.freeze(.sent(.answerLetter), of: answered, body: body, language: lang)
            try await tx.files.store(meta.file, content: content)
            if let outcome = changed.receiveAssistanceAnswer(number: link.requestNumber, from: body.nameKk, file: meta.file, sheets: meta.pages ?? 1,
                                                             language: lang, by: courier, on: day) {
                events += outcome.events
            } else if !events.isEmpty {
                // The Russian version of the same answer joins beside the Kazakh one.
                let doc = changed.addDocumentAsReceived(changed.documents[changed.documents.count - 1], file: meta.file, from: body.nameKk,
                                                        by: courier, on: day, language: lang)
                events.append(AppealEvent(.documentAdded(DocumentAdded(changed.documents[doc - 1])), on: day))
            }
        }
        guard !events.isEmpty else { return }
        try await store.update(changed, events: events, actor: courier, recordedAt: now, expectedTrailLength: length)
    }

    /// The bytes of a case document's file, if the document belongs to an appeal of the actor's body.
    public func file(of appealID: UUID, document number: Int, actor: Actor) async throws -> (document: CaseDocument, content: Data) {
        guard let (appeal, _) = try await storage.appeals.appeal(appealID, bodyID: actor.bodyID),
              let d = appeal.document(number), let file = d.file,
              let content = try await storage.files.content(sha256: file.sha256) else { throw ServiceError.notFound }
        return (d, content)
    }

    /// The bytes of a stored file by its hash (an export's PDF or archive), when the appeal of the actor's body holds it.
    public func exportFile(of appealID: UUID, export number: Int, zip: Bool, actor: Actor) async throws -> (file: StoredFile, content: Data) {
        guard let (appeal, _) = try await storage.appeals.appeal(appealID, bodyID: actor.bodyID),
              let e = appeal.exports.first(where: { $0.number == number }) else { throw ServiceError.notFound }
        let file = zip ? e.zip : e.pdf
        guard let content = try await storage.files.content(sha256: file.sha256) else { throw ServiceError.notFound }
        return (file, content)
    }

    /// The bytes of a file by hash (the export reads every document's file one at a time).
    public func content(sha256: String) async throws -> Data? { try await storage.files.content(sha256: sha256) }

    /// Requests for assistance past their term or unanswerable, for the desk (`mine`) and the head's page.
    public func requestsNeedingAttention(actor: Actor, mine: Bool) async throws -> [RequestAlert] {
        let body = try await body(of: actor)
        return try await storage.appeals.requestsNeedingAttention(bodyID: body.id, today: today(in: body), executorID: mine ? actor.userID : nil)
    }

    public func searchCases(actor: Actor, text: String, limit: Int = 50) async throws -> [CaseHit] {
        try await storage.appeals.searchCases(bodyID: actor.bodyID, text: text, limit: limit)
    }

    /// The nomenclature the administrator set for the year, or nil (then the standard one applies).
    public func nomenclature(bodyID: UUID, year: Int) async throws -> CaseNomenclature? {
        try await storage.appeals.nomenclature(bodyID: bodyID, year: year)
    }

    /// The administrator sets the body's nomenclature for a year; cases opened from then on take it.
    public func setNomenclature(_ n: CaseNomenclature, bodyID: UUID, year: Int) async throws {
        try await write { tx in try await tx.appeals.setNomenclature(n, bodyID: bodyID, year: year) }
    }
}

/// Complaints between bodies of the installation (APPC 91(4), 100).
extension AppealService {
    /// The body that decides complaints about `body`, if one is set up.
    func higher(of body: AdministrativeBody) async throws -> AdministrativeBody? {
        guard let id = body.higherBodyID else { return nil }
        return try await storage.organisation.body(id)
    }

    /// APPC 91(4): the complaint arrives at the higher body as a registered complaint, the lower body's
    /// case export attached, linked back so the decision returns.
    func registerComplaint(from source: Appeal, link: ComplaintLink, export number: Int, id: UUID, body: AdministrativeBody,
                           to target: AdministrativeBody, actor: Actor, calendar: WorkingDayCalendar, tx: any Storage, now: Date) async throws {
        guard let complaint = source.complaints.first(where: { $0.number == link.complaint }),
              let export = source.exports.first(where: { $0.number == number }) else { throw ServiceError.notFound }
        let draft = Procedure.Draft(channel: .interagency, receivedAt: now, externalNumber: "\(source.registration.number)/Ш-\(complaint.number)",
                                    applicant: source.applicant, addressedTo: target.nameRu, essence: complaint.text, language: source.language,
                                    appealDate: complaint.filedOn, signaturePresent: true, sheets: 1)
        let registrar = Actor(userID: actor.userID, bodyID: target.id, name: "\(actor.name) (\(body.code))", position: actor.position, roles: [.registrar])
        let store = tx.appeals
        let day = try RegistrationDay.of(receivedAt: now, body: target, calendar: calendar)
        let sequence = try await store.nextSequence(bodyID: target.id, year: day.year)
        let nomenclature = try await store.nomenclature(bodyID: target.id, year: day.year) ?? .standard
        let context = ProcedureContext(actor: registrar, body: target, today: day, calendar: calendar, rules: rules, nomenclature: nomenclature)
        var (appeal, events) = try Procedure.register(draft, id: id, sequence: sequence, recordedAt: now, trackingCode: TrackingCode.make(),
                                                      context: context)
        events += try appeal.acceptPassedComplaint(link, export: export, from: body.nameKk, context: context)
        try await store.insert(appeal, events: events, actor: registrar, recordedAt: now)
    }

    /// APPC 100: the higher body signed its decision; the decision, as frozen there, goes into the case of
    /// the body whose act was appealed.
    func returnComplaintDecision(_ decided: Appeal, to link: ComplaintLink, from body: AdministrativeBody, actor: Actor, tx: any Storage,
                                 now: Date) async throws {
        let store = tx.appeals
        guard let signed = decided.signedAct, let (lower, length) = try await store.appeal(link.appealID, bodyID: link.bodyID),
              let lowerBody = try await tx.organisation.body(link.bodyID) else { return }
        let files = signed.documents.compactMap { n -> (Language, StoredFile, Int)? in
            guard let d = decided.document(n), let f = d.file else { return nil }
            return (d.language ?? .kk, f, d.sheets)
        }
        var changed = lower
        let day = max(today(in: lowerBody), lower.registration.registeredOn)
        let courier = Actor(userID: actor.userID, bodyID: link.bodyID, name: "\(actor.name) (\(body.code))", position: actor.position, roles: [.registrar])
        guard let events = changed.receiveComplaintDecision(link.complaint, decision: signed, files: files, from: body.nameKk, by: courier, on: day)
        else { return }
        try await store.update(changed, events: events, actor: courier, recordedAt: now, expectedTrailLength: length)
    }
}
