import Foundation
import Ingest
import Store

/// The human summary of one file's import, for stderr.
struct ImportSummary {
    let outcome: ImportOutcome

    init(_ outcome: ImportOutcome) {
        self.outcome = outcome
    }

    /// One line: `encounters: encounters-2026-05.csv: 3542 rows, 3530 loaded, 12 rejected`.
    func line(kind: ImportKind) -> String {
        let counts = outcome.counts
        let rows = outcome.format == nil ? "rows" : "payments"
        return "\(kind.rawValue): \((outcome.file as NSString).lastPathComponent): \(counts.rowsRead) \(rows), "
            + "\(counts.rowsLoaded) loaded, \(counts.rowsRejected) rejected"
    }

    var text: String {
        if let previous = outcome.alreadyImportedAs {
            return "\(outcome.file): already imported (batch \(previous.id), \(previous.startedAt), "
                + "\(previous.counts.rowsLoaded) rows loaded); nothing to do. Use --force to import it again."
        }
        let counts = outcome.counts
        // An 835's unit is the payment (one ST…SE transaction), found by its ST segment; its
        // reason names a segment of its own (the SE or BPR at fault), so the place says which is which.
        let (row, rows, place) =
            outcome.format == nil ? ("row", "rows", "line") : ("payment", "payments", "payment at segment")
        var lines = [
            "\(outcome.file): \(counts.rowsRead) \(counts.rowsRead == 1 ? row : rows) read, \(counts.rowsLoaded) loaded, "
                + "\(counts.rowsRejected) rejected"
                + (outcome.rolledBack ? " — --strict: nothing imported" : "")
        ]
        if let batch = outcome.batchID {
            lines += outcome.details.map { "  \($0)" }
            lines.append("  batch \(batch)")
        }
        if let format = outcome.format {
            lines.append("  read as \(format)")
        } else {
            lines.append("  read as \(outcome.encoding.rawValue), \(outcome.delimiter.name)-separated")
            lines.append("  columns: " + outcome.columns.joined(separator: "; "))
        }
        if !outcome.identifierColumns.isEmpty {
            lines.append(
                "  skipped identifier columns (never stored): "
                    + outcome.identifierColumns.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        if !outcome.ignoredColumns.isEmpty {
            lines.append("  ignored columns: " + outcome.ignoredColumns.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        lines += outcome.warnings.map { "  warning: \($0)" }
        if !outcome.firstRejects.isEmpty {
            lines.append("  rejected \(rows):")
            for reject in outcome.firstRejects {
                let column = reject.column.map { ", column \"\($0)\"" } ?? ""
                lines.append("    \(place) \(reject.line)\(column): \(reject.reason)")
            }
            let more = counts.rowsRejected - outcome.firstRejects.count
            if more > 0 { lines.append("    … and \(more) more") }
            if let file = outcome.rejectsFile {
                lines.append("  every rejected \(row), with its reason: \(file)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
