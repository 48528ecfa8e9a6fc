import Analytics
import ArgumentParser
import Edits
import Foundation
import Report
import Store

extension CodeAudit {
    /// `codeaudit export NAME --month YYYY-MM`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one CSV export of a month (to stdout, or --out FILE).",
            discussion: """
                Exports are UTF-8 with a BOM (so Excel reads accents right), comma-separated, with CRLF line \
                ends; money has 2 decimals and rates are fractions with 4. A month with no data gives the \
                header row alone.
                """)

        @OptionGroup var store: StoreOptions

        @Argument(
            help: ArgumentHelp(
                "The export: "
                    + ExportName.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "name"))
        var name: ExportName

        @Option(
            help: ArgumentHelp(
                "The month, by service date (productivity: by the day work was done).", valueName: "YYYY-MM"))
        var month: Month

        @Option(help: ArgumentHelp("Where to write the CSV (default: stdout).", valueName: "file"))
        var out: String?

        @OptionGroup var csv: CSVExportOptions

        func run() throws {
            try logged("export \(name.rawValue)", store: store) { record in
                let database = try store.openExisting()
                let table = try ExportBuilder(
                    analytics: Analytics(database: database), toleranceCents: csv.tolerance.cents
                )
                .table(name, month: month)
                if table.rows.isEmpty {
                    printError("no \(name.rawValue) rows for \(month): wrote the header only")
                }
                let data = table.csv(bom: !csv.noBOM)
                try OutputFile.write(data, to: out)
                record.wrote(data, to: out)
            }
        }
    }
}

/// How the CSV exports are written, for `export` and `report` alike.
struct CSVExportOptions: ParsableArguments {
    @Flag(name: .customLong("no-bom"), help: "Leave out the UTF-8 byte order mark of the CSV files.")
    var noBOM = false

    @Option(
        help: ArgumentHelp(
            "Reimbursement variance: how far allowed may fall below (or rise above) expected, per line, before a "
                + "line counts as underpaid (overpaid).", valueName: "dollars"))
    var tolerance: Money = Money(cents: 100)
}

/// Builds an export's table from the analytics.
struct ExportBuilder {
    let analytics: Analytics
    let toleranceCents: Int64

    func table(_ name: ExportName, month: Month) throws -> ExportTable {
        switch name {
        case .errorRates: Exports.errorRates(try analytics.errorRates(for: month))
        case .findings: Exports.findings(try analytics.findings(for: month))
        case .coderProductivity: Exports.coderProductivity(try analytics.coderProductivity(for: month))
        case .reimbursementVariance:
            Exports.reimbursementVariance(
                try analytics.reimbursementVariance(for: month, toleranceCents: toleranceCents))
        case .emDistribution: Exports.emDistribution(try analytics.emDistribution(for: month))
        case .edits: Exports.edits(try analytics.edits(for: month).flags)
        case .editRates: Exports.editRates(try analytics.edits(for: month).rates)
        case .payments: Exports.payments(try analytics.payments(for: month))
        case .denials: Exports.denials(try analytics.denials(for: month))
        }
    }
}

extension ExportName: ExpressibleByArgument {}

extension Month: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

/// A dollar amount given on the command line, like `1.00` or `0.5`.
struct Money: ExpressibleByArgument, CustomStringConvertible {
    /// `1.00`, as `--help` shows the default.
    var description: String { ExportFormat.money(cents) }

    let cents: Int64

    init(cents: Int64) {
        self.cents = cents
    }

    init?(argument: String) {
        let parts = argument.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), let value = Int64(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        cents = whole * 100 + fraction
    }
}

/// Writes an output file, or stdout for nil or `-`.
enum OutputFile {
    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            printError("codeaudit: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(73)
        }
    }
}
