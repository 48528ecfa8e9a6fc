import Foundation
import GRDB
import TestSupport
import Testing

/// 835 files (SPEC 9) broken one way each, imported with the real binary into a database that already
/// holds encounters G1 and G2 and the payment of `paid.835` (batch 2): a malformed file is refused
/// whole (exit 65), a transaction that does not add up is rejected alone (exit 0), and nothing stored
/// before is lost or changed either way.
extension MalformedInputCLITests {
    static let remittanceRefusals = [
        Refusal(
            file: "truncated-isa.835",
            message: "truncated-isa.835: segment 1 (ISA): the ISA segment is cut short at 60 characters; an ISA is "
                + "exactly 106 (16 fixed-width elements and the segment terminator); nothing was imported"),
        Refusal(
            file: "inconsistent-separators.835",
            message: "inconsistent-separators.835: segment 1 (ISA), element ISA01: ISA01 must be exactly 2 "
                + "characters: character 7 of the ISA is '|' where the element separator '*' (the ISA's 4th "
                + "character) belongs; nothing was imported"),
        Refusal(
            file: "wrong-separators.835",
            message: "wrong-separators.835: segment 2: the segment identifier is followed by '|' where the element "
                + "separator '*' belongs; every segment must use the separators its interchange's ISA declares "
                + "(the element separator is the ISA's 4th character); nothing was imported"),
        Refusal(
            file: "clashing-separators.835",
            message: "clashing-separators.835: segment 1 (ISA), element ISA16: the component separator ISA16 is "
                + "'*', the same character as the element separator (the ISA's 4th character); nothing was imported"),
        Refusal(
            file: "odd-cas.835",
            message: "odd-cas.835: segment 11 (CAS), element CAS06: the adjustment for reason '253' has no amount: "
                + "each CAS reason is followed by its amount; nothing was imported"),
        Refusal(
            file: "not-x12.835",
            message: "not-x12.835: not an X12 file: the file begins with 'enc', not 'ISA'; an X12 835 begins with "
                + "its interchange header ISA; nothing was imported"),
    ]

    @Test(arguments: remittanceRefusals)
    func malformedRemittanceIsRefusedNamingWhereAndWhy(_ refusal: Refusal) throws {
        // Given a database holding encounters and a payment, and a malformed 835
        let workspace = try MalformedWorkspace(payment: true)
        try workspace.copyFixture(refusal.file)
        let before = try workspace.storedRows()
        // When it is imported
        let result = try workspace.run(["import", "remittances", refusal.file])
        // Then it exits 65 with one message naming the file, the segment, the element and the rule
        #expect(result.status == 65)
        #expect(result.stderr == "codeaudit: \(refusal.message)\n")
        #expect(result.stdout.isEmpty)
        // and nothing changed but the run log's record of the failure; no rejects file was left
        #expect(try workspace.storedRows() == before)
        #expect(try workspace.lastRun() == ["import remittances", "65"])
        #expect(!workspace.exists(refusal.file.replacingOccurrences(of: ".835", with: ".rejects.csv")))
    }

    @Test func tenMegabyteSegmentIsRefusedWithinAWindow() throws {
        // Given a database holding encounters and a payment, and an 835 whose segment 10 (a REF) is 10 MB
        let workspace = try MalformedWorkspace(payment: true)
        let reference = "REF*EV*" + String(repeating: "A", count: 10 * 1024 * 1024 - 7)
        try workspace.cli.write(
            "huge-segment.835",
            Remittance835.file(
                payer: "ACME HEALTH PLAN", payerID: "1512345678", trace: "EFT0999", paidOn: "20261101",
                claims: [["CLP*G1*1*150*100*50*12*CLM-G1", reference, "SVC*HC:99213*150*100**1"]]))
        let before = try workspace.storedRows()
        // When it is imported (the file is read a window of 2 MiB at a time)
        let result = try workspace.run(["import", "remittances", "huge-segment.835"])
        // Then it is refused within the first window, with what it has seen of the segment and the cap
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "codeaudit: huge-segment.835: segment 10 (REF): the segment is more than 2096760 characters long; "
                + "a segment may be at most 65536 characters (64 KiB); nothing was imported\n")
        #expect(try workspace.storedRows() == before)
        #expect(try workspace.lastRun() == ["import remittances", "65"])
    }

    /// A file with one transaction rejected and another accepted.
    struct RejectedTransaction: CustomTestStringConvertible, Sendable {
        let file: String
        /// The summary's claims line, for the accepted transaction.
        let claims: String
        /// The rejected transaction's ST segment and the reason it gives.
        let segment: Int
        let reason: String
        /// The rejects file's row for it, as written (a reason holding a comma is quoted).
        let rejectsRow: String
        /// The trace number of the transaction stored.
        let storedTrace: String
        var testDescription: String { file }
    }

    static let rejectedTransactions = [
        RejectedTransaction(
            file: "se-count-off.835",
            claims: "1 claim, 1 service line; 0 of them name a stored encounter (CLP01 = its id), 1 does not",
            segment: 3, reason: "segment 12: SE01 says 11 segments, the transaction has 10",
            rejectsRow: "3,0001,EFT3041,1512345678,ACME HEALTH PLAN,2026-03-20,100.00,"
                + "\"segment 12: SE01 says 11 segments, the transaction has 10\"",
            storedTrace: "EFT3042"),
        RejectedTransaction(
            file: "bpr-total-off.835",
            claims: "1 claim, 1 service line; 0 of them name a stored encounter (CLP01 = its id), 1 does not",
            segment: 13,
            reason: "segment 14: BPR02 is 1234.50, the claims' CLP04 less the PLB adjustments total 1230.00",
            rejectsRow: "13,0002,EFT3052,1512345678,ACME HEALTH PLAN,2026-03-20,1234.50,"
                + "\"segment 14: BPR02 is 1234.50, the claims' CLP04 less the PLB adjustments total 1230.00\"",
            storedTrace: "EFT3051"),
        RejectedTransaction(
            file: "repeats-payment.835",
            claims: "1 claim, 1 service line; 1 of them names a stored encounter (CLP01 = its id), 0 do not",
            segment: 3, reason: "payment EFT0901 of payer 1512345678 was already imported from paid.835 (batch 2)",
            rejectsRow: "3,0001,EFT0901,1512345678,ACME HEALTH PLAN,2026-11-01,100.00,"
                + "payment EFT0901 of payer 1512345678 was already imported from paid.835 (batch 2)",
            storedTrace: "EFT0902"),
    ]

    @Test(arguments: rejectedTransactions)
    func transactionThatDoesNotAddUpIsRejectedAlone(_ rejected: RejectedTransaction) throws {
        // Given a database holding encounters and a payment, and an 835 of two transactions, one of them
        // with a wrong SE01, a BPR02 that is not its claims' total, or the payment of paid.835 again
        let workspace = try MalformedWorkspace(payment: true)
        try workspace.copyFixture(rejected.file)
        let before = try workspace.storedRows()
        // When it is imported
        let result = try workspace.run(["import", "remittances", rejected.file])
        // Then it exits 0, naming the rejected transaction, the segment at fault and both figures
        let rejects = rejected.file.replacingOccurrences(of: ".835", with: ".rejects.csv")
        #expect(result.status == 0)
        #expect(
            result.stderr == """
                \(rejected.file): 2 payments read, 1 loaded, 1 rejected
                  \(rejected.claims)
                  batch 3
                  read as X12 835
                  rejected payments:
                    payment at segment \(rejected.segment): \(rejected.reason)
                  every rejected payment, with its reason: \(workspace.cli.path(rejects))

                """)
        // and the other transaction is stored, the rejected one is not
        let stored = try workspace.cli.read { db in
            try String.fetchAll(db, sql: "SELECT trace_number FROM remittance_payment WHERE batch_id = 3")
        }
        #expect(stored == [rejected.storedTrace])
        // and the rejected one is recorded with the batch and in the rejects file, with its reason
        let recorded = try workspace.cli.read { db in
            try Row.fetchAll(db, sql: "SELECT line_number, reason FROM import_reject WHERE batch_id = 3")
                .map { "\($0["line_number"] as Int): \($0["reason"] as String)" }
        }
        #expect(recorded == ["\(rejected.segment): \(rejected.reason)"])
        #expect(
            String(decoding: try Data(contentsOf: workspace.cli.folder.appendingPathComponent(rejects)), as: UTF8.self)
                == "\u{FEFF}segment,transaction,trace_number,payer_id,payer,payment_date,paid,reject_reason\r\n"
                + "\(rejected.rejectsRow)\r\n")
        // and every row stored before is still there, unchanged
        let after = try workspace.storedRows()
        #expect(Set(before).isSubset(of: Set(after)), "\(Set(before).subtracting(after))")
    }

    @Test func paymentRepeatedWithinTheFileIsRejectedEvenWithForce() throws {
        // Given a database holding encounters and a payment, and an 835 whose two transactions carry the
        // same trace number and payer, imported once
        let workspace = try MalformedWorkspace(payment: true)
        try workspace.copyFixture("repeated-within-file.835")
        let first = try workspace.run(["import", "remittances", "repeated-within-file.835"])
        #expect(first.status == 0, "\(first.stderr)")
        // When it is imported again with --force
        let result = try workspace.run(["import", "remittances", "--force", "repeated-within-file.835"])
        // Then the first transaction replaces its earlier import and the second is rejected again, naming the
        // first (replacing it instead would store one payment and count two as loaded)
        let reason =
            "payment EFT0931 of payer 1512345678 appears twice in this file: the transaction at segment 3 has the "
            + "same TRN02 and TRN03"
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("repeated-within-file.835: 2 payments read, 1 loaded, 1 rejected\n"))
        #expect(result.stderr.contains("\n    payment at segment 13: \(reason)\n"), "\(result.stderr)")
        let stored = try workspace.cli.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT p.trace_number || ' ' || c.patient_control_number FROM remittance_payment p
                    JOIN remittance_claim c ON c.payment_id = p.id WHERE p.trace_number = 'EFT0931'
                    """)
        }
        #expect(stored == ["EFT0931 G1"])
        #expect(
            try workspace.cli.read { db in
                try Int.fetchOne(db, sql: "SELECT rows_replaced FROM import_batch ORDER BY id DESC LIMIT 1")
            } == 1)
    }

    @Test func strictImportWithOneRejectedTransactionStoresNothing() throws {
        // Given a database holding encounters and a payment, and an 835 with one transaction whose SE01 is wrong
        let workspace = try MalformedWorkspace(payment: true)
        try workspace.copyFixture("se-count-off.835")
        let before = try workspace.storedRows()
        // When it is imported with --strict
        let result = try workspace.run(["import", "remittances", "--strict", "se-count-off.835"])
        // Then it exits 65 and says nothing was imported, the good transaction included
        #expect(result.status == 65)
        #expect(
            result.stderr == """
                se-count-off.835: 2 payments read, 1 loaded, 1 rejected — --strict: nothing imported
                  read as X12 835
                  rejected payments:
                    payment at segment 3: segment 12: SE01 says 11 segments, the transaction has 10
                  every rejected payment, with its reason: \(workspace.cli.path("se-count-off.rejects.csv"))

                """)
        // and nothing changed but the run log's record of the failure
        #expect(try workspace.storedRows() == before)
        #expect(try workspace.lastRun() == ["import remittances", "65"])
    }
}
