/// Grounds to terminate the procedure or leave the appeal without consideration (APPC 70, 88; R8).
public enum TerminationGround: String, Sendable, Hashable, Codable, CaseIterable {
    /// Simplified appeals: the essence is not stated.
    case essenceNotStated = "essence_not_stated"
    /// Simplified appeals: repeated, no new arguments, earlier ones checked and answered.
    case repeatedWithoutNewArguments = "repeated_without_new_arguments"
    /// Simplified appeals: no signature and no postal address — except reports of crimes or threats.
    case authorshipUnknown = "authorship_unknown"
    /// Returned to the applicant (deficiency not remedied in time, R4).
    case returned
    /// Left without consideration after an uncorrected deficiency (R4).
    case leftWithoutConsideration = "left_without_consideration"
    /// The applicant withdrew it.
    case withdrawn
    /// A court act in force on the same person, subject and grounds.
    case courtActInForce = "court_act_in_force"
    /// The body already decided a case for the participant on the same subject and grounds.
    case alreadyDecided = "already_decided"
    /// Another ground provided by law (the note must cite it).
    case otherLaw = "other_law"

    /// Grounds that apply only to reports, proposals, responses and requests.
    public var simplifiedOnly: Bool {
        [.essenceNotStated, .repeatedWithoutNewArguments, .authorshipUnknown].contains(self)
    }
}
