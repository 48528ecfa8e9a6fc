import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ingest

/// SPEC 3 and 3.1: headers match by alias after normalization, `--mapping`
/// covers other exports, and identifier-looking columns are never stored.
@Suite struct HeaderMappingTests {
    // MARK: - Normalization and aliases

    @Test(arguments: [
        ("Enc #", "enc"), ("Days/Units", "daysunits"), ("Patient_ID", "patientid"),
        ("Date-Of.Service", "dateofservice"),
        ("ICD-10", "icd10"), ("  CPT Code ", "cptcode"), ("PROVIDER", "provider"),
    ])
    func headerNormalizationIgnoresCaseSpacesAndPunctuation(header: String, normalized: String) {
        // Given a header as exports write it; Then it normalizes to the form aliases are compared in
        #expect(ColumnSpec.normalize(header) == normalized)
    }

    @Test func headersMatchWhateverTheirCaseAndPunctuation() throws {
        // Given canonical names written with other case, spaces and punctuation
        let header = ["ENCOUNTER-ID", "Service.Date", "patient id", "PROVIDER #", "procedure/code", "Diagnosis_Codes"]
        let imported = try ImportedFile(
            header: header, rows: [["E1", "2026-10-01", "MRN001", "Dr Demo", "99213", "I10"]])
        // Then every one is matched and the row loads
        #expect(imported.outcome.counts.rowsLoaded == 1)
        #expect(imported.outcome.ignoredColumns.isEmpty)
        #expect(try imported.texts("SELECT external_id || provider FROM encounter") == ["E1Dr Demo"])
    }

    @Test(arguments: AliasCase.all)
    func aliasFeedsItsCanonicalColumn(_ alias: AliasCase) throws {
        // Given the canonical file with one header replaced by an alias
        let header = CanonicalHeader.encounters.split(separator: ",").map {
            $0 == alias.column ? alias.alias : String($0)
        }
        let workspace = try TestWorkspace()
        let path = try workspace.write(
            "e.csv", csvFile([header.joined(separator: ","), encounterLine([alias.column: alias.value])]))
        // When it is imported
        let outcome = try workspace.importEncounters(path)
        // Then the alias feeds its column and the value lands there
        #expect(outcome.counts.rowsLoaded == 1)
        #expect(outcome.columns.contains("\(alias.column) ← \"\(alias.alias)\""))
        var expected = alias.stored
        if alias.column == "patient_id" {
            expected = PatientPseudonymizer(key: workspace.key).pseudonym(for: alias.value)
        }
        #expect(try workspace.texts(alias.query) == [expected])
    }

    @Test(arguments: [("Mod ", "Dx"), ("Modifier ", "Diagnosis "), ("Modifier", "Diagnosis Code ")])
    func numberedModifierAndDiagnosisColumns(modStem: String, dxStem: String) throws {
        // Given Mod 1…Mod 4 and Dx1…Dx12 headers (one blank of each)
        let codes = [
            "E11.9", "I10", "E78.5", "Z00.00", "J45.909", "M54.50", "K21.9", "F41.1", "N39.0", "R51.9", "Z79.4", "",
        ]
        let mods = ["25", "59", "", "lt"]
        let header =
            ["Encounter ID", "DOS", "MRN", "Provider", "CPT"] + (1...4).map { "\(modStem)\($0)" }
            + (1...12).map { "\(dxStem)\($0)" }
        let imported = try ImportedFile(
            header: header, rows: [["E1", "2026-10-01", "MRN001", "Dr Demo", "99213"] + mods + codes])
        // Then the modifiers and diagnoses are stored in column order
        #expect(imported.outcome.counts.rowsLoaded == 1)
        #expect(try imported.texts("SELECT modifier_1 || modifier_2 || modifier_3 FROM encounter_line") == ["2559LT"])
        #expect(
            try imported.texts("SELECT code FROM encounter_diagnosis ORDER BY position")
                == codes.dropLast().map { $0.replacingOccurrences(of: ".", with: "") })
    }

    @Test(arguments: ["E11.9;I10", "E11.9,I10", "E11.9|I10", "E11.9 I10", " E11.9 ;  I10 "])
    func severalCodesInOneCell(cell: String) throws {
        // Given diagnoses and modifiers separated the same way in one cell
        let modifiers = cell.replacingOccurrences(of: "E11.9", with: "25").replacingOccurrences(of: "I10", with: "59")
        let imported = try ImportedFile(lines: [encounterLine(["diagnosis_codes": cell, "modifiers": modifiers])])
        // Then each code is stored on its own
        #expect(try imported.texts("SELECT code FROM encounter_diagnosis ORDER BY position") == ["E119", "I10"])
        #expect(try imported.texts("SELECT modifier_1 || modifier_2 FROM encounter_line") == ["2559"])
    }

    // MARK: - --mapping

    @Test(arguments: [true, false])
    func mappingFileNamesTheHeaders(listValues: Bool) throws {
        // Given an export whose headers match no alias, and a mapping naming them
        let header = [
            "Ticket Ref", "Svc Dt", "Pt Key", "Doc", "Line Item", "Mod A", "Mod B", "Dx Primary", "Dx Secondary",
        ]
        let mods = listValues ? #"["Mod A", "Mod B"]"# : #""Mod A""#
        let dx = listValues ? #"["Dx Primary", "dx-secondary"]"# : #""Dx Primary""#
        let imported = try ImportedFile(
            header: header, rows: [["T9", "2026-10-01", "P42", "Dr Map", "99214", "25", "59", "E11.9", "I10"]],
            mapping: #"{"encounter_id": "ticket ref", "service_date": "Svc Dt", "patient_id": "Pt Key", "#
                + #""provider": "Doc", "procedure_code": "Line Item", "modifiers": \#(mods), "diagnosis_codes": \#(dx)}"#
        )
        // Then the values land in the mapped columns; unmapped headers are ignored
        #expect(imported.outcome.counts.rowsLoaded == 1)
        #expect(try imported.texts("SELECT external_id || ' ' || provider FROM encounter") == ["T9 Dr Map"])
        #expect(
            try imported.texts(
                "SELECT procedure_code || ' ' || modifier_1 || ' ' || coalesce(modifier_2, '-') FROM encounter_line")
                == [listValues ? "99214 25 59" : "99214 25 -"])
        #expect(
            try imported.texts("SELECT code FROM encounter_diagnosis ORDER BY position")
                == (listValues ? ["E119", "I10"] : ["E119"]))
        #expect(imported.outcome.ignoredColumns == (listValues ? [] : ["Mod B", "Dx Secondary"]))
    }

    @Test(arguments: [
        (#"{"provider": "Rendering Doc"}"#, #"'provider' is mapped to the header "Rendering Doc", which "#),
        (#"{"visit": "encounter_id"}"#, "'visit' is not a column of this import; the columns are encounter_id, "),
        (#"{"provider": ["provider", "coder"]}"#, "'provider' takes one header, not a list"),
    ])
    func badMappingIsRejectedAndNothingIsStored(mapping: String, reason: String) throws {
        // Given a canonical file and a mapping that does not fit it
        let workspace = try TestWorkspace()
        let path = try workspace.write("e.csv", encounterFile([encounterLine()]))
        let mappingPath = try workspace.write("mapping.json", mapping)
        let columnMapping = try ColumnMapping(path: mappingPath)
        // When it is imported
        let error = #expect(throws: IngestError.self) {
            try workspace.importEncounters(path) { $0.mapping = columnMapping }
        }
        // Then it fails as a mapping error (exit 65) and the store is untouched
        guard case .mapping(let file, let message) = error else {
            Issue.record("expected IngestError.mapping, got \(String(describing: error))")
            return
        }
        #expect(file == mappingPath)
        #expect(message.hasPrefix(reason))
        #expect(error?.exitCode == 65)
        #expect(try workspace.contentSnapshot().isEmpty)
    }

    @Test func mappingThatIsNotJSONIsRejected() throws {
        // Given a mapping file that is not JSON; Then reading it is a mapping error naming the file
        let workspace = try TestWorkspace()
        let path = try workspace.write("mapping.json", "encounter_id = Visit")
        #expect {
            _ = try ColumnMapping(path: path)
        } throws: { error in
            guard case IngestError.mapping(let file, _) = error else { return false }
            return file == path
        }
    }

    @Test func missingRequiredColumnsAreNamed() throws {
        // Given a file without provider and diagnosis columns
        let workspace = try TestWorkspace()
        let path = try workspace.write("e.csv", "Visit ID,DOS,MRN,CPT,Coder\nE1,2026-10-01,MRN001,99213,jlee\n")
        // When it is imported
        let error = #expect(throws: IngestError.self) { try workspace.importEncounters(path) }
        // Then the error names both columns, exits 65, and nothing is stored
        guard case .missingColumns(_, let columns, let header) = error else {
            Issue.record("expected IngestError.missingColumns, got \(String(describing: error))")
            return
        }
        #expect(columns.map(\.name) == ["provider", "diagnosis_codes"])
        #expect(header == ["Visit ID", "DOS", "MRN", "CPT", "Coder"])
        #expect(error?.exitCode == 65)
        #expect(try workspace.contentSnapshot().isEmpty)
    }

    @Test(arguments: [
        ["Visit ID", "DOS", "MRN", "Provider", "CPT", "Dx", "Provider"],
        ["Visit ID", "DOS", "MRN", "Provider", "CPT", "Dx", "PROVIDER"],
    ])
    func twoHeadersOfOneNameFeedingAColumnAreRefused(header: [String]) throws {
        // Given two provider columns of one name (as headers match), which disagree
        let workspace = try TestWorkspace()
        let path = try workspace.write(
            "e.csv", header.joined(separator: ",") + "\nV1,2026-10-01,MRN001,Dr A,99213,I10,Dr B\n")
        // When it is imported
        let error = #expect(throws: IngestError.self) { try workspace.importEncounters(path) }
        // Then it is refused naming both columns, exits 65, and nothing is stored
        #expect(error == .duplicateHeader(file: path, name: "Provider", columns: [4, 7], column: "provider"))
        #expect(error?.exitCode == 65)
        #expect(try workspace.contentSnapshot().isEmpty)
    }

    @Test func twoIgnoredHeadersOfOneNameAreHarmless() throws {
        // Given two "Note" columns that feed nothing
        let imported = try ImportedFile(
            header: ["Visit ID", "DOS", "MRN", "Provider", "CPT", "Dx", "Note", "Note"],
            rows: [["V1", "2026-10-01", "MRN001", "Dr Demo", "99213", "I10", "a", "b"]])
        // Then the row loads and both are listed as ignored
        #expect(imported.outcome.counts.rowsLoaded == 1)
        #expect(imported.outcome.ignoredColumns == ["Note", "Note"])
    }

    // MARK: - Identifiers

    @Test func identifierColumnsAndPatientIDsNeverReachTheDatabase() throws {
        // Given identifier columns on a good line and a rejected line
        let identifiers = ["Patient Name", "DOB", "SSN", "Address", "Phone", "Email", "Member ID"]
        let good = [
            "Zelda Quixote", "07/04/1961", "987-65-4321", "742 Evergreen Terrace", "555-867-5309",
            "zelda@example.org", "XQZ123456789",
        ]
        let bad = [
            "Yorick Vantablack", "12/25/1958", "123-45-6780", "31 Spooner Street", "555-010-9999",
            "yorick@example.net", "WQY987654321",
        ]
        let workspace = try TestWorkspace()
        let path = try workspace.write(
            "e.csv",
            csvFile([
                CanonicalHeader.encounters + "," + identifiers.joined(separator: ","),
                encounterLine(["patient_id": "MRN-RAW-7731"]) + "," + good.joined(separator: ","),
                encounterLine(["encounter_id": "E2", "patient_id": "MRN-RAW-8842", "procedure_code": "9921"]) + ","
                    + bad.joined(separator: ","),
            ]))
        // When it is imported
        let outcome = try workspace.importEncounters(path)
        // Then the import says it skipped them, and the header it logs leaves them out
        #expect(outcome.counts.rowsLoaded == 1 && outcome.counts.rowsRejected == 1)
        #expect(outcome.identifierColumns == identifiers)
        let loggedHeader = try #require(try workspace.texts("SELECT header FROM import_batch").first)
        #expect(loggedHeader == CanonicalHeader.encounters)
        // And the patients are stored as pseudonyms only, in the encounter and the stored reject
        let pseudonymizer = PatientPseudonymizer(key: workspace.key)
        #expect(
            try workspace.texts("SELECT patient_pseudonym FROM encounter") == [
                pseudonymizer.pseudonym(for: "MRN-RAW-7731")
            ])
        let rawRow = try #require(try workspace.texts("SELECT raw_row FROM import_reject").first)
        #expect(rawRow.contains(pseudonymizer.pseudonym(for: "MRN-RAW-8842")))
        for value in bad + ["MRN-RAW-8842"] { #expect(!rawRow.contains(value)) }
        // And no identifier value or raw patient id is anywhere in the database files
        let secrets = good + bad + ["MRN-RAW-7731", "MRN-RAW-8842"]
        let control = pseudonymizer.pseudonym(for: "MRN-RAW-7731")
        for stage in ["before checkpoint", "after checkpoint"] {
            if stage == "after checkpoint" {
                _ = try DatabaseQueue(path: workspace.databasePath).writeWithoutTransaction {
                    try $0.checkpoint(.truncate)
                }
            }
            let bytes = try databaseBytes(workspace)
            #expect(bytes.contains(control), "the search sees stored text \(stage)")
            for secret in secrets { #expect(!bytes.contains(secret), "\(secret) \(stage)") }
        }
    }

    @Test(arguments: [
        ("Date of Birth", true), ("Patient DOB", true), ("Patient First Name", true), ("Last Name", true),
        ("Street Address", true), ("Zip Code", true), ("Home Phone", true), ("E-mail", true),
        ("Subscriber ID", true), ("Policy Number", true), ("Guarantor", true), ("Medicare ID", true),
        ("Facility Name", false), ("Referring Provider Name", false), ("Location", false), ("Internal Note", false),
    ])
    func identifierLookingHeadersAreSetApart(header: String, isIdentifier: Bool) throws {
        // Given the canonical header and one more column
        let names = CanonicalHeader.encounters.split(separator: ",").map(String.init)
        // When it is mapped
        let map = try HeaderMap(header: names + [header], specs: ColumnSpec.encounterColumns, file: "e.csv")
        // Then the column is an identifier (never stored) or merely unknown (ignored)
        #expect(map.identifierColumns == (isIdentifier ? [names.count] : []))
        #expect(map.unknownColumns == (isIdentifier ? [] : [names.count]))
    }

    @Test func secondPatientNumberIsTreatedAsAnIdentifier() throws {
        // Given both an MRN and an account number column
        let imported = try ImportedFile(
            header: ["Visit ID", "DOS", "Account Number", "MRN", "Provider", "CPT", "Dx"],
            rows: [["V1", "2026-10-01", "ACCT-5150", "MRN-2112", "Dr Demo", "99213", "I10"]])
        // Then the MRN (the preferred alias) is the patient id and the account number is not stored
        #expect(imported.outcome.identifierColumns == ["Account Number"])
        let pseudonym = PatientPseudonymizer(key: imported.workspace.key).pseudonym(for: "MRN-2112")
        #expect(try imported.texts("SELECT patient_pseudonym FROM encounter") == [pseudonym])
        #expect(try !databaseBytes(imported.workspace).contains("ACCT-5150"))
    }

    @Test func unknownColumnsAreIgnoredAndListed() throws {
        // Given two columns no alias knows
        let header = CanonicalHeader.encounters.split(separator: ",").map(String.init) + ["Internal Note", "Color Tag"]
        let imported = try ImportedFile(
            header: header,
            rows: [
                encounterLine().split(separator: ",", omittingEmptySubsequences: false).map(String.init) + [
                    "call back", "red",
                ]
            ])
        // Then the row loads and the import lists them as ignored
        #expect(imported.outcome.counts.rowsLoaded == 1)
        #expect(imported.outcome.ignoredColumns == ["Internal Note", "Color Tag"])
        #expect(imported.outcome.identifierColumns.isEmpty)
    }
}

// MARK: - Helpers

extension HeaderMappingTests {
    /// One canonical column renamed to one of its aliases, and where its value is stored.
    struct AliasCase: Sendable, CustomTestStringConvertible {
        var column: String
        var alias: String
        var value: String
        var query: String
        var stored: String

        var testDescription: String { "\(column) as \"\(alias)\"" }

        static let all: [AliasCase] = {
            let families: [(String, [String], String, String, String)] = [
                (
                    "encounter_id", ["Visit ID", "Enc #", "CSN", "Claim ID", "Visit Number", "Encounter ID"], "V77",
                    "SELECT external_id FROM encounter", "V77"
                ),
                (
                    "service_date", ["DOS", "From Date", "Date of Service", "Service Date"], "2026-09-15",
                    "SELECT service_date FROM encounter", "2026-09-15"
                ),
                (
                    "patient_id", ["MRN", "Account Number", "Patient Account", "Patient ID"], "ACCT42",
                    "SELECT patient_pseudonym FROM encounter", ""
                ),
                (
                    "provider", ["Rendering NPI", "Rendering Provider", "Provider Name"], "1234567893",
                    "SELECT provider FROM encounter", "1234567893"
                ),
                (
                    "specialty", ["Department", "Provider Specialty", "Specialty"], "Cardiology",
                    "SELECT specialty FROM encounter", "Cardiology"
                ),
                (
                    "coder", ["Charge Entry User", "Coded By", "Coder ID", "Coder"], "mkim",
                    "SELECT coder FROM encounter", "mkim"
                ),
                (
                    "payer", ["Financial Class", "Primary Insurance", "Insurance", "Primary Payer"], "Aetna",
                    "SELECT payer FROM encounter", "Aetna"
                ),
                (
                    "place_of_service", ["POS", "Place of Service"], "22",
                    "SELECT place_of_service FROM encounter_line", "22"
                ),
                (
                    "procedure_code", ["CPT/HCPCS", "Service Code", "HCPCS", "Proc Code", "CPT Code", "CPT"], "99214",
                    "SELECT procedure_code FROM encounter_line", "99214"
                ),
                ("modifiers", ["Mod", "Modifier", "Modifiers"], "25", "SELECT modifier_1 FROM encounter_line", "25"),
                ("units", ["Qty", "Days/Units", "Quantity", "Units"], "3", "SELECT units FROM encounter_line", "3"),
                (
                    "diagnosis_codes", ["Dx Codes", "ICD10 Codes", "ICD-10", "Dx", "Diagnosis Codes"], "I10",
                    "SELECT code FROM encounter_diagnosis", "I10"
                ),
                (
                    "charge", ["Billed Amount", "Fee", "Charges"], "200.00", "SELECT charge_cents FROM encounter_line",
                    "20000"
                ),
                (
                    "allowed", ["Contractual Allowed", "Allowed Amount"], "88.00",
                    "SELECT allowed_cents FROM encounter_line", "8800"
                ),
                (
                    "paid", ["Insurance Paid", "Payment", "Paid Amount"], "70.00",
                    "SELECT paid_cents FROM encounter_line", "7000"
                ),
                (
                    "coded_at", ["Posted Date", "Charge Entry Date", "Coded Date", "Coded At"], "2026-10-05",
                    "SELECT coded_at FROM encounter", "2026-10-05"
                ),
                (
                    "coding_minutes", ["Time Spent", "Coding Minutes", "Minutes"], "12",
                    "SELECT coding_minutes FROM encounter", "12.0"
                ),
            ]
            return families.flatMap { column, aliases, value, query, stored in
                aliases.map { AliasCase(column: column, alias: $0, value: value, query: query, stored: stored) }
            }
        }()
    }
}

extension ImportedFile {
    /// Imports a file of `header` and `rows` into a fresh workspace, with `mapping` (JSON) as its
    /// column mapping when given.
    fileprivate init(header: [String], rows: [[String]], mapping: String? = nil) throws {
        let workspace = try TestWorkspace()
        let columnMapping = try mapping.map { try ColumnMapping(path: workspace.write("mapping.json", $0)) }
        try self.init(text: csvFile(([header] + rows).map { $0.joined(separator: ",") }), in: workspace) {
            $0.mapping = columnMapping
        }
    }
}

extension HeaderMappingTests {
    /// The bytes of the database file and its `-wal` and `-shm` files, as Latin-1 text for searching.
    fileprivate func databaseBytes(_ workspace: TestWorkspace) throws -> String {
        let files = ["", "-wal", "-shm"].map { workspace.databasePath + $0 }.filter {
            FileManager.default.fileExists(atPath: $0)
        }
        let bytes = try files.flatMap { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        return String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
    }
}
