import Foundation
import NIOFoundationEssentialsCompat
import Testing
import VaporTesting
import ZhauapDomain
import ZhauapService
import ZhauapStorage
import ZhauapTestSupport
@testable import ZhauapWeb

/// The administrative case through the API (R10–R13, R20–R23), on SQLite and PostgreSQL.
@Suite("Case file: documents, inventory, facts, requests to other bodies")
struct CaseFileAPITests {
    struct CaseView: Decodable {
        struct Line: Decodable {
            struct Doc: Decodable {
                struct File: Decodable { var sha256: String; var mediaType: String; var size: Int; var name: String }
                struct Withdrawal: Decodable { var reason: String }
                var number: Int; var title: String; var kind: String; var direction: String; var sheets: Int; var file: File?
                var withdrawal: Withdrawal?; var generated: String?
            }
            var document: Doc; var titleKk: String; var titleRu: String; var sheetFrom: Int?; var sheetTo: Int?
        }
        struct CaseFile: Decodable { var index: String; var openedOn: String; var closedOn: String?; var titleKk: String }
        struct Fact: Decodable { var number: Int; var status: String; var evidence: [Int]; var applicantArgument: Bool }
        struct Request: Decodable {
            struct Outcome: Decodable { var status: String; var document: Int? }
            var number: Int; var due: String; var chases: [String]; var outcome: Outcome; var registeredAs: UUID?; var letters: [Int]; var termRuleID: String
        }
        var caseFile: CaseFile; var inventory: [Line]; var totalSheets: Int; var facts: [Fact]; var assistance: [Request]
    }

    let api = AppealsAPITests()

    func caseView(_ app: Application, _ w: World, _ id: UUID, as who: String = "executor") async throws -> CaseView {
        let (status, body) = try await api.get(app, "api/v1/appeals/\(id)/case", headers: w.auth(who))
        #expect(status == .ok, "\(String(decoding: body, as: UTF8.self))")
        return try JSONDecoder().decode(CaseView.self, from: body)
    }

    func upload(_ app: Application, _ w: World, _ id: UUID, as who: String = "executor", path: String = "documents",
                fields: [(String, String)] = [("title", "Жер учаскесінің жоспары"), ("kind", "evidence")],
                file: (name: String, type: String, data: Data)? = ("plan.pdf", "application/pdf", TestFiles.pdf(pages: 3)),
                cut: Int? = nil) async throws -> (HTTPStatus, Data) {
        var (headers, body) = TestFiles.multipart(fields, file: file)
        for (k, v) in w.auth(who) { headers.replaceOrAdd(name: k, value: v) }
        if let cut { body = body.getSlice(at: 0, length: body.readableBytes - cut)! }
        var out: (HTTPStatus, Data) = (.internalServerError, Data())
        try await app.testing().test(.POST, "api/v1/appeals/\(id)/case/\(path)", headers: headers, body: body) { res async throws in
            out = (res.status, Data(buffer: res.body))
        }
        return out
    }

    /// A land application received now (the tests' clock), assigned to the executor.
    static let application = #"{"channel":"paper","essence":"Жер учаскесін беруіңізді сұраймын","signaturePresent":true,"applicant":{"kind":"individual","surname":"Нұрланов","givenName":"Ержан","iin":"061211600012","postalAddress":"Көкшетау, Абай к-сі 1"}}"#

    func assigned(_ app: Application, _ w: World) async throws -> UUID {
        let id = try #require(try await api.register(app, w, Self.application).1?.appeal.id)
        let (s, _) = try await api.act(app, w, id, as: "head", #"{"action":"assign","executorId":"\#(w.executor.userID)"}"#)
        #expect(s == .ok)
        return id
    }

    func problem(_ data: Data) -> AppealsAPITests.Problem? { try? JSONDecoder().decode(AppealsAPITests.Problem.self, from: data) }

    @Test("R10, R12: registration opens the case under the body's nomenclature, the appeal its first document; the end closes it",
          arguments: TestDatabases.all)
    func opensAndCloses(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let first = try #require(try await api.register(app, w).1?.appeal.id)
            var view = try await caseView(app, w, first, as: "registrar")
            #expect(view.caseFile.index == "01-1" && view.caseFile.openedOn == "2024-01-25" && view.caseFile.closedOn == nil, "opened on the registration day")
            #expect(view.inventory.map(\.document.kind) == ["registration_card"] && view.inventory[0].sheetFrom == 1)
            // The administrator sets the year's nomenclature: cases opened from then on take its unit code.
            try await app.appealService.setNomenclature(CaseNomenclature(unitCode: "03", unitKk: "Жолданымдар бөлімі", retentionKk: "5 жыл",
                                                                         retentionRu: "5 лет"), bodyID: w.bodyA.id, year: 2024)
            let second = try #require(try await api.register(app, w).1?.appeal.id)
            view = try await caseView(app, w, second, as: "registrar")
            #expect(view.caseFile.index == "03-2")
            let firstAgain = try await caseView(app, w, first, as: "registrar")
            #expect(firstAgain.caseFile.index == "01-1", "an opened case keeps its index")
            _ = try await api.act(app, w, second, as: "head", #"{"action":"terminate","ground":"withdrawn","note":"отозвано"}"#)
            let closed = try await caseView(app, w, second, as: "head")
            #expect(closed.caseFile.closedOn == "2026-06-09")
        }
    }

    @Test("R11, R13: an upload joins the case with its pages read from the PDF; the file comes back byte for byte; the inventory numbers the sheets",
          arguments: TestDatabases.all)
    func uploadInventory(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let id = try await assigned(app, w)
            let pdf = TestFiles.pdf(pages: 3)
            let (s1, b1) = try await upload(app, w, id, file: ("plan.pdf", "application/octet-stream", pdf))
            #expect(s1 == .created, "\(String(decoding: b1, as: UTF8.self))")
            let (s2, _) = try await upload(app, w, id, as: "registrar", fields: [("title", "Анықтама"), ("direction", "incoming")],
                                           file: ("photo.png", "image/png", TestFiles.png))
            #expect(s2 == .created)
            let view = try await caseView(app, w, id)
            #expect(view.inventory.map(\.document.number) == [1, 2, 3])
            let plan = view.inventory[1]
            #expect(plan.document.kind == "evidence" && plan.document.sheets == (FileInspector.detectPageCounter() == nil ? 1 : 3))
            #expect(plan.document.file?.mediaType == "application/pdf", "the type comes from the content, not the part's header")
            #expect(plan.sheetFrom == 2 && plan.sheetTo == 1 + plan.document.sheets && view.inventory[2].sheetFrom == plan.sheetTo! + 1)
            #expect(view.inventory[2].document.kind == "applicant_file" && view.inventory[2].document.file?.mediaType == "image/png")
            var got = Data(), etag = ""
            try await app.testing().test(.GET, "api/v1/appeals/\(id)/case/documents/2", headers: w.auth("executor")) { res async throws in
                got = Data(buffer: res.body)
                etag = res.headers.first(name: .eTag) ?? ""
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
            #expect(got == pdf && etag == "\"\(HTMLFreezer.sha256(pdf))\"")
            // The same bytes twice are stored once (content-addressed) but are two documents.
            let (s3, _) = try await upload(app, w, id, file: ("copy.pdf", "application/pdf", pdf))
            #expect(s3 == .created)
            let four = try await caseView(app, w, id)
            #expect(four.inventory.count == 4)
            // Search by the index and by a title word.
            let (_, hits) = try await api.get(app, "api/v1/cases?q=%D0%B0%D0%BD%D1%8B%D2%9B%D1%82%D0%B0%D0%BC%D0%B0", headers: w.auth("registrar"))
            #expect(String(decoding: hits, as: UTF8.self).contains("\"document\":3"))
            let (_, byIndex) = try await api.get(app, "api/v1/cases?q=01-1", headers: w.auth("registrar"))
            #expect(String(decoding: byIndex, as: UTF8.self).contains(id.uuidString))
        }
    }

    @Test("R11: a renamed executable, an oversized file, a cut-short body, a case over its limit and a form without a file are refused and store nothing",
          arguments: TestDatabases.all)
    func refusals(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            app.caseLimits = CaseFileLimits(fileMB: 1, caseMB: 2)
            let w = try await World.make(app)
            let id = try await assigned(app, w)
            let (s1, b1) = try await upload(app, w, id, file: ("scan.pdf", "application/pdf", TestFiles.executable))
            #expect(s1 == .unsupportedMediaType && problem(b1)?.code == "unsupported_file_type" && problem(b1)?.field == "file")
            let big = TestFiles.pdf(pages: 1) + Data(repeating: 0x20, count: 1_048_577)
            let (s2, b2) = try await upload(app, w, id, file: ("big.pdf", "application/pdf", big))
            #expect(s2 == .payloadTooLarge && problem(b2)?.code == "file_too_large")
            let (s3, b3) = try await upload(app, w, id, cut: 40)
            #expect(s3 == .badRequest && problem(b3)?.code == "malformed_multipart", "\(s3) \(String(decoding: b3, as: UTF8.self))")
            let (s4, b4) = try await upload(app, w, id, file: nil)
            #expect(s4 == .unprocessableEntity && problem(b4)?.code == "file_required")
            var headers = w.auth("executor")
            headers.contentType = .json
            var s5 = HTTPStatus.ok, b5 = Data()
            try await app.testing().test(.POST, "api/v1/appeals/\(id)/case/documents", headers: headers, body: ByteBuffer(string: "{}")) { res async throws in
                (s5, b5) = (res.status, Data(buffer: res.body))
            }
            #expect(s5 == .unsupportedMediaType && problem(b5)?.code == "multipart_required")
            let (s6, b6) = try await upload(app, w, id, fields: [("title", "x"), ("kind", "registration_card")])
            #expect(s6 == .unprocessableEntity && problem(b6)?.code == "invalid_document_kind")
            let (s7, b7) = try await upload(app, w, id, fields: [("title", "x"), ("date", "2026-13-01")])
            #expect(s7 == .badRequest && problem(b7)?.code == "invalid_date" && problem(b7)?.field == "date")
            let none = try await caseView(app, w, id)
            #expect(none.inventory.count == 1, "nothing refused was stored")
            // Two files of 0.9 MB fill the 2 MB case; the third is refused by the case's limit.
            for i in 0..<2 {
                let (s, _) = try await upload(app, w, id, file: ("part\(i).pdf", "application/pdf", TestFiles.pdf(pages: 1) + Data(repeating: UInt8(0x20 + i), count: 900_000)))
                #expect(s == .created)
            }
            let (s8, b8) = try await upload(app, w, id, file: ("more.pdf", "application/pdf", TestFiles.pdf(pages: 1) + Data(repeating: 0x30, count: 900_000)))
            #expect(s8 == .payloadTooLarge && problem(b8)?.code == "case_too_large")
            let three = try await caseView(app, w, id)
            #expect(three.inventory.count == 3)
        }
    }

    @Test("R13: another body's case, its documents and its files are not found", arguments: TestDatabases.all)
    func otherBody(database: DatabaseLocation) async throws {
        try await withZhauapApp(database: database) { app in
            let w = try await World.make(app)
            let id = try await assigned(app, w)
            _ = try await upload(app, w, id)
            for path in ["case", "case/documents/2", "case/documents/1", "case/inventory", "case/cover"] {
                let (s, _) = try await api.get(app, "api/v1/appeals/\(id)/\(path)", headers: w.auth("outsider"))
                #expect(s == .notFound, "\(path)")
            }
            let (s, _) = try await upload(app, w, id, as: "outsider")
            #expect(s == .notFound)
            let (sw, _) = try await api.act(app, w, id, as: "outsider", #"{"action":"withdraw_document","number":2,"reason":"x"}"#)
            #expect(sw == .notFound)
            let (_, hits) = try await api.get(app, "api/v1/cases?q=01-1", headers: w.auth("outsider"))
            #expect(!String(decoding: hits, as: UTF8.self).contains(id.uuidString))
            let kept = try await caseView(app, w, id)
            #expect(kept.inventory.count == 2 && kept.inventory[1].document.withdrawal == nil)
        }
    }

    @Test("R13: a withdrawn document stays listed, struck through, with its reason, and takes no sheets; the appeal itself cannot be withdrawn")
    func withdraw() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let id = try await assigned(app, w)
            _ = try await upload(app, w, id, file: ("a.pdf", "application/pdf", TestFiles.pdf(pages: 2)))
            _ = try await upload(app, w, id, file: ("b.pdf", "application/pdf", TestFiles.pdf(pages: 1, text: "Other")))
            let (s1, _) = try await api.act(app, w, id, as: "executor", #"{"action":"withdraw_document","number":2,"reason":"Қате тіркелді"}"#)
            #expect(s1 == .ok)
            let view = try await caseView(app, w, id)
            #expect(view.inventory.count == 3 && view.inventory[1].document.withdrawal?.reason == "Қате тіркелді")
            #expect(view.inventory[1].sheetFrom == nil && view.inventory[2].sheetFrom == 2, "the withdrawn one takes no sheets")
            let (s2, b2) = try await api.act(app, w, id, as: "executor", #"{"action":"withdraw_document","number":2,"reason":"again"}"#)
            #expect(s2 == .conflict && problem(b2)?.code == "document_withdrawn")
            let (s3, b3) = try await api.act(app, w, id, as: "executor", #"{"action":"withdraw_document","number":1,"reason":"x"}"#)
            #expect(s3 == .unprocessableEntity && problem(b3)?.code == "document_not_withdrawable")
            let (s4, b4) = try await api.act(app, w, id, as: "executor", #"{"action":"withdraw_document","number":9,"reason":"x"}"#)
            #expect(s4 == .notFound && problem(b4)?.code == "unknown_document")
            let (s5, b5) = try await api.act(app, w, id, as: "registrar", #"{"action":"withdraw_document","number":3,"reason":"x"}"#)
            #expect(s5 == .forbidden && problem(b5)?.code == "forbidden")
            var html = ""
            try await app.testing().test(.GET, "api/v1/appeals/\(id)/case/inventory?lang=ru", headers: w.auth("executor")) { res async throws in
                html = res.body.string
            }
            #expect(html.contains("<s>b.pdf</s>") == false && html.contains("<s>") && html.contains("Изъят: Қате тіркелді"))
            #expect(html.contains("Итого 2 документов, 2 листов."))
        }
    }

    @Test("R13: a document sent is kept exactly as sent — later changes do not regenerate it")
    func frozenWhenSent() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let id = try await assigned(app, w)
            var coupon = ""
            try await app.testing().test(.GET, "api/v1/appeals/\(id)/documents/coupon?lang=kk", headers: w.auth("registrar")) { res async throws in
                coupon = res.body.string
            }
            let (s, _) = try await api.act(app, w, id, as: "registrar", #"{"action":"record_sending","document":"coupon","language":"kk","channel":"post"}"#)
            #expect(s == .ok)
            let view = try await caseView(app, w, id)
            let sent = try #require(view.inventory.last?.document)
            #expect(sent.kind == "generated" && sent.direction == "outgoing" && sent.file?.mediaType == "text/html")
            #expect(view.inventory.last?.titleRu == "Талон о приёме обращения (на казахском)")
            // The term changes afterwards (an extension); the kept coupon does not.
            let (se, _) = try await api.act(app, w, id, as: "head", #"{"action":"extend","until":"2026-07-31","reason":"сараптама"}"#)
            #expect(se == .ok)
            var kept = ""
            try await app.testing().test(.GET, "api/v1/appeals/\(id)/case/documents/\(sent.number)", headers: w.auth("executor")) { res async throws in
                kept = res.body.string
                #expect(res.headers.first(name: "Content-Security-Policy")?.hasPrefix("sandbox") == true)
            }
            #expect(kept == coupon, "the file kept is the document as it was sent")
            var now = ""
            try await app.testing().test(.GET, "api/v1/appeals/\(id)/documents/coupon?lang=kk", headers: w.auth("registrar")) { res async throws in
                now = res.body.string
            }
            #expect(now != kept, "the live view has moved on (the new term)")
        }
    }

    @Test("R20, R21, R40: facts with their evidence; the applicant's arguments as such; unknown or withdrawn evidence is refused")
    func facts() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let id = try await assigned(app, w)
            _ = try await upload(app, w, id)
            let (s1, b1) = try await api.act(app, w, id, as: "executor",
                                              #"{"action":"record_fact","statement":"Учаске бос","statementRu":"Участок свободен","status":"established","bearing":"favours","evidence":[2,1,2]}"#)
            #expect(s1 == .ok, "\(String(decoding: b1, as: UTF8.self))")
            let (s2, _) = try await api.act(app, w, id, as: "executor",
                                             #"{"action":"record_fact","statement":"Өтініш беруші учаскеде 10 жыл тұрады","status":"disputed","bearing":"favours","applicantArgument":true}"#)
            #expect(s2 == .ok)
            let (s3, b3) = try await api.act(app, w, id, as: "executor", #"{"action":"record_fact","statement":"x","status":"established","bearing":"neutral","evidence":[7]}"#)
            #expect(s3 == .notFound && problem(b3)?.code == "unknown_document")
            let (s4, b4) = try await api.act(app, w, id, as: "executor", #"{"action":"record_fact","statement":"  ","status":"established","bearing":"neutral"}"#)
            #expect(s4 == .unprocessableEntity && problem(b4)?.field == "statement")
            let (s5, _) = try await api.act(app, w, id, as: "executor", #"{"action":"revise_fact","number":2,"status":"not_proven","evidence":[2]}"#)
            #expect(s5 == .ok)
            let (s6, b6) = try await api.act(app, w, id, as: "registrar", #"{"action":"record_fact","statement":"x","status":"established","bearing":"neutral"}"#)
            #expect(s6 == .forbidden && problem(b6)?.code == "forbidden")
            let view = try await caseView(app, w, id)
            #expect(view.facts.map(\.number) == [1, 2] && view.facts[0].evidence == [1, 2] && view.facts[1].applicantArgument)
            #expect(view.facts[1].status == "not_proven" && view.facts[1].evidence == [2])
            _ = try await api.act(app, w, id, as: "executor", #"{"action":"withdraw_document","number":2,"reason":"көшірме"}"#)
            let (s7, b7) = try await api.act(app, w, id, as: "executor", #"{"action":"record_fact","statement":"x","status":"established","bearing":"neutral","evidence":[2]}"#)
            #expect(s7 == .conflict && problem(b7)?.code == "document_withdrawn")
        }
    }

    @Test("R22: a request to a body of this installation arrives there registered; its answer comes back into the case; terms, reminders and failures are tracked",
          arguments: TestDatabases.all)
    func requestToAnotherBody(database: DatabaseLocation) async throws {
        let clock = TestClock(pinnedMoment)
        try await withZhauapApp(database: database, clock: clock) { app in
            let w = try await World.make(app)
            let id = try await assigned(app, w)
            let (s1, b1) = try await api.act(app, w, id, as: "executor", #"""
                {"action":"request_assistance","targetBodyId":"\#(w.bodyB.id)","question":"Учаскенің кадастрлық деректерін беруіңізді сұраймыз","questionRu":"Просим предоставить кадастровые сведения об участке"}
                """#)
            #expect(s1 == .ok, "\(String(decoding: b1, as: UTF8.self))")
            var view = try await caseView(app, w, id)
            let r = try #require(view.assistance.first)
            // 15 working days counted from Tuesday 9 June 2026 as its day 1, as the addressee counts its own term (APPC 76(1), [U]).
            #expect(r.due == "2026-06-29" && r.termRuleID == "appc-20-assistance-answer" && r.outcome.status == "awaiting")
            #expect(r.letters.count == 2 && view.inventory.filter { $0.document.kind == "request_letter" }.count == 2, "the letter in kk and ru")
            // Body B has it on its desk as a registered incoming request.
            let incoming = try #require(r.registeredAs)
            let (sb, bb) = try await api.get(app, "api/v1/appeals/\(incoming)", headers: w.auth("outsider"))
            #expect(sb == .ok && String(decoding: bb, as: UTF8.self).contains("\"channel\":\"interagency\""))
            let (sx, _) = try await api.get(app, "api/v1/appeals/\(incoming)", headers: w.auth("executor"))
            #expect(sx == .notFound, "it is body B's appeal")
            let bView = try await caseView(app, w, incoming, as: "outsider")
            #expect(bView.inventory.map(\.document.kind) == ["registration_card", "applicant_file", "applicant_file"], "the letters arrived with it")
            // A reminder is one action, on the trail.
            let (sc, _) = try await api.act(app, w, id, as: "executor", #"{"action":"chase_request","number":1}"#)
            let chased = try await caseView(app, w, id)
            #expect(sc == .ok && chased.assistance[0].chases == ["2026-06-09"])
            // Body B answers; the answer joins A's case as an incoming document and closes the request.
            _ = try await api.act(app, w, incoming, as: "outsider", #"{"action":"assign","executorId":"\#(w.outsider.userID)"}"#)
            _ = try await api.act(app, w, incoming, as: "outsider", #"{"action":"confirm_kind","kind":"request"}"#)
            let (sa, ba) = try await api.act(app, w, incoming, as: "outsider", #"{"action":"answer","textKk":"Кадастрлық нөмірі 01-234","character":"explained"}"#)
            #expect(sa == .ok, "\(String(decoding: ba, as: UTF8.self))")
            view = try await caseView(app, w, id)
            let answer = try #require(view.inventory.last)
            #expect(view.assistance[0].outcome.status == "answered" && view.assistance[0].outcome.document == answer.document.number)
            #expect(answer.document.kind == "request_answer" && answer.document.direction == "incoming")
            let (_, letter) = try await api.get(app, "api/v1/appeals/\(id)/case/documents/\(answer.document.number)", headers: w.auth("executor"))
            #expect(String(decoding: letter, as: UTF8.self).contains("Кадастрлық нөмірі 01-234"))
            let (sd, bd) = try await api.act(app, w, id, as: "executor", #"{"action":"chase_request","number":1}"#)
            #expect(sd == .conflict && problem(bd)?.code == "request_closed")

            // An outside body: past its term it shows on the desk and the head's list; a failure is recorded and the head told.
            let (s2, _) = try await api.act(app, w, id, as: "executor",
                                             #"{"action":"request_assistance","targetName":"Жер кадастры ғылыми-өндірістік орталығы","question":"Сұрақ","workingDays":3}"#)
            #expect(s2 == .ok)
            view = try await caseView(app, w, id)
            #expect(view.assistance[1].due == "2026-06-11" && view.assistance[1].registeredAs == nil, "3 working days: 9, 10, 11 June")
            func alerts(_ who: String, mine: Bool) async throws -> String {
                String(decoding: try await api.get(app, "api/v1/assistance-alerts?mine=\(mine)", headers: w.auth(who)).1, as: UTF8.self)
            }
            let early = try await alerts("head", mine: false)
            #expect(!early.contains("\"overdue\":true"), "before its last day it is not overdue")
            clock.set(pinnedMoment.addingTimeInterval(2 * 86400))  // Thursday 11 June: the due day itself
            let dueDay = try await alerts("head", mine: false)
            #expect(!dueDay.contains("\"overdue\":true"))
            clock.set(pinnedMoment.addingTimeInterval(3 * 86400))  // Friday 12 June: the day after
            let (late, mine, others) = (try await alerts("head", mine: false), try await alerts("executor", mine: true), try await alerts("otherExecutor", mine: true))
            #expect(late.contains("\"overdue\":true") && mine.contains("\"overdue\":true"))
            #expect(!others.contains("\"overdue\":true"), "not on another executor's desk")
            let (sf, _) = try await api.act(app, w, id, as: "executor", #"{"action":"record_request_failure","number":2,"reason":"Орган жауап бермеді"}"#)
            #expect(sf == .ok)
            let head = try await alerts("head", mine: false)
            #expect(head.contains("\"status\":\"failed\"") && head.contains("Орган жауап бермеді"))
            let (sw, bw) = try await api.act(app, w, id, as: "executor", #"{"action":"request_assistance","targetName":"X","question":"Q","workingDays":61}"#)
            #expect(sw == .unprocessableEntity && problem(bw)?.field == "workingDays", "61 working days is beyond the documented 1–60")
        }
    }

    @Test("R23: an expert is involved with a question and a term; the opinion is a document of the case")
    func expert() async throws {
        try await withZhauapApp { app in
            let w = try await World.make(app)
            let id = try await assigned(app, w)
            let (s1, _) = try await api.act(app, w, id, as: "executor", #"{"action":"involve_expert","expert":"Жерге орналастырушы инженер","question":"Шекара дұрыс па?","due":"2026-06-20"}"#)
            #expect(s1 == .ok)
            let (s2, b2) = try await api.act(app, w, id, as: "executor", #"{"action":"involve_expert","expert":"X","question":"Y","due":"2026-06-08"}"#)
            #expect(s2 == .unprocessableEntity && problem(b2)?.code == "due_out_of_range", "the day before today")
            let (s3, _) = try await upload(app, w, id, as: "registrar", path: "experts/1/opinion", fields: [("date", "2026-06-09")])
            #expect(s3 == .created)
            let (s4, b4) = try await upload(app, w, id, path: "experts/1/opinion")
            #expect(s4 == .conflict && problem(b4)?.code == "opinion_recorded")
            let (s5, b5) = try await upload(app, w, id, path: "experts/9/opinion")
            #expect(s5 == .notFound && problem(b5)?.code == "unknown_expert")
            let view = try await caseView(app, w, id)
            #expect(view.inventory.last?.document.kind == "expert_opinion" && view.inventory.count == 2)
        }
    }
}
