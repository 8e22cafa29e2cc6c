import FluentKit
import Vapor
import WorkingCalendar
import ZhauapDomain
import ZhauapService
import ZhauapStorage

/// Turns every error into an RFC 9457 `application/problem+json` response (or, for a browser asking for a
/// page, an error page in the reader's language with the same status). This is the only place that
/// assigns HTTP statuses to errors. A 5xx never shows internals: the detail is generic and the
/// error is logged with the request id only (never request data, which may hold personal data).
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let e as any AbortError where (300..<400).contains(e.status.code) {
            // A page asking the browser to go elsewhere (e.g. to sign in) is not an error.
            return Response(status: e.status, headers: e.headers)
        } catch {
            let problem = Self.problem(for: error)
            if problem.status.code >= 500 {
                request.logger.error("request failed: \(String(reflecting: type(of: error)))",
                                     metadata: ["path": .string(request.url.path)])
                // The full error only at debug level: it may quote stored data.
                request.logger.debug("request failure detail: \(String(reflecting: error))")
            }
            if ErrorPage.wanted(request), let page = await ErrorPage.render(request, problem: problem) {
                return page
            }
            let response = Self.response(problem, instance: request.url.path)
            if let m = error as? MethodNotAllowed.MethodError { response.headers.replaceOrAdd(name: .allow, value: m.allow) }
            return response
        }
    }

    static func response(_ p: APIError, instance: String) -> Response {
        let body = ProblemDetails(type: "/problems/\(p.code)", title: p.status.reasonPhrase, status: Int(p.status.code),
                                  detail: p.detail, code: p.code, field: p.field, instance: instance, problems: p.problems)
        let response = Response(status: p.status)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        response.body = .init(data: (try? encoder.encode(body)) ?? Data())
        response.headers.contentType = ProblemDetails.defaultContentType
        if let wait = p.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(wait)) }
        return response
    }

    static func problem(for error: any Error) -> APIError {
        switch error {
        case let e as APIError:
            return e
        case let e as CalendarError:
            return calendarProblem(e)
        case let e as ProcedureError:
            return procedureProblem(e)
        case let e as ServiceError:
            switch e {
            case .notFound: return APIError(.notFound, code: "not_found", detail: "no such appeal")
            case .invalidExecutor: return APIError(.unprocessableEntity, code: "invalid_executor",
                                                   detail: "the executor must be an executor of this body", field: "executorId")
            case .invalidTarget: return APIError(.unprocessableEntity, code: "invalid_target",
                                                 detail: "the target must be another body of this installation", field: "targetBodyId")
            case .missingFile: return APIError(.unprocessableEntity, code: "file_required", detail: "the step's file was not sent with it", field: "file")
            }
        case PDFRenderer.Failure.unavailable:
            // This server is configured without PDF output: it has no PDF to offer (406), only the HTML print view.
            return APIError(.notAcceptable, code: "pdf_unavailable",
                            detail: "PDF output is off on this server (no Chromium); the HTML print view is available")
        case CaseExporter.Failure.joinerUnavailable:
            return APIError(.serviceUnavailable, code: "export_unavailable", detail: "qpdf is not installed on this server: the case cannot be joined and numbered")
        case CaseExporter.Failure.failed(let why):
            return APIError(.serviceUnavailable, code: "export_failed", detail: "the case could not be exported: \(why); try again")
        case PDFRenderer.Failure.failed:
            return APIError(.serviceUnavailable, code: "pdf_failed", detail: "the document could not be printed to PDF; try again")
        case let e as LawError:
            return lawProblem(e)
        case StorageError.concurrentChange:
            return APIError(.conflict, code: "concurrent_change", detail: "the appeal was changed meanwhile; reload and try again")
        case let e as any DatabaseError where e.isConstraintFailure:
            return APIError(.conflict, code: "concurrent_change", detail: "the change conflicts with another one; reload and try again")
        case let e as DecodingError:
            return APIError(.badRequest, code: "malformed_body", detail: decodingDetail(e))
        case let e as any AbortError:
            let code: String = switch e.status {
            case .notFound: "not_found"
            case .methodNotAllowed: "method_not_allowed"
            case .payloadTooLarge: "payload_too_large"
            case .unsupportedMediaType: "unsupported_media_type"
            case .unauthorized: "unauthorized"
            case .forbidden: "forbidden"
            default: e.status.code < 500 ? "bad_request" : "internal_error"
            }
            let detail = e.status.code < 500 ? e.reason : "the server could not complete the request"
            return APIError(e.status, code: code, detail: detail)
        default:
            return APIError(.internalServerError, code: "internal_error", detail: "the server could not complete the request")
        }
    }

    static func procedureProblem(_ e: ProcedureError) -> APIError {
        let status: HTTPResponseStatus = switch e {
        case .forbidden: .forbidden
        case .invalidState, .noPendingRecusal, .noPendingExtension, .extensionAlreadyRequested, .requestClosed, .opinionRecorded,
             .documentWithdrawn, .notFlagged, .normAlreadyApplied, .normNotApplied, .hearingNotPlanned, .hearingNotApplicable, .hearingConcluded,
             .deliveryRecorded, .noDraft, .objectionNotOpen, .noAct, .adoptionBlocked, .actHasErrors, .warningsNotAcknowledged, .approvalPending,
             .nothingToComplainAbout, .complaintGoesToCourt, .complaintPassed, .noHigherBody, .exportRequired: .conflict
        case .unknownDocument, .unknownFact, .unknownRequest, .unknownExpert, .unknownComplaint: .notFound
        // The term rules in force are incomplete: the installation's configuration, not the request.
        case .noTermRule, .noHearingRule: .serviceUnavailable
        default: .unprocessableEntity
        }
        let field: String? = switch e {
        case .missingField(let f): f
        case .extensionTooLong, .notLater, .notWorkingDay: "until"
        case .invalidAmount: "workingDays"
        case .groundNotApplicable, .mustForwardAtOnce: "ground"
        case .documentNotAvailable: "document"
        case .dateOutOfRange: "sentOn"
        case .beforeRulesInForce: "receivedAt"
        case .unknownSpecialRule: "special"
        case .languageNotProduced: "language"
        case .forwardToSelf: "targetBodyId"
        case .unknownArea: "area"
        case .fileRequired: "file"
        case .invalidDocumentKind: "kind"
        case .invalidSheets: "sheets"
        case .unknownDocument, .documentWithdrawn, .documentNotWithdrawable, .unknownFact, .unknownRequest, .requestClosed, .unknownExpert,
             .opinionRecorded: "number"
        case .dueOutOfRange: "due"
        case .actKindNotAllowed: "kind"
        case .unknownWarning: "code"
        case .unknownComplaint, .complaintPassed: "complaint"
        case .unknownNorm, .normAlreadyApplied, .normNotApplied: "norm"
        case .normNotInForce: "relevantOn"
        case .unknownPrecondition: "precondition"
        case .unknownEvidenceFact: "facts"
        case .unknownEvidenceDocument: "evidence"
        case .unknownParticipant: "participant"
        case .unknownSending, .deliveryRecorded: "sending"
        case .deliveryOutOfRange: "deliveredOn"
        case .dayOutOfRange(let f, _), .invalidTime(let f), .textTooLong(let f, _): f
        case .objectionWindowClosed: "text"
        case .unknownArgument: "number"
        case .protocolNotForWritten: "form"
        case .omissionNotAllowed: "reason"
        default: nil
        }
        return APIError(status, code: e.code, detail: e.description, field: field)
    }

    static func lawProblem(_ e: LawError) -> APIError {
        switch e {
        case .forbidden: APIError(.forbidden, code: "forbidden", detail: "only the installation's administrator edits the registry of normative acts")
        case .invalid(let problems):
            APIError(.unprocessableEntity, code: "invalid_registry", detail: "the registry has \(problems.count) problem(s); nothing was stored",
                     problems: problems)
        case .notFound: APIError(.notFound, code: "unknown_norm", detail: "no such act or norm in the registry")
        }
    }

    static func calendarProblem(_ e: CalendarError) -> APIError {
        switch e {
        case .invalidDate: APIError(.badRequest, code: "invalid_date", detail: e.description)
        case .outOfRange: APIError(.unprocessableEntity, code: "date_out_of_range", detail: e.description)
        case .invalidAmount: APIError(.badRequest, code: "invalid_amount", detail: e.description, field: "amount")
        case .invalidData: APIError(.unprocessableEntity, code: "invalid_calendar_data", detail: e.description)
        }
    }

    static func decodingDetail(_ e: DecodingError) -> String {
        switch e {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "the body is not valid JSON" : "\(path): \(c.debugDescription)"
        @unknown default:
            return "the body could not be read"
        }
    }
}
