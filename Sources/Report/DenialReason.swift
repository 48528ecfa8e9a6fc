/// A denial reason as the 835 gives it (`CO-97`: claim adjustment group and
/// reason code), with what it means in plain words for a practice manager.
///
/// The descriptions are our own short paraphrases of the most common claim
/// adjustment reason codes (CARC), not X12's code list text; a code not listed
/// here is named as such, so the reader knows to look it up.
///
/// ```swift
/// DenialReason("CO-97").reasonWords  // "paid as part of another service on the claim (bundled)"
/// ```
struct DenialReason: Equatable {
    /// `CO`, `PR`, `OA`, `PI` or `CR` (or whatever the file said).
    var group: String
    /// `97`.
    var code: String

    /// Who bears the amount, in words; the group code itself when it is not one of the five.
    var groupWords: String {
        Self.groups[group] ?? (group.isEmpty ? "no group code" : "group \(group)")
    }

    /// What the reason code means, in words.
    var reasonWords: String {
        Self.reasons[code] ?? "reason \(code) (not in this report's short list: see the X12 CARC list)"
    }

    /// Whether `reasonWords` is one of ours rather than the fallback.
    var isDescribed: Bool { Self.reasons[code] != nil }

    static let groups = [
        "CO": "contractual obligation (the practice writes it off)",
        "PR": "patient responsibility",
        "OA": "other adjustment",
        "PI": "payer-initiated reduction",
        "CR": "correction or reversal",
    ]

    /// The most common claim adjustment reason codes, in our own words.
    static let reasons = [
        "1": "the patient's deductible",
        "2": "the patient's coinsurance share",
        "3": "the patient's copay",
        "4": "the modifier is missing or does not fit the procedure",
        "5": "the procedure does not fit the place of service or bill type",
        "6": "the procedure does not fit the patient's age",
        "11": "the diagnosis does not support the procedure",
        "15": "the authorization number is missing, wrong or for another service",
        "16": "information is missing or wrong on the claim (the remark codes say what)",
        "18": "already billed: a duplicate claim or service",
        "22": "another payer may have to pay first (coordination of benefits)",
        "23": "reduced by what an earlier payer already paid or adjusted",
        "27": "the patient's coverage had ended before the date of service",
        "29": "billed after the payer's deadline for claims",
        "31": "the payer cannot find the patient among its members",
        "45": "the charge is above the contracted or allowed fee",
        "50": "the payer did not find the service medically necessary",
        "96": "a service the plan does not cover",
        "97": "paid as part of another service on the claim (bundled)",
        "109": "not this payer's to pay: bill the right payer or contractor",
        "119": "the plan's limit for this benefit has been used up",
        "151": "the payer finds the number or frequency of services not supported",
        "167": "the plan does not cover this diagnosis",
        "181": "the procedure code was not valid on the date of service",
        "197": "no prior authorization or precertification was on file",
        "204": "not covered by the patient's current benefit plan",
        "236": "not allowed with another procedure billed the same day (a correct-coding edit)",
        "242": "not given by a provider of the plan's network",
        "253": "sequestration: the federal across-the-board cut to Medicare payments",
    ]
}

extension DenialReason {
    /// Splits `CO-97` at its first hyphen; a reason without one is all code.
    init(_ reason: String) {
        guard let hyphen = reason.firstIndex(of: "-") else {
            self.init(group: "", code: reason)
            return
        }
        self.init(group: String(reason[..<hyphen]), code: String(reason[reason.index(after: hyphen)...]))
    }
}
