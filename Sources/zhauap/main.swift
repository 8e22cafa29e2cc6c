import Foundation
import ZhauapCLI

exit(await ZhauapCLI.main())
