import Foundation
import StepChangeKit

extension CommandContext {
    /// Today as the user's local calendar day (`YYYY-MM-DD`), from the command's clock.
    var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: time.now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
