import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ingest

/// SPEC 3: delimiters, encodings, line ends and CSV structure; a file that
/// cannot be read stores nothing.
@Suite struct FileFormatTests {
    // MARK: - Delimiters and line ends

    @Test(arguments: Delimiter.allCases)
    func delimiterIsDetectedFromTheHeader(delimiter: Delimiter) throws {
        // Given the same two lines separated by commas, tabs, pipes or semicolons
        let lines = [
            CanonicalHeader.encounters, encounterLine(["diagnosis_codes": "E11.9 I10"]),
            encounterLine(["procedure_code": "36415", "modifiers": "90", "charge": "12.5"]),
        ]
        let text = csvFile(lines.map { $0.replacingOccurrences(of: ",", with: delimiter.rawValue) })
        // When it is imported
        let imported = try ImportedFile(bytes: Array(text.utf8))
        // Then the delimiter is found and the rows are stored the same way
        #expect(imported.outcome.delimiter == delimiter)
        #expect(imported.outcome.counts.rowsLoaded == 2)
        #expect(
            try imported.storedLines() == [
                "E1|2026-10-01|Dr Demo|Family Medicine|jlee|Medicare|2026-10-02T09:00:00|6.0|99213|NULL|1|11|15000",
                "E1|2026-10-01|Dr Demo|Family Medicine|jlee|Medicare|2026-10-02T09:00:00|6.0|36415|90|1|11|1250",
            ])
        #expect(try imported.texts("SELECT delimiter FROM import_batch") == [delimiter.name])
    }

    @Test(arguments: [("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r")])
    func lineEndsAreAccepted(name: String, end: String) throws {
        // Given a file with `end` line ends and a bad line between good ones
        let text =
            [
                CanonicalHeader.encounters, encounterLine(), encounterLine(["encounter_id": "E2", "units": "0"]),
                encounterLine(["encounter_id": "E3"]),
            ].joined(separator: end) + end
        let imported = try ImportedFile(bytes: Array(text.utf8))
        // Then no line end is left in a value (the last column parses) and lines are numbered right
        #expect(imported.outcome.counts.rowsLoaded == 2)
        #expect(imported.outcome.firstRejects.map(\.line) == [3])
        #expect(try imported.texts("SELECT source_line FROM encounter_line ORDER BY 1") == ["2", "4"])
        #expect(try imported.texts("SELECT coding_minutes FROM encounter") == ["6.0", "6.0"])
    }

    @Test func quotedFieldWithNewlineAndCommaKeepsLaterLineNumbers() throws {
        // Given a quoted specialty spanning lines 2–3, then a bad line 4 and a good line 5
        let imported = try ImportedFile(
            text: encounterFile([
                encounterLine(["specialty": "Family\nMedicine, \"Sports\""]),
                encounterLine(["encounter_id": "E2", "units": "0"]),
                encounterLine(["encounter_id": "E3"]),
            ]))
        // Then the field keeps its newline, comma and quotes, and the reject is at line 4
        #expect(
            try imported.texts("SELECT specialty FROM encounter ORDER BY id") == [
                "Family\nMedicine, \"Sports\"", "Family Medicine",
            ])
        #expect(imported.outcome.firstRejects.map(\.line) == [4])
        #expect(try imported.texts("SELECT source_line FROM encounter_line ORDER BY 1") == ["2", "5"])
    }

    // MARK: - Encodings

    @Test func utf8ByteOrderMarkIsSkipped() throws {
        // Given a UTF-8 file that starts with a BOM
        let imported = try ImportedFile(
            bytes: [0xEF, 0xBB, 0xBF] + Array(encounterFile([encounterLine(["provider": "Dr Müller"])]).utf8))
        // Then the first header still matches, and the file is plain UTF-8
        #expect(imported.outcome.columns.first == "encounter_id ← \"encounter_id\"")
        #expect(imported.outcome.encoding == .utf8)
        #expect(imported.outcome.warnings.isEmpty)
        #expect(try imported.texts("SELECT external_id || ' ' || provider FROM encounter") == ["E1 Dr Müller"])
    }

    @Test func windows1252FileIsReadWithAWarning() throws {
        // Given a file saved as Windows-1252: ñ is the byte F1, ’ is 92
        let text = encounterFile([encounterLine(["provider": "Dr Peña", "specialty": "Children’s"])])
        let bytes = text.unicodeScalars.map { scalar in UInt8(windows1252Table.firstIndex(of: scalar.value)!) }
        #expect(bytes.contains(0xF1) && bytes.contains(0x92))
        // When it is imported
        let imported = try ImportedFile(bytes: bytes)
        // Then it is read as Windows-1252, says so, and stores the right characters
        #expect(imported.outcome.encoding == .windows1252)
        #expect(imported.outcome.warnings.contains { $0.hasSuffix("read as Windows-1252") })
        #expect(try imported.texts("SELECT provider || ' ' || specialty FROM encounter") == ["Dr Peña Children’s"])
        #expect(try imported.texts("SELECT encoding FROM import_batch") == ["Windows-1252"])
    }

    @Test func fileNeitherUTF8NorWindows1252IsRefused() throws {
        // Given a byte 0x81 (undefined in Windows-1252) and an invalid UTF-8 sequence (C3 28)
        let good = Array(encounterFile([encounterLine()]).utf8)
        let bytes =
            good + Array("E2,2026-10-01,MRN2,Dr ".utf8) + [0xC3, 0x28, 0x81] + Array(",,,,,99213,,,I10,,,,,\n".utf8)
        // Then the import fails as an encoding error naming the line and both bytes, and nothing is stored
        let (error, path) = try expectNothingStoredAt(bytes: bytes)
        let offset = good.count + 22
        #expect(
            error
                == .encoding(
                    file: path, line: 3, byteOffset: Int64(offset + 2),
                    reason: "the byte 0x81 is not a Windows-1252 character, and the file is not valid UTF-8 either "
                        + "(first at line 3, byte \(offset)); save the file as UTF-8"))
        #expect(error?.exitCode == 65)
    }

    @Test(arguments: [[0xFF, 0xFE] as [UInt8], [0xFE, 0xFF]])
    func utf16IsRefused(bom: [UInt8]) throws {
        // Given a UTF-16 file with its byte order mark
        let units = encounterFile([encounterLine()]).utf16
        let bytes =
            bom
            + units.flatMap {
                bom[0] == 0xFF ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)]
            }
        // Then it is refused as UTF-16, and nothing is stored
        let (error, path) = try expectNothingStoredAt(bytes: bytes)
        #expect(error == .encoding(file: path, reason: "the file is UTF-16; save it as UTF-8 (or CSV UTF-8 in Excel)"))
    }

    @Test func nulByteIsRefused() throws {
        // Given a NUL byte inside a field
        let good = Array(encounterFile([encounterLine()]).utf8)
        let bytes = good + Array("E2,2026-10-01,MRN2,Dr".utf8) + [0] + Array(",,,,,99213,,,I10,,,,,\n".utf8)
        // Then it is an encoding error naming its line and byte, and nothing is stored
        let (error, path) = try expectNothingStoredAt(bytes: bytes)
        #expect(
            error
                == .encoding(
                    file: path, line: 3, byteOffset: Int64(good.count + 21),
                    reason: "a NUL character, and a CSV export holds text "
                        + "only (is this a spreadsheet or UTF-16 file? save it as CSV UTF-8)"))
    }

    // MARK: - Broken structure

    @Test func unterminatedQuoteIsMalformed() throws {
        // Given a quote opened in the provider field of line 3 and never closed, with lines after it
        let opened = encounterLine(["encounter_id": "E2"]).replacingOccurrences(of: "Dr Demo", with: "\"Dr Demo")
        let text = encounterFile([encounterLine(), opened, encounterLine(["encounter_id": "E3"])])
        // Then the import fails naming line 3, column 4 and the byte of the opening quote, and nothing is stored
        let error = try expectNothingStored(bytes: Array(text.utf8))
        guard case .malformed(_, let line, let column, let offset, let reason) = error else {
            Issue.record("expected IngestError.malformed, got \(String(describing: error))")
            return
        }
        #expect(line == 3)
        #expect(column == 4)
        #expect(offset == Int64(Array(text.utf8).firstIndex(of: UInt8(ascii: "\""))!))
        #expect(reason == "a quoted field is never closed (its closing \" is missing)")
    }

    @Test func strayQuoteInAnUnquotedFieldIsMalformed() throws {
        // Given `Dr "Bob" Demo` unquoted in the provider field of line 3
        let text = encounterFile([
            encounterLine(),
            encounterLine(["encounter_id": "E2"]).replacingOccurrences(
                of: "Dr Demo", with: "Dr \"Bob\" Demo"), encounterLine(["encounter_id": "E3"]),
        ])
        // Then the import fails naming line 3, column 4, and nothing is stored
        let error = try expectNothingStored(bytes: Array(text.utf8))
        guard case .malformed(_, let line, let column, _, let reason) = error else {
            Issue.record("expected IngestError.malformed, got \(String(describing: error))")
            return
        }
        #expect(line == 3 && column == 4)
        #expect(reason.hasPrefix("a quote (\") inside a field that is not enclosed in quotes"))
    }

    @Test func fieldOverTheCapIsMalformed() throws {
        // Given a 65,537-byte specialty on line 3
        let long = String(repeating: "a", count: CSVReader.maxFieldBytes + 1)
        let text = encounterFile([encounterLine(), encounterLine(["encounter_id": "E2", "specialty": long])])
        // Then the import fails naming the cap, and nothing is stored
        let error = try expectNothingStored(bytes: Array(text.utf8))
        guard case .malformed(_, let line, let column, _, let reason) = error else {
            Issue.record("expected IngestError.malformed, got \(String(describing: error))")
            return
        }
        #expect(line == 3)
        #expect(column == 5)
        #expect(reason == "a field is longer than 65536 bytes, the longest accepted")
        #expect(error?.exitCode == 65)
    }

    @Test func quoteLeftOpenInALargeFileIsReportedWhereItOpens() throws {
        // Given a quote opened on line 3 and never closed, with 200,000 bytes of lines after it
        let opened = encounterLine(["encounter_id": "E2"]).replacingOccurrences(of: "Dr Demo", with: "\"Dr Demo")
        let rest = (3..<3_000).map { encounterLine(["encounter_id": "E\($0)"]) }
        let text = encounterFile([encounterLine(), opened] + rest)
        // Then the reader stops once the open field passes the cap, naming where the quote opened
        let error = try expectNothingStored(bytes: Array(text.utf8))
        guard case .malformed(_, let line, let column, let offset, let reason) = error else {
            Issue.record("expected IngestError.malformed, got \(String(describing: error))")
            return
        }
        #expect(line == 3 && column == 4)
        #expect(offset == Int64(Array(text.utf8).firstIndex(of: UInt8(ascii: "\""))!))
        #expect(
            reason == "a field is longer than 65536 bytes, the longest accepted (is the closing \" of this quoted "
                + "field missing?)")
    }

    @Test func quotedFieldOverTheCapOverSeveralLinesIsNamedWhereItOpens() throws {
        // Given a closed quoted specialty on line 3 that spans 70,000 bytes of short lines
        let long = Array(repeating: String(repeating: "a", count: 99), count: 700).joined(separator: "\n")
        let text = encounterFile([encounterLine(), encounterLine(["encounter_id": "E2", "specialty": "\"" + long])])
            .replacingOccurrences(of: "\"" + long, with: "\"" + long + "\"")
        // Then the import fails naming line 3, column 5 and the opening quote
        let error = try expectNothingStored(bytes: Array(text.utf8))
        guard case .malformed(_, let line, let column, let offset, let reason) = error else {
            Issue.record("expected IngestError.malformed, got \(String(describing: error))")
            return
        }
        #expect(line == 3 && column == 5)
        #expect(offset == Int64(Array(text.utf8).firstIndex(of: UInt8(ascii: "\""))!))
        #expect(reason.hasPrefix("a field is longer than 65536 bytes, the longest accepted"))
    }

    @Test func fieldAtTheCapIsAccepted() throws {
        // Given a specialty of exactly 65,536 bytes; Then it is stored whole
        let long = String(repeating: "a", count: CSVReader.maxFieldBytes)
        let imported = try ImportedFile(text: encounterFile([encounterLine(["specialty": long])]))
        #expect(try imported.texts("SELECT length(specialty) FROM encounter") == ["65536"])
    }

    @Test(arguments: [[] as [UInt8], [0xEF, 0xBB, 0xBF], Array("\n\n".utf8)])
    func emptyFileIsRefused(bytes: [UInt8]) throws {
        // Given a file with no header row
        // Then the import fails as empty (exit 65), and nothing is stored
        let (error, path) = try expectNothingStoredAt(bytes: bytes)
        #expect(error == .empty(file: path))
        #expect(error?.exitCode == 65)
    }

    // MARK: - Codes

    @Test func codesSurviveByteForByte() throws {
        // Given codes with leading zeros and a one-digit place of service
        let imported = try ImportedFile(
            text: encounterFile([
                encounterLine(["procedure_code": "0001U", "place_of_service": "02", "diagnosis_codes": "Z00.00"]),
                encounterLine(["procedure_code": "99213", "place_of_service": "1", "modifiers": "0a"]),
            ]))
        // Then they are stored as text, zeros kept, the place of service padded to two digits
        #expect(
            try imported.texts(
                "SELECT procedure_code || ' ' || place_of_service || ' ' || coalesce(modifier_1, '-') || ' ' "
                    + "|| typeof(procedure_code) || ' ' || typeof(place_of_service) FROM encounter_line ORDER BY id")
                == ["0001U 02 - text text", "99213 01 0A text text"])
        #expect(try imported.texts("SELECT code FROM encounter_diagnosis ORDER BY position") == ["Z0000", "E119"])
    }
}

// MARK: - Helpers

extension ImportedFile {
    /// Each stored line with its encounter's fields, `|`-separated.
    fileprivate func storedLines() throws -> [String] {
        try texts(
            """
            SELECT e.external_id || '|' || e.service_date || '|' || e.provider || '|' || e.specialty || '|' || e.coder
                || '|' || e.payer || '|' || e.coded_at || '|' || e.coding_minutes || '|' || l.procedure_code
                || '|' || coalesce(l.modifier_1, 'NULL') || '|' || l.units || '|' || l.place_of_service
                || '|' || l.charge_cents
            FROM encounter_line l JOIN encounter e ON e.id = l.encounter_id ORDER BY l.source_line
            """)
    }
}

/// Imports `bytes`, expects an `IngestError`, and checks that the store holds nothing.
private func expectNothingStoredAt(
    bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
) throws -> (IngestError?, String) {
    let workspace = try TestWorkspace()
    let path = try workspace.write("e.csv", bytes: bytes)
    let error = #expect(throws: IngestError.self, sourceLocation: sourceLocation) {
        try workspace.importEncounters(path)
    }
    #expect(try workspace.contentSnapshot().isEmpty, "nothing is stored", sourceLocation: sourceLocation)
    #expect(
        try workspace.read { try $0.rowCount("import_batch") } == 0,
        sourceLocation: sourceLocation)
    return (error, path)
}

private func expectNothingStored(bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> IngestError?
{
    try expectNothingStoredAt(bytes: bytes, sourceLocation: sourceLocation).0
}
