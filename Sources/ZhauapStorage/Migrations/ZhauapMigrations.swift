import FluentKit

/// Every migration, in the order it must run. New migrations are appended, never reordered.
public enum ZhauapMigrations {
    public static var all: [any Migration] {
        [CreateCalendarOverrides(), CreateOrganisation(), CreateAppeals(), CreateLoginFailures(), AddUserLanguage(), AddSessionEpoch(),
         AddAppealReportColumns(), AddAppealReportIndexes(), MoveTermsAndSendings(), AddWorklistColumns(), AddPositionRuAndContacts(), CreateIdentificationReads(),
         CreateWebSessions(), CreateSignInAttempts(), AddTrailCoverage(), CreateCaseFile(), CreateSearchIndex(), AddApplicantKey(),
         ReshapeSearchIndex(), CreateLawRegistry(), AddSendingDelivery(), AddOpenArguments(), IndexWaitingArguments(), IndexApplicantRecent()]
    }
}
