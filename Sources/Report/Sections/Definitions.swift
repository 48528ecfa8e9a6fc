/// Every figure in the report, in plain words, with its formula (the exports'
/// column definitions are in docs/metrics.md).
struct Definition {
    var term: String
    var words: String
    var formula: String
}

extension Definition {
    static func all(toleranceText: String) -> [Definition] {
        [
            Definition(
                term: "Month",
                words: "Every figure counts services whose date of service falls in the month, except productivity, "
                    + "which counts the month the coding was done (the coded-at date, else the date of service).",
                formula: "service_date in [first day, first day of next month)"),
            Definition(
                term: "Encounter accuracy",
                words: "Of the encounters auditors reviewed, the share in which every code was right.",
                formula: "encounters whose findings are all agree ÷ encounters audited"),
            Definition(
                term: "Code accuracy",
                words: "Of every code auditors reviewed (procedures, diagnoses, modifiers), the share that was right.",
                formula: "1 − codes in error ÷ codes reviewed"),
            Definition(
                term: "95% confidence interval",
                words: "The range that holds the true accuracy with 95% confidence, given how many codes were "
                    + "reviewed (Wilson score interval). Fewer than 30 codes reviewed is marked as a small sample: "
                    + "its interval is too wide to judge by.",
                formula: "(p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) ÷ (1 + z²/n), z = 1.96"),
            Definition(
                term: "Overcoded and undercoded amounts",
                words: "For procedure findings, what the audited codes would pay at the contract rate minus what the "
                    + "submitted codes would pay. Positive differences are undercoding (money left unbilled); "
                    + "negative ones are overcoding (money at risk of repayment).",
                formula: "delta = rate × units (audited) − rate × units (submitted)"),
            Definition(
                term: "Net financial impact",
                words: "Undercoded minus overcoded. Below zero means the practice billed more than the documentation "
                    + "supports.",
                formula: "Σ positive deltas − Σ |negative deltas|"),
            Definition(
                term: "Encounters coded",
                words: "Encounters the coders coded in the month (by the day the work was done).",
                formula: "Σ encounters coded over coders"),
            Definition(
                term: "Encounters per hour",
                words: "Encounters coded per hour worked, over the coders whose hours are known (from the hours "
                    + "file, else from the encounters' coding minutes).",
                formula: "Σ encounters coded ÷ Σ hours, coders with hours"),
            Definition(
                term: "Turnaround",
                words: "Whole days from the date of service to the day the encounter was coded; the median and the "
                    + "90th percentile (nearest rank) per coder.",
                formula: "date(coded_at) − service_date"),
            Definition(
                term: "Expected, allowed and variance",
                words: "Expected is the contract rate for the payer, code and modifier on the date of service times "
                    + "the units. Variance compares it with what the payer allowed, over lines that have both.",
                formula: "variance = allowed − expected; variance rate = variance ÷ expected"),
            Definition(
                term: "Underpaid amount",
                words: "Over lines the payer allowed more than \(toleranceText) below the contract rate, how much "
                    + "below it they were.",
                formula: "Σ (expected − allowed) where allowed < expected − \(toleranceText)"),
            Definition(
                term: "Pending and no-rate lines",
                words: "A pending line has no allowed amount yet; a no-rate line has no contract rate in the fee "
                    + "schedule for its payer, code and date. Neither counts in expected, allowed or variance.",
                formula: "pending: allowed blank; no rate: no fee-schedule match"),
        ] + edits + [
            Definition(
                term: "Remitted line",
                words: "A service line that a payer's 835 remittance answered: the claim's patient control number "
                    + "(CLP01) is the encounter id, and the remitted line has the same code (as billed), modifiers "
                    + "and date of service, the same charge breaking a tie.",
                formula: "encounter_id = CLP01 (letter case ignored); code, modifiers, date (then charge) alike"),
            Definition(
                term: "Remitted allowed and paid",
                words: "What the payers' 835s say of the remitted lines, summed over every payment of a line "
                    + "(a reversal counts negative). Allowed is the 835's allowed amount, else paid plus the "
                    + "patient's share. Reimbursement variance uses these for remitted lines, the export's otherwise.",
                formula: "paid = Σ SVC03; allowed = Σ AMT*B6, else Σ (SVC03 + PR adjustments)"),
            Definition(
                term: "Denied line and denial rate",
                words: "A remitted line is denied when nothing was paid on it and the payer adjusted it for a reason "
                    + "other than the contract fee (group CO, OA or PI, reason not 45); its reason is that of the "
                    + "largest such adjustment. The denial rate counts remitted lines only.",
                formula: "denial rate = denied lines ÷ remitted lines"),
            Definition(
                term: "Denied charge",
                words: "What the practice charged for its denied lines, from the encounter export.",
                formula: "Σ charge of denied lines"),
            Definition(
                term: "Days to payment",
                words: "Whole days from the date of service to the payment date (BPR16) of the first remittance "
                    + "that answered the line, paid or denied; the median and the 90th percentile (nearest rank) "
                    + "over the payer's remitted lines.",
                formula: "BPR16 of the first payment − service_date"),
            Definition(
                term: "Unmatched claims",
                words: "Claims in the payers' 835s, for services in the month, whose patient control number is no "
                    + "encounter id of the store; counted by the payer name the 835 gives.",
                formula: "claims where CLP01 ∉ encounter ids, by N1*PR"),
            Definition(
                term: "E/M level mix and flags",
                words: "Each provider's office and outpatient visits by level, against the practice's mix. A provider "
                    + "is flagged when a level with at least 20 of their visits in a category differs from the "
                    + "practice's share by 15 percentage points or more: a pattern to review, not a finding.",
                formula: "share = level visits ÷ provider's visits in the category; flag: visits ≥ 20 and "
                    + "|share − practice share| ≥ 0.15"),
            Definition(
                term: "Error categories",
                words: "The category the auditor gave each finding that was not agree, most frequent first; the line "
                    + "shows the running share, so the few categories behind most errors stand out.",
                formula: "cumulative share = Σ findings up to this category ÷ all findings"),
        ]
    }
}
