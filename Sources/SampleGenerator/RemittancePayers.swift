/// How one payer sends its electronic remittance advice: its ids, its payment
/// days and lag, and how its clearinghouse lays out the 835 files.
struct RemittancePayer: Sendable {
    let payer: SamplePayer
    /// The payer in file names: `lakeshore-mutual`.
    let slug: String
    /// CLP06: `MB` Medicare Part B, `MC` Medicaid, `CI` commercial insurance.
    let filingIndicator: String
    /// TRN03 and BPR10: `1` and the payer's (invented) tax id.
    let payerID: String
    /// ISA06 and GS02.
    let senderID: String
    let address: (street: String, city: String, state: String, zip: String)
    /// Days from service to payment.
    let lag: ClosedRange<Int>
    /// The weekdays it pays on (0 Sunday … 6 Saturday), bank holidays excepted.
    let paymentWeekdays: Set<Int>
    /// What follows each segment terminator: nothing, `\n` or `\r\n`.
    let lineBreak: String
    /// Each payment in its own interchange (ISA…IEA), or one interchange for the month's file.
    let interchangePerPayment: Bool
    /// Whether SVC05 is written when it is 1 (it may be left out).
    let writesSingleUnits: Bool
    /// CLP07: a prefix, the service year's last two digits, then random digits.
    let claimNumber: (prefix: String, digits: Int)
    /// NM1*QC09: `#` a digit, `!` a digit but 0, `@` a letter, `?` either; anything else as it is.
    let memberIDPattern: String
    /// PR reason of the patient's share: `2` coinsurance, `3` copay.
    var shareReason: String {
        if case .copay = payer.costSharing { "3" } else { "2" }
    }

    /// Whether the payer pays on `day`.
    func paysOn(_ day: SampleDay) -> Bool {
        paymentWeekdays.contains(day.weekday) && PracticeCalendar.isWorkingDay(day)
    }

    /// The payer's payment days from `first` through `last`.
    func paymentDays(from first: SampleDay, through last: SampleDay) -> [SampleDay] {
        guard first <= last else { return [] }
        return (first.ordinal...last.ordinal).map(SampleDay.init(ordinal:)).filter(paysOn)
    }

    /// The slow payer (a planted pattern): Medicaid pays 45–60 days after the visit; the others 12–25.
    static let slow = medicaid

    static let medicare = RemittancePayer(
        payer: Roster.medicare, slug: "medicare", filingIndicator: "MB", payerID: "1990000101",
        senderID: "MACJ99PARTB", address: ("PO BOX 100871", "COLUMBUS", "OH", "432180871"), lag: 12...25,
        paymentWeekdays: [1, 2, 3, 4, 5], lineBreak: "\n", interchangePerPayment: true, writesSingleUnits: true,
        claimNumber: ("22", 11), memberIDPattern: "!@?#@?#@@##")
    static let medicaid = RemittancePayer(
        payer: Roster.medicaid, slug: "medicaid", filingIndicator: "MC", payerID: "1990000202",
        senderID: "STMEDICAIDFI", address: ("PO BOX 4410", "SPRINGFIELD", "IL", "627084410"), lag: 45...60,
        paymentWeekdays: [3], lineBreak: "\n", interchangePerPayment: false, writesSingleUnits: true,
        claimNumber: ("9", 14), memberIDPattern: "##########")
    static let lakeshore = RemittancePayer(
        payer: Roster.lakeshore, slug: "lakeshore-mutual", filingIndicator: "CI", payerID: "1990000303",
        senderID: "LAKESHOREMUT", address: ("200 HARBOR WAY", "MILWAUKEE", "WI", "532020200"), lag: 12...25,
        paymentWeekdays: [2, 5], lineBreak: "", interchangePerPayment: false, writesSingleUnits: false,
        claimNumber: ("LM", 10), memberIDPattern: "LKM#########")
    static let pinecrest = RemittancePayer(
        payer: Roster.pinecrest, slug: "pinecrest-health-plan", filingIndicator: "CI", payerID: "1990000404",
        senderID: "PINECRESTHP", address: ("77 TIMBERLINE DR", "BEND", "OR", "977010077"), lag: 12...25,
        paymentWeekdays: [4], lineBreak: "\r\n", interchangePerPayment: false, writesSingleUnits: true,
        claimNumber: ("PH", 11), memberIDPattern: "PHP########01")

    /// The payers that remit; self-pay patients pay at the front desk.
    static let all = [medicare, medicaid, lakeshore, pinecrest]

    /// The profile of a payer, nil for self-pay.
    static func of(_ payer: SamplePayer) -> RemittancePayer? { all.first { $0.payer == payer } }
}

/// The practice as payee (N1*PE) and interchange receiver (invented ids).
enum RemittancePayee {
    static let name = "Riverbend Medical Group"
    /// A group NPI (the Luhn check digit over the 80840 prefix holds).
    static let npi = "1234567893"
    static let taxID = "990000001"
    static let receiverID = "RIVERBENDMG"
    static let address = (street: "410 RIVERBEND PKWY", city: "DAYTON", state: "OH", zip: "454020410")
    /// The last day of the practice's fiscal year (PLB02).
    static let fiscalYearEnd = "20261231"
}
