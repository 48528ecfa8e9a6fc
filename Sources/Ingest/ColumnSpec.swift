/// A canonical input column and the header names that stand for it.
public struct ColumnSpec: Sendable {
    /// The canonical name, as in the spec and in `--mapping` files.
    public var name: String
    public var required: Bool
    /// Header names that mean this column, most preferred first, as people
    /// write them; they are compared normalized (see `ColumnSpec.normalize`).
    public var aliases: [String]
    /// For columns that take several headers (`Dx1`…`Dx12`): name stems that
    /// take a number from 1 to `numberedUpTo`.
    public var numberedStems: [String]
    public var numberedUpTo: Int

    public init(
        _ name: String, required: Bool = false, aliases: [String], numberedStems: [String] = [],
        numberedUpTo: Int = 0
    ) {
        self.name = name
        self.required = required
        self.aliases = aliases
        self.numberedStems = numberedStems
        self.numberedUpTo = numberedUpTo
    }

    /// Whether several headers may feed this column.
    public var takesSeveralHeaders: Bool { !numberedStems.isEmpty }

    /// A header name lower-cased, without spaces, `_`, `-`, `.`, `#` and `/`.
    public static func normalize(_ header: String) -> String {
        String(
            header.lowercased().unicodeScalars.filter { !" \t_-.#/".unicodeScalars.contains($0) }
                .map(Character.init))
    }
}

extension ColumnSpec {
    /// The columns of a coded-encounter export (SPEC 3.1).
    public static let encounterColumns: [ColumnSpec] = [
        ColumnSpec(
            "encounter_id", required: true,
            aliases: [
                "encounter_id", "Encounter ID", "Encounter", "Encounter Number", "Enc #", "Enc No", "Enc ID",
                "Visit ID", "Visit", "Visit Number", "Visit No", "Claim ID", "Claim Number", "Claim No", "Claim",
                "CSN", "Contact Serial Number", "Ticket Number", "Ticket", "Superbill Number",
            ]),
        ColumnSpec(
            "service_date", required: true,
            aliases: [
                "service_date", "Date of Service", "DOS", "Service Date", "From Date", "Service From Date",
                "DOS From", "From DOS", "Visit Date", "Encounter Date", "Svc Date", "Date From",
            ]),
        ColumnSpec(
            "patient_id", required: true,
            aliases: [
                "patient_id", "MRN", "Patient ID", "Account Number", "Patient Account", "Patient Account Number",
                "Medical Record Number", "Account No", "Acct No", "Acct", "Patient Number", "Pt ID",
                "Person ID", "Chart Number", "Chart No", "Enterprise ID",
            ]),
        ColumnSpec(
            "provider", required: true,
            aliases: [
                "provider", "Rendering Provider", "Rendering Provider Name", "Provider", "Provider Name",
                "Servicing Provider", "Performing Provider", "Rendering Physician", "Physician", "Doctor",
                "Clinician", "Rendering NPI", "Provider NPI", "NPI",
            ]),
        ColumnSpec(
            "specialty",
            aliases: [
                "specialty", "Provider Specialty", "Specialty", "Rendering Provider Specialty", "Department",
                "Dept", "Department Name", "Service Department",
            ]),
        ColumnSpec(
            "coder",
            aliases: [
                "coder", "Coder", "Coded By", "Coder ID", "Coder Name", "Coder User", "Charge Entry User",
                "Charge Entered By", "Entered By",
            ]),
        ColumnSpec(
            "payer",
            aliases: [
                "payer", "Payer", "Payer Name", "Primary Payer", "Insurance", "Insurance Name", "Primary Insurance",
                "Primary Insurance Name", "Primary Carrier", "Carrier", "Insurance Plan", "Plan",
                "Financial Class",
            ]),
        ColumnSpec(
            "place_of_service",
            aliases: ["place_of_service", "POS", "Place of Service", "POS Code", "Place of Service Code"]),
        ColumnSpec(
            "procedure_code", required: true,
            aliases: [
                "procedure_code", "CPT", "CPT/HCPCS", "HCPCS", "Procedure Code", "Proc Code", "CPT Code",
                "HCPCS Code", "CPT/HCPCS Code", "Service Code", "Procedure", "Proc", "CPT HCPCS",
            ]),
        ColumnSpec(
            "modifiers",
            aliases: ["modifiers", "Modifier", "Modifiers", "Mod", "Mods", "CPT Modifier", "CPT Modifiers"],
            numberedStems: ["Mod", "Modifier", "CPT Modifier", "HCPCS Modifier", "Proc Modifier", "Mod Code"],
            numberedUpTo: 4),
        ColumnSpec(
            "units",
            aliases: [
                "units", "Units", "Qty", "Quantity", "Days/Units", "Days or Units", "Unit", "Service Units",
                "Units of Service",
            ]),
        ColumnSpec(
            "diagnosis_codes", required: true,
            aliases: [
                "diagnosis_codes", "ICD-10", "ICD10 Codes", "ICD-10 Codes", "ICD-10-CM", "ICD-10-CM Codes",
                "ICD Codes", "Dx", "Dx Codes", "Dxs", "Diagnosis Codes", "Diagnoses", "Diagnosis",
                "Diagnosis Code", "Primary Diagnosis", "Principal Diagnosis", "Primary Dx",
            ],
            numberedStems: [
                "Dx", "Diagnosis", "Diag", "Dx Code", "Diagnosis Code", "ICD", "ICD10", "ICD-10 Code",
                "ICD10 Dx", "ICD Code",
            ],
            numberedUpTo: 12),
        ColumnSpec(
            "charge",
            aliases: [
                "charge", "Charge", "Charges", "Billed Amount", "Fee", "Charge Amount", "Total Charge",
                "Amount Billed", "Billed",
            ]),
        ColumnSpec(
            "allowed",
            aliases: [
                "allowed", "Allowed", "Allowed Amount", "Contractual Allowed", "Allowed Amt", "Allowable",
                "Allowed Amount Total",
            ]),
        ColumnSpec(
            "paid",
            aliases: [
                "paid", "Paid", "Payment", "Insurance Paid", "Paid Amount", "Payments", "Insurance Payment",
                "Payment Amount", "Total Paid", "Ins Paid",
            ]),
        ColumnSpec(
            "coded_at",
            aliases: [
                "coded_at", "Coded Date", "Coded At", "Charge Entry Date", "Posted Date", "Date Coded",
                "Coded On", "Post Date", "Charge Post Date", "Entry Date", "Charge Entry Date/Time",
            ]),
        ColumnSpec(
            "coding_minutes",
            aliases: [
                "coding_minutes", "Coding Minutes", "Time Spent", "Minutes", "Coding Time",
                "Time Spent (Minutes)", "Coding Time (Minutes)",
            ]),
    ]
}
