/// Builds 835 files in memory, for tests that need a shape no fixture has
/// (a huge segment, 20,000 lines) or counts computed rather than typed.
enum RemittanceText {
    /// A standard 106-character ISA with control number `control` (9 digits).
    static func interchangeHeader(control: String = "000000901") -> String {
        "ISA*00*          *00*          *ZZ*ACMEHEALTHPLAN *ZZ*SUNNYSIDECLINIC*260320*0930*^*00501*\(control)*0*P*:~"
    }

    /// One transaction: ST, BPR paying `amount`, TRN, N1*PR, `body`, and an SE
    /// that counts them. Segments without terminators.
    static func transaction(control: String, amount: String, trace: String, body: [String]) -> [String] {
        let head = [
            "ST*835*\(control)",
            "BPR*I*\(amount)*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20260320",
            "TRN*1*\(trace)*1512345678", "N1*PR*ACME HEALTH PLAN",
        ]
        let segments = head + body
        return segments + ["SE*\(segments.count + 1)*\(control)"]
    }

    /// A claim of one line paid in full but for a patient share.
    static func claim(_ encounter: String, charge: Int = 120, paid: Int = 100) -> [String] {
        [
            "CLP*\(encounter)*1*\(charge)*\(paid)*\(charge - paid)*12*CLM-\(encounter)",
            "SVC*HC:99213*\(charge)*\(paid)**1", "DTM*472*20260302", "CAS*PR*3*\(charge - paid)",
        ]
    }

    /// A whole file: one interchange with one group holding `transactions`,
    /// each segment followed by `~` and `lineEnd`.
    static func file(_ transactions: [[String]], lineEnd: String = "\n") -> String {
        let segments =
            ["GS*HP*ACMEHEALTHPLAN*SUNNYSIDECLINIC*20260320*0930*901*X*005010X221A1"]
            + transactions.flatMap { $0 } + ["GE*\(transactions.count)*901", "IEA*1*000000901"]
        return interchangeHeader() + lineEnd + segments.map { $0 + "~" + lineEnd }.joined()
    }
}
