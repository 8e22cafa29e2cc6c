import Foundation
import WorkingCalendar

/// One step of the procedure. Each step declares its name, the states it may be taken in, who may take
/// it, and applies itself; `Action` lists every step once, and the permission policy, the allowed
/// actions, the API's decoding and the pages are derived from that list.
public protocol ProcedureStep: Sendable, Hashable, Decodable {
    static var action: Action { get }
    /// The states the step may be taken in.
    static var allowedIn: Set<AppealState> { get }
    /// Who may take the step.
    static var who: Who { get }
    /// Whether the step adds a file to the case (it is sent with the file, not as a JSON action).
    static var takesFile: Bool { get }
    /// Whether a client may send it to `POST /appeals/{id}/actions` (false: the server takes it itself).
    static var viaActions: Bool { get }
    /// Whether the step reads the registry of normative acts (the service loads it into the context).
    static var needsLaw: Bool { get }
    /// Whether the step reads the body that decides complaints about this one (the service loads it).
    static var needsHigherBody: Bool { get }
    /// Whether the step is offered on this appeal beyond its state (e.g. only while a request waits).
    static func isOffered(on appeal: Appeal) -> Bool
    /// Changes the appeal; returns what happened and what the service must do besides storing it.
    func apply(to appeal: inout Appeal, context: ProcedureContext) throws(ProcedureError) -> StepOutcome
}

extension ProcedureStep {
    public static func isOffered(on appeal: Appeal) -> Bool { true }
    public static var takesFile: Bool { false }
    public static var viaActions: Bool { !takesFile }
    public static var needsLaw: Bool { false }
    public static var needsHigherBody: Bool { false }
}

/// What a step did: the trail entries, and the effects the service carries out in the same transaction.
public struct StepOutcome: Sendable, Hashable {
    public var events: [AppealEvent]
    public var effects: [Effect]
    /// The case document the step added, if any.
    public var document: Int?

    public init(_ events: [AppealEvent], effects: [Effect] = []) {
        self.events = events
        self.effects = effects
    }
}

/// Work a step needs done outside the appeal itself, in the same transaction as the step.
public enum Effect: Sendable, Hashable {
    /// The person must be an executor of the appeal's body (or the step is refused).
    case requireExecutor(UUID)
    /// Register the appeal (or the forwarded demands) in another body of this installation as a new
    /// appeal with the given id, keeping the original moment of receipt (APPC 65, R6).
    case registerForwarded(targetBodyID: UUID, newAppealID: UUID, demands: [String]?)
    /// Keep this file's bytes in the database under its SHA-256: `content`, or the file handed to the service with the step.
    case storeFile(StoredFile, content: Data?)
    /// Register a request for assistance in another body of this installation, as an incoming request
    /// whose answer comes back to the requesting case (R22).
    case registerAssistanceRequest(targetBodyID: UUID, newAppealID: UUID, link: AssistanceLink)
    /// This appeal was another body's request for assistance: its answer goes back into that body's case.
    case returnAssistanceAnswer(AssistanceLink)
    /// The person must be someone of the appeal's body (an approver of the act).
    case requireColleague(UUID)
    /// Register the complaint in the higher body of this installation with the case export attached (APPC 91(4)).
    case registerComplaint(targetBodyID: UUID, newAppealID: UUID, link: ComplaintLink, export: Int)
    /// This appeal was a complaint passed by another body: the decision goes back into that body's case (APPC 100).
    case returnComplaintDecision(ComplaintLink)
}

/// The roles a step is open to. `assignedExecutor` means an executor assigned to this very appeal.
public struct Who: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let registrar = Who(rawValue: 1 << 0)
    public static let assignedExecutor = Who(rawValue: 1 << 1)
    public static let head = Who(rawValue: 1 << 2)
    /// Closed to a head even when another role would open it (a head decides, and does not ask himself).
    public static let notHead = Who(rawValue: 1 << 3)
    /// The body's administrator or the installation's (the command line's case export).
    public static let administrator = Who(rawValue: 1 << 4)
    /// The applicant, through the public tracking page with the appeal's number and the coupon's code.
    public static let applicant = Who(rawValue: 1 << 5)
    /// Someone of the body named as an approver of the act's draft, while the current revision awaits them (R44).
    public static let actApprover = Who(rawValue: 1 << 6)

    public func admits(_ actor: Actor, appeal: Appeal?) -> Bool {
        let roles = actor.roles
        if actor.userID == Actor.applicantID { return contains(.applicant) && appeal.map { $0.bodyID == actor.bodyID } ?? false }
        if contains(.notHead) && roles.contains(.head) { return false }
        if contains(.head) && roles.contains(.head) { return true }
        if contains(.registrar) && roles.contains(.registrar) { return true }
        if contains(.administrator) && !roles.isDisjoint(with: [.admin, .installationAdmin]) { return true }
        if contains(.actApprover), let appeal, appeal.act?.awaitsApproval(by: actor.userID) == true { return true }
        // APPC 9: while a recusal request waits, the executor it concerns takes no step.
        if contains(.assignedExecutor) && roles.contains(.executor), let appeal, appeal.executorID == actor.userID,
           !appeal.recusalPending { return true }
        return false
    }
}

extension ProcedureStep {
    /// A required text must say something.
    static func nonEmpty(_ text: String?, _ field: String) throws(ProcedureError) {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .missingField(field) }
    }
}

extension Appeal {
    /// Closes the active terms of `purposes` on `day`.
    mutating func close(_ purposes: Set<TermPurpose>, _ status: AppealTerm.Status = .met, on day: CivilDate) {
        for i in terms.indices where purposes.contains(terms[i].purpose) && terms[i].status == .active {
            terms[i].status = status
            terms[i].closedOn = day
        }
    }
}
