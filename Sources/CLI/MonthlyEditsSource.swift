import Analytics
import Edits

/// The month's edits (SPEC 8) that `report` and `export edits|edit_rates` write.
///
/// For now no flag and no rate: the Edits computation over the store replaces
/// this body, and every caller goes through here, so that is the one change.
func monthlyEdits(_ analytics: Analytics, month: Month) throws -> MonthlyEdits {
    MonthlyEdits(month: month, flags: [], rates: [], ptpImported: false, mueImported: false)
}
