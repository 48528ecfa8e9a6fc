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
            abstract: "Write one CSV export of a month (to stdout, or --out FILE), or all nine into a folder.",
            discussion: """
                Exports are UTF-8 with a BOM (so Excel reads accents right), comma-separated, with CRLF line \
                ends; money has 2 decimals and rates are fractions with 4. A month with no data gives the \
                header row alone.
                """)

        @OptionGroup var store: StoreOptions

        @Argument(
            help: ArgumentHelp(
                "The export, by its file name without .csv; all writes every one of them into the folder --out.",
                valueName: "name"))
        var name: ExportChoice

        @Option(
            help: ArgumentHelp(
                "The month, by service date (productivity: by the day work was done).", valueName: "YYYY-MM"))
        var month: Month

        @Option(
            help: ArgumentHelp(
                "Where to write the CSV (default: stdout); for all, the folder to write NAME.csv files into.",
                valueName: "file"))
        var out: String?

        @OptionGroup var csv: CSVExportOptions

        func validate() throws {
            if name == .all, out == nil || out == "-" {
                throw ValidationError("export all writes nine files: give the folder with --out DIR.")
            }
        }

        func run() throws {
            guard case .one(let name) = name else { return try writeAll(into: out ?? "") }
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

extension CodeAudit.Export {
    /// `export all`: every export of the month from one read of the store (so
    /// the files describe the same data, as the report's do), each into
    /// `folder` as NAME.csv, byte for byte what `export NAME` writes.
    private func writeAll(into folder: String) throws {
        try logged("export all", store: store) { record in
            let database = try store.openExisting()
            let (data, edits) = try Analytics(database: database).monthlyExports(
                for: month, toleranceCents: csv.tolerance.cents)
            try writeFiles(Exports.monthly(data, edits: edits).csvFiles(bom: !csv.noBOM), into: folder, record: &record)
            printError("wrote \(ExportName.allCases.count) CSV exports for \(month) into \(folder)")
        }
    }
}

/// The NAME of `codeaudit export`: one export, or all of them.
enum ExportChoice: Equatable, ExpressibleByArgument {
    case one(ExportName)
    case all

    init?(argument: String) {
        if argument == "all" {
            self = .all
        } else if let name = ExportName(rawValue: argument) {
            self = .one(name)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ExportName.allCases.map(\.rawValue) + ["all"] }
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
        case .edits: Exports.edits(try analytics.editFlags(for: month))
        case .editRates: Exports.editRates(try analytics.edits(for: month).rates)
        case .payments: Exports.payments(try analytics.payments(for: month))
        case .denials: Exports.denials(try analytics.denials(for: month))
        }
    }
}

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
