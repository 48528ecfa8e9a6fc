/// The automated edits (SPEC 8) and their figures, in plain words.
extension Definition {
    static let edits: [Definition] = [
        Definition(
            term: "Automated edits",
            words: "Checks that codeaudit runs over every encounter of the month, as a payer's claim scrubber "
                + "would, by the rules in force on the date of service. A flag marks coding to review; it is not "
                + "a finding of error, and an edit table imported later applies to earlier months too.",
            formula: "edits: ptp, mue, excludes1, mod25, new_patient"),
        Definition(
            term: "Procedure pair billed together (ptp)",
            words: "CMS's NCCI procedure-to-procedure edits: two lines for the same patient, provider and date whose "
                + "codes form a pair in force (column 1 and column 2), unless the pair allows a modifier and a line "
                + "carries one of NCCI's (such as 59, XU, 25, LT or RT). The column 2 line is the one not paid.",
            formula: "modifier indicator 0, or 1 without an NCCI modifier; at risk = column 2's rate × units"),
        Definition(
            term: "Units above the limit (mue)",
            words: "CMS's medically unlikely edits: the most units of a code one provider bills for one patient; "
                + "per line, or per day when the table says so. The units above the limit are at risk.",
            formula: "units > MUE value; at risk = rate × (units − MUE value)"),
        Definition(
            term: "Diagnoses that exclude each other (excludes1)",
            words: "Two diagnosis codes on one encounter where ICD-10-CM's Excludes1 note of one names the other: "
                + "the two conditions cannot be reported together. A diagnosis carries no charge, so nothing is "
                + "counted at risk.",
            formula: "code B in the Excludes1 notes of code A (or of a category above it)"),
        Definition(
            term: "Modifier 25 with no other procedure (mod25)",
            words: "An E/M visit billed with modifier 25 (a separate visit on the day of a procedure) on an encounter "
                + "with no procedure beside it. No amount is counted at risk.",
            formula: "E/M line with 25, and every other line of the encounter an E/M"),
        Definition(
            term: "New-patient visit for a returning patient (new_patient)",
            words: "A new-patient office visit (99202–99205) for a patient the same specialty billed an E/M visit "
                + "for in the three years before. At risk: the new-patient rate above the established-patient rate "
                + "of the same level.",
            formula: "earlier E/M within 1,095 days; at risk = rate(9920x) − rate(9921x)"),
        Definition(
            term: "Flag rate",
            words: "The share of the month's encounters that at least one edit flags, with its 95% confidence "
                + "interval (Wilson score). A flag about two encounters (a PTP pair or MUE units across two visits) "
                + "flags both.",
            formula: "encounters flagged ÷ encounters"),
        Definition(
            term: "At risk",
            words: "What the payer would likely not pay, or ask back, if the flagged coding stands, at the contract "
                + "rate. Flags without an amount (Excludes1, modifier 25, or a missing rate) are not in the sum.",
            formula: "Σ at-risk amounts of the flags that have one"),
        Definition(
            term: "Flagged and unflagged error rates",
            words: "Of the audited encounters the edits flagged, the share the auditors found an error in, against "
                + "the same share for the audited encounters the edits did not flag. A higher rate among flagged "
                + "encounters means the edits point to where errors are.",
            formula: "audited flagged in error ÷ audited flagged; audited unflagged in error ÷ audited unflagged"),
    ]
}
