/// Who may do what (one pure policy for the API, the pages and the CLI).
public enum Permissions {
    /// Whether `actor` may perform `action` (an `AppealCommand.name`, or `register`/`view`) on `appeal`.
    /// Appeals of other bodies are never reachable: the caller answers 404 for them before asking here.
    public static func allows(_ action: String, actor: Actor, appeal: Appeal?) -> Bool {
        let roles = actor.roles
        let assigned = roles.contains(.executor) && appeal?.executorID == actor.userID
        let head = roles.contains(.head)
        switch action {
        case "view": return !roles.isEmpty
        case "register": return roles.contains(.registrar) || head
        case "assign", "resolve_uncorrected", "decide_recusal", "terminate", "extend", "decide_extension": return head
        // An executor asks; a head extends directly (APPC 76(2)).
        case "request_extension": return assigned && !head
        case "record_completeness", "receive_correction": return assigned || head || roles.contains(.registrar)
        case "return_for_correction", "confirm_kind", "forward": return assigned || head
        case "request_recusal": return assigned || head || roles.contains(.registrar)
        case "record_sending": return assigned || head || roles.contains(.registrar)
        case "answer": return assigned
        default: return false
        }
    }

    /// The actions this actor may take on this appeal in its current state, for pages and the API.
    public static func available(actor: Actor, appeal: Appeal) -> [String] {
        let byState: [String] = switch appeal.state {
        case .registered: ["assign", "record_completeness", "return_for_correction", "confirm_kind", "forward", "request_recusal", "terminate",
                           "extend", "request_extension"]
        case .underConsideration: ["assign", "record_completeness", "return_for_correction", "confirm_kind", "forward", "request_recusal",
                                   "terminate", "extend", "request_extension", "answer"]
        case .awaitingCorrection: ["receive_correction", "resolve_uncorrected", "terminate", "extend", "request_extension"]
        case .forwarded, .terminated, .answered: []
        }
        let always = ["record_sending"]  // R46: sendings are recorded in every state, final ones too
        let extensionPending = appeal.extensionRequest?.isPending == true
        var out = (byState + always).filter { allows($0, actor: actor, appeal: appeal) && !($0 == "request_extension" && extensionPending) }
        if extensionPending && appeal.state.isOpen && allows("decide_extension", actor: actor, appeal: appeal) {
            out.append("decide_extension")
        }
        if appeal.recusal?.decision == nil && appeal.recusal != nil && allows("decide_recusal", actor: actor, appeal: appeal) {
            out.append("decide_recusal")
        }
        return out
    }
}
