import Analytics
import Foundation
import GRDB
import Ingest
import TestSupport

/// A hand-made October 2026 in which each edit of SPEC 8 fires, and the cases
/// next to each one where it must not.
///
/// PTP edits (column 1 / column 2): 93000/93005 indicator 0; 99214/96372
/// indicator 1; 11042/97597 indicator 1, deleted 2026-10-10; 99213/36415
/// indicator 9. MUE: 97110 line edit, 6 from 2026-01-01 and 4 from 2026-07-01;
/// 36415 date-of-service (policy) 1; 96372 date-of-service (clinical) 2.
/// Rates (`*`, per unit): 93005 20.00 (93005-59: 99.00, never an edit's rate),
/// 96372 25.00, 99213 90.00, 99214 130.00, 99204 170.00, 97110 30.00, 36415 10.00;
/// none for 97597 or 99203.
enum EditsFixture {
    static let october = Month("2026-10")!

    static let encounters = [
        "encounter_id,service_date,patient_id,provider,specialty,coder,payer,procedure_code,modifiers,units,"
            + "diagnosis_codes",
        // ptp, indicator 0: 59 does not let the pair through
        "E01,2026-10-05,P01,Dr Adams,Family Medicine,alice,Aetna,93000,,1,I10",
        "E01,2026-10-05,P01,Dr Adams,Family Medicine,alice,Aetna,93005,59,1,I10",
        // ptp, indicator 1 without a modifier; 96372's 2 units are within its MUE of 2
        "E02,2026-10-05,P02,Dr Adams,Family Medicine,alice,Aetna,99214,,1,I10",
        "E02,2026-10-05,P02,Dr Adams,Family Medicine,alice,Aetna,96372,,2,I10",
        // indicator 1 with XU: no ptp; 25 with another procedure: no mod25
        "E03,2026-10-06,P03,Dr Adams,Family Medicine,bob,Aetna,99214,25,1,I10",
        "E03,2026-10-06,P03,Dr Adams,Family Medicine,bob,Aetna,96372,XU,1,I10",
        // an edit deleted 2026-10-10: in force on the 7th, not on the 12th
        "E04,2026-10-07,P04,Dr Baker,Family Medicine,bob,Aetna,11042,,1,I10",
        "E04,2026-10-07,P04,Dr Baker,Family Medicine,bob,Aetna,97597,,1,I10",
        "E05,2026-10-12,P05,Dr Baker,Family Medicine,bob,Aetna,11042,,1,I10",
        "E05,2026-10-12,P05,Dr Baker,Family Medicine,bob,Aetna,97597,,1,I10",
        // two visits of one patient on one day by one provider: a ptp pair across encounters
        "E06,2026-10-14,P06,Dr Adams,Family Medicine,alice,Aetna,99214,,1,I10",
        "E07,2026-10-14,P06,Dr Adams,Family Medicine,chen,Aetna,96372,,1,I10",
        // MUE line edit: 5 units against the July file's 4 (the January file allowed 6)
        "E09,2026-10-15,P09,Dr Cole,Family Medicine,dana,Aetna,97110,,5,I10",
        // MUE date-of-service edit: one unit in each of two visits the same day, against 1
        "E10,2026-10-15,P10,Dr Cole,Family Medicine,dana,Aetna,36415,,1,I10",
        "E11,2026-10-15,P10,Dr Cole,Family Medicine,chen,Aetna,36415,,1,I10",
        // Excludes1: E11 excludes E10.-
        "E12,2026-10-16,P12,Dr Adams,Family Medicine,alice,Aetna,99213,,1,E11.9;E10.9",
        // modifier 25 on the only procedure
        "E13,2026-10-19,P13,Dr Baker,Family Medicine,bob,Aetna,99213,25,1,I10",
        // new patient with an E/M of the same specialty exactly 1,095 days before
        "E14,2026-10-20,P14,Dr Adams,Family Medicine,alice,Aetna,99204,,1,I10",
        "H14,2023-10-21,P14,Dr Baker,Family Medicine,bob,Aetna,99213,,1,I10",
        // new patient whose earlier visits are 1,096 days before, in another specialty, or the same day
        "E15,2026-10-20,P15,Dr Adams,Family Medicine,alice,Aetna,99203,,1,I10",
        "H15,2023-10-20,P15,Dr Adams,Family Medicine,alice,Aetna,99214,,1,I10",
        "D15,2026-01-05,P15,Dr Dunn,Dermatology,alice,Aetna,99213,,1,I10",
        "E16,2026-10-20,P15,Dr Baker,Family Medicine,bob,Aetna,99213,,1,I10",
        // indicator 9: no edit; one unit of 36415 is within its MUE
        "E17,2026-10-21,P17,Dr Cole,Family Medicine,dana,Aetna,99213,,1,I10",
        "E17,2026-10-21,P17,Dr Cole,Family Medicine,dana,Aetna,36415,,1,I10",
    ]

    static let fees = [
        "payer,procedure_code,modifier,amount",
        "*,93005,,20.00", "*,93005,59,99.00", "*,96372,,25.00", "*,99213,,90.00", "*,99214,,130.00",
        "*,99204,,170.00", "*,97110,,30.00", "*,36415,,10.00",
    ]

    /// E01, E05 and E13 have errors; E02 and E03 agree.
    static let audits = [
        "encounter_id,auditor,audit_date,code_type,submitted_code,audited_code",
        "E01,R. Patel,2026-11-02,CPT,93000,93000", "E01,R. Patel,2026-11-02,CPT,93005,",
        "E02,R. Patel,2026-11-02,CPT,99214,99214", "E02,R. Patel,2026-11-02,CPT,96372,96372",
        "E03,R. Patel,2026-11-02,CPT,99214,99214", "E05,R. Patel,2026-11-02,CPT,97597,97598",
        "E13,R. Patel,2026-11-02,CPT,99213,99213", "E13,R. Patel,2026-11-02,MOD,25,",
    ]

    static let ptp: [(String, String, String, String?, Int)] = [
        ("93000", "93005", "2010-01-01", nil, 0), ("99214", "96372", "2010-01-01", nil, 1),
        ("11042", "97597", "2010-01-01", "2026-10-10", 1), ("99213", "36415", "2010-01-01", nil, 9),
    ]

    static let mue: [(String, String, Int, Int)] = [
        ("97110", "2026-01-01", 6, 1), ("97110", "2026-07-01", 4, 1), ("36415", "2026-07-01", 1, 2),
        ("96372", "2026-07-01", 2, 3),
    ]

    static func workspace(ptp: Bool = true, mue: Bool = true) throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.load(.encounters, encounters)
        try workspace.load(.fees, fees)
        try workspace.load(.audits, audits)
        if ptp { try workspace.loadPTP(Self.ptp) }
        if mue { try workspace.loadMUE(Self.mue) }
        return workspace
    }
}

extension TestWorkspace {
    /// Imports PTP edits (column 1, column 2, effective, deletion, indicator) as a
    /// practitioner PTP file in CMS's tab-delimited layout.
    func loadPTP(_ edits: [(String, String, String, String?, Int)]) throws {
        func day(_ text: String) -> String { text.replacingOccurrences(of: "-", with: "") }
        let rows = edits.map { edit in
            [edit.0, edit.1, "", day(edit.2), edit.3.map(day) ?? "*", String(edit.4), "Mutually exclusive procedures"]
                .joined(separator: "\t")
        }
        let text =
            ([
                "CPT codes only are copyright 2025 American Medical Association. All rights reserved.",
                "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\t"
                    + "Modifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale",
            ] + rows).joined(separator: "\r\n") + "\r\n"
        let outcome = try importFile(write("ccipra-f1.txt", text), kind: .ptp) { $0.writeRejectsFile = false }
        guard outcome.counts.rowsRejected == 0 else {
            throw RejectedRows(rejects: outcome.firstRejects.map { "line \($0.line): \($0.reason)" })
        }
    }

    /// Imports MUE values (code, effective, value, adjudication indicator), one
    /// practitioner MUE table in CMS's layout per effective date.
    func loadMUE(_ values: [(String, String, Int, Int)]) throws {
        let indicators = [
            1: "1 Line Edit", 2: "2 Date of Service Edit: Policy", 3: "3 Date of Service Edit: Clinical",
        ]
        for effective in Set(values.map(\.1)).sorted() {
            let rows = values.filter { $0.1 == effective }.map { "\($0.0),\($0.2),\(indicators[$0.3]!),Clinical data" }
            let text =
                ([
                    "\"CPT codes only are copyright 2025 American Medical Association. All rights reserved.\",,,",
                    "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale",
                ] + rows).joined(separator: "\r\n") + "\r\n"
            let outcome = try importFile(write("mue-\(effective).csv", text), kind: .mue) { options in
                options.writeRejectsFile = false
                options.effectiveDate = CalendarDay(parsing: effective)
            }
            guard outcome.counts.rowsRejected == 0 else {
                throw RejectedRows(rejects: outcome.firstRejects.map { "line \($0.line): \($0.reason)" })
            }
        }
    }
}
