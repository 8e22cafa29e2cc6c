import Foundation
import Vapor
import ZhauapService
import ZhauapWeb

extension Application {
    /// Now on the application's clock (pinned in tests).
    public var now: Date { appealService.now() }
}
