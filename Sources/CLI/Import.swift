import ArgumentParser

extension CodeAudit {
    /// `codeaudit import KIND FILE...`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import files into the database (created when it does not exist).",
            subcommands: [
                ImportEncounters.self, ImportAudits.self, ImportFees.self, ImportHours.self, ImportPTP.self,
                ImportMUE.self, ImportRemittances.self,
            ])
    }
}

/// Options every import takes.
struct ImportFileOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("A JSON file naming the file's headers: {\"encounter_id\": \"Visit #\"}.", valueName: "file")
    )
    var mapping: String?

    @Flag(help: "Import a file even when the same file (same SHA-256) was imported before.")
    var force = false

    @Flag(help: "Reject the whole file, committing nothing, when any row is rejected (exit 65).")
    var strict = false

    @Flag(name: .customLong("no-rejects-file"), help: "Do not write FILE.rejects.csv beside the input.")
    var noRejectsFile = false

    @Argument(
        help: ArgumentHelp(
            "The files to import (CSV, tab, pipe or semicolon separated; - for stdin).", valueName: "file"))
    var files: [String]
}
