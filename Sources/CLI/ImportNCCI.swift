import ArgumentParser
import Ingest

/// `codeaudit import ptp FILE...`.
struct ImportPTP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ptp",
        abstract: "Import CMS's Medicare NCCI procedure-to-procedure edits, practitioner file.",
        discussion: """
            Reads the quarterly practitioner PTP files as CMS distributes them (ccipra-v…-f1.txt to -f4.txt, \
            tab-delimited, under a copyright notice and a title), or their rows saved from the spreadsheet as \
            CSV; import the four parts of a quarter together. CMS serves them after its AMA license \
            click-through, so none ships with codeaudit. An edit is keyed by column 1, column 2 and \
            effective date: a later quarter's row with the same key replaces it (a deletion date may \
            appear), and nothing is removed because a file leaves it out. A file that is not such a table \
            is refused (exit 65).
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var importOptions: ImportFileOptions

    func validate() throws {
        try refuseMapping(importOptions)
    }

    func run() throws {
        try ImportFiles(kind: .ptp, store: store, options: importOptions, icd10Codes: nil).run()
    }
}

/// `codeaudit import mue FILE --effective YYYY-MM-DD`.
struct ImportMUE: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mue",
        abstract: "Import CMS's practitioner services MUE table (medically unlikely edits).",
        discussion: """
            Reads the quarterly Practitioner Services MUE table as CMS distributes it (CSV under a quoted \
            copyright notice, then the header HCPCS/CPT Code, Practitioner Services MUE Values, MUE \
            Adjudication Indicator, MUE Rationale). The file carries no date: --effective names the day \
            its values take effect, the first day of its quarter. A code's value applies from that day \
            until a later table's; importing a table again for the same day replaces its values. A file \
            that is not such a table is refused (exit 65).
            """)

    @OptionGroup var store: StoreOptions

    @Option(
        help: ArgumentHelp(
            "The day the table takes effect, YYYY-MM-DD: the first day of its quarter (e.g. 2026-04-01).",
            valueName: "date"))
    var effective: String

    @OptionGroup var importOptions: ImportFileOptions

    func validate() throws {
        try refuseMapping(importOptions)
        _ = try effectiveDay()
    }

    func run() throws {
        try ImportFiles(
            kind: .mue, store: store, options: importOptions, icd10Codes: nil, effectiveDate: try effectiveDay()
        ).run()
    }

    private func effectiveDay() throws -> CalendarDay {
        let parts = effective.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let day = CalendarDay(parsing: effective) else {
            throw ValidationError(
                "--effective must be a day as YYYY-MM-DD (the first day of the table's quarter), not '\(effective)'")
        }
        return day
    }
}

/// CMS fixes the columns of its tables: a mapping file has nothing to name.
private func refuseMapping(_ options: ImportFileOptions) throws {
    if options.mapping != nil {
        throw ValidationError("--mapping names the columns of an export; CMS's tables have fixed columns")
    }
}
