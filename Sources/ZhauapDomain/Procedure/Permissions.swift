import Foundation

/// Who may do what: derived from each step's own declaration (`ProcedureStep.who`, `allowedIn`,
/// `isOffered`), one policy for the API, the pages and the CLI.
public enum Permissions {
    /// Whether `actor`'s roles let them take `action` on `appeal` (in some state). Appeals of other bodies
    /// are never reachable: the caller answers 404 for them before asking here.
    public static func allows(_ action: Action, actor: Actor, appeal: Appeal?) -> Bool {
        action.step.who.admits(actor, appeal: appeal)
    }

    /// An administrator manages their own body only; an installation administrator manages every body.
    public static func mayAdminister(_ actor: Actor, bodyID: UUID) -> Bool {
        actor.roles.contains(.installationAdmin) || (actor.roles.contains(.admin) && actor.bodyID == bodyID)
    }

    /// Creating bodies, the calendar and the norms are the installation's, not one body's.
    public static func administersInstallation(_ actor: Actor) -> Bool { actor.roles.contains(.installationAdmin) }

    /// Whether the person administers anything (the admin pages are open to them).
    public static func administers(_ actor: Actor) -> Bool { actor.roles.contains(.admin) || actor.roles.contains(.installationAdmin) }

    /// Law "On personal data": the IIN/BIN is shown in full only to the head and to the executor assigned
    /// to the appeal; everyone else sees it masked. One rule for the pages, the API and every document.
    public static func seesIdentificationNumber(_ actor: Actor, appeal: Appeal) -> Bool {
        actor.roles.contains(.head) || (actor.roles.contains(.executor) && appeal.executorID == actor.userID)
    }

    /// The applicant as `actor` may see them: the IIN/BIN masked unless the rule above allows it.
    public static func applicant(of appeal: Appeal, for actor: Actor) -> Applicant {
        guard !seesIdentificationNumber(actor, appeal: appeal) else { return appeal.applicant }
        var p = appeal.applicant
        p.iin = p.iin.map { IdentificationNumber($0, kind: .iin).masked }
        p.bin = p.bin.map { IdentificationNumber($0, kind: .bin).masked }
        return p
    }

    /// APPC 64: a registrar or a head registers.
    public static func mayRegister(_ actor: Actor) -> Bool { Register.who.admits(actor, appeal: nil) }

    /// The actions this actor may take on this appeal now, in the order `Action` lists them.
    public static func available(actor: Actor, appeal: Appeal) -> [Action] {
        Action.allCases.filter { action in
            let step = action.step
            return step.allowedIn.contains(appeal.state) && step.who.admits(actor, appeal: appeal) && step.isOffered(on: appeal)
        }
    }
}
