/// Recognizes headers of direct patient identifiers (HIPAA Safe Harbor's
/// names, dates of birth, SSNs, addresses, phone numbers, e-mail addresses,
/// member and policy numbers), which are never stored.
enum IdentifierColumns {
    private static let fragments = [
        "patientname", "ptname", "patname", "firstname", "lastname", "middlename", "fullname", "surname",
        "givenname", "guarantor", "subscriber", "insured", "policyholder", "dateofbirth", "birthdate",
        "birthdt", "birthday", "ssn", "socialsecurity", "address", "street", "city", "zip", "postal",
        "phone", "mobile", "telephone", "fax", "email", "memberid", "memberno", "membernumber", "policyno",
        "policynumber", "policyid", "insuranceid", "medicaidid", "medicareid", "medicarenumber",
        "medicaidnumber", "hicn", "license", "beneficiary",
    ]
    private static let exact: Set = ["name", "patient", "pt", "dob", "mbi", "zip", "ptdob", "patientdob"]
    private static let organizational = [
        "provider", "physician", "doctor", "coder", "payer", "insurance", "plan", "carrier", "facility",
        "location", "department", "dept", "specialty", "practice", "clinic", "file", "user", "procedure",
        "diagnosis", "modifier", "service", "referring", "billing", "attending", "rendering", "code",
        "class", "employer", "group", "place",
    ]

    /// The headers of a patient number (MRN, account number…): an identifier in
    /// any file that does not pseudonymize it as its patient column.
    private static let patientNumbers = Set(
        ColumnSpec.encounterColumns.first { $0.name == "patient_id" }!.aliases.map(ColumnSpec.normalize))

    /// Whether a normalized header names a direct identifier.
    static func looksLikeIdentifier(_ normalized: String) -> Bool {
        if exact.contains(normalized) || patientNumbers.contains(normalized) || normalized.hasSuffix("dob") {
            return true
        }
        if fragments.contains(where: normalized.contains) { return true }
        if normalized.contains("name") {
            return !organizational.contains(where: normalized.contains)
        }
        return false
    }
}
