import Foundation

/// 835 files for tests: one interchange, one group, one transaction whose
/// BPR02 is the sum of its claims' CLP04 and whose SE counts its segments.
public enum Remittance835 {
    /// The file's text: `claims` are each a CLP loop's segments without terminators.
    public static func file(payer: String, payerID: String, trace: String, paidOn: String, claims: [[String]]) -> String
    {
        let paidCents = claims.compactMap(\.first).reduce(Int64(0)) { sum, clp in
            sum + cents(clp.split(separator: "*", omittingEmptySubsequences: false)[4])
        }
        let body =
            [
                "ST*835*0001",
                "BPR*I*\(amount(paidCents))*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*\(paidOn)",
                "TRN*1*\(trace)*\(payerID)", "N1*PR*\(payer)", "N1*PE*RIVERBEND MEDICAL GROUP*XX*1234567893", "LX*1",
            ] + claims.flatMap { $0 }
        let segments =
            ["GS*HP*PAYER*PRACTICE*20261101*0930*7*X*005010X221A1"] + body
            + ["SE*\(body.count + 1)*0001", "GE*1*7", "IEA*1*000000007"]
        return
            "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       *261101*0930*^*00501*000000007*0*P*:~\n"
            + segments.map { $0 + "~\n" }.joined()
    }

    private static func cents(_ text: Substring) -> Int64 {
        let negative = text.hasPrefix("-")
        let parts = text.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
        let value = Int64(parts[0])! * 100 + fraction
        return negative ? -value : value
    }

    private static func amount(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + "\(magnitude / 100)" + (fraction == 0 ? "" : String(format: ".%02d", fraction))
    }
}
