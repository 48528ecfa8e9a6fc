/// The CPT and HCPCS Level II codes the sample practice bills, by number
/// only (CPT descriptors are the AMA's and never appear here), with the
/// practice's reference rate and its charge.
enum ProcedureCatalog {
    /// Reference rate per unit in cents (about the Medicare physician fee
    /// schedule's national amount); payers' contract rates are factors of it.
    static let referenceCents: [String: Int64] = [
        // Office E/M, new and established
        "99202": 7_246, "99203": 11_231, "99204": 16_818, "99205": 22_143,
        "99211": 2_308, "99212": 5_612, "99213": 9_156, "99214": 12_941, "99215": 18_213,
        "G2211": 1_605,
        // Preventive and screening
        "99385": 11_820, "99386": 13_714, "99387": 14_802, "99395": 10_911, "99396": 11_803, "99397": 12_806,
        "G0438": 17_012, "G0439": 13_044, "G0444": 1_912,
        // Labs, tests, vaccines
        "36415": 300, "36416": 310, "80053": 1_044, "80061": 1_319, "83036": 972, "85025": 766,
        "93000": 1_621, "93005": 812, "90686": 2_145, "90471": 1_826,
        // Office procedures
        "69210": 4_012, "17110": 12_019, "20610": 6_315, "20605": 5_247, "20550": 5_502, "J3301": 162,
        "J1030": 352,
        // Orthopedics
        "73030": 3_412, "73562": 4_018, "73610": 3_306, "73110": 3_614, "72100": 3_718,
        "25600": 39_015, "27786": 42_208, "29125": 5_517, "29515": 6_019,
        // Dermatology
        "17000": 6_833, "17003": 713, "11102": 10_512, "11103": 6_014, "11104": 13_520, "11900": 6_011,
        "11402": 17_014, "17311": 64_018, "17312": 35_307,
    ]

    /// Codes no contract prices: their lines have no expected amount.
    static let withoutContractRate: Set<String> = ["96127", "L3908", "99024"]

    /// What the practice charges per unit: about 2.4 times the reference
    /// rate, rounded up to whole dollars; set charges for the codes without one.
    static func chargeCents(_ code: String) -> Int64 {
        switch code {
        case "96127": return 2_500
        case "L3908": return 6_500
        case "99024": return 0
        default:
            let reference = referenceCents[code]!
            return (reference * 24 / 10 + 99) / 100 * 100
        }
    }

    /// The contract rate of a payer for a code on a day, in cents per unit;
    /// nil for codes without one.
    static func contractCents(_ code: String, payer: SamplePayer, on day: SampleDay) -> Int64? {
        guard let reference = referenceCents[code] else { return nil }
        var rate = scaled(reference, perMille: payer.rateFactor)
        if let raise = payer.raise, day >= raise.day { rate = scaled(rate, perMille: 1000 + raise.perMille) }
        return rate
    }

    /// `cents` × `perMille` / 1000, rounded half up.
    static func scaled(_ cents: Int64, perMille: Int) -> Int64 {
        (cents * Int64(perMille) + 500) / 1000
    }

    static let newVisits = ["99202", "99203", "99204", "99205"]
    static let establishedVisits = ["99211", "99212", "99213", "99214", "99215"]

    static func isOfficeVisit(_ code: String) -> Bool {
        newVisits.contains(code) || establishedVisits.contains(code)
    }

    /// The code one level up or down in the same E/M category, if there is one.
    static func emLevel(_ code: String, by step: Int) -> String? {
        for levels in [newVisits, establishedVisits] {
            if let index = levels.firstIndex(of: code), levels.indices.contains(index + step) {
                return levels[index + step]
            }
        }
        return nil
    }

    /// The established-patient code of a new-patient code's level (99203 → 99213).
    static func establishedLevel(of code: String) -> String? {
        newVisits.firstIndex(of: code).map { establishedVisits[$0 + 1] }
    }

    /// HCPCS Level II: a letter and four digits.
    static func isHCPCS(_ code: String) -> Bool { code.first.map { $0.isLetter } ?? false }
}
