import ArgumentParser
import Foundation
import SampleGenerator

extension CodeAudit {
    /// `codeaudit generate-sample --out DIR`: the sample practice's exports.
    struct GenerateSample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate-sample",
            abstract:
                "Write a fictional practice's exports (encounters, fees, audits, hours, 835s, NCCI tables) into a folder.",
            discussion: """
                The practice is invented: twelve providers in family medicine, internal medicine, orthopedics and \
                dermatology, eight coders, five payers. Its files imitate three systems' encounter exports (one \
                tab-delimited, one in Windows-1252), a fee schedule, an audit worksheet, a timesheet and each \
                payer's X12 835 remittance advice (one file per payer per month of payment), with planted patterns \
                (an upcoding coder, a fast but inaccurate coder, an underpaying payer, a provider whose E/M levels \
                skew high, a payer that denies one code, a slow payer, a reversal), two illustrative NCCI tables in \
                CMS's layouts (PTP and MUE; not CMS's), coding mistakes for the edits to flag, and a few bad rows \
                of every kind the imports reject. The same seed always writes the same bytes; the defaults write \
                the files in SampleData/ (see its README.md). Every name and patient in them is fictional.
                """)

        @Option(
            help: ArgumentHelp(
                "The folder to write into (created when missing; files of the same name are replaced).",
                valueName: "dir"))
        var out: String

        @Option(help: "The seed of every random draw.")
        var seed: UInt64 = SampleOptions.defaultSeed

        @Option(help: ArgumentHelp("Months of service, ending with October 2026 (1–24).", valueName: "count"))
        var months = 6

        @Option(help: ArgumentHelp("About how many encounters a month (200–50000).", valueName: "count"))
        var encountersPerMonth = 2_000

        func validate() throws {
            guard SampleOptions.monthRange.contains(months) else {
                throw ValidationError("--months must be from 1 to 24")
            }
            guard SampleOptions.encounterRange.contains(encountersPerMonth) else {
                throw ValidationError("--encounters-per-month must be from 200 to 50000")
            }
        }

        func run() throws {
            let options = SampleOptions(seed: seed, months: months, encountersPerMonth: encountersPerMonth)
            let practice = SamplePractice(options: options)
            let folder = URL(fileURLWithPath: out)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for file in practice.files() {
                    try Data(file.bytes).write(to: folder.appendingPathComponent(file.name), options: .atomic)
                    printError("wrote \(folder.appendingPathComponent(file.name).path) (\(file.bytes.count) bytes)")
                }
            } catch {
                printError("codeaudit: cannot write into \(out): \(error.localizedDescription)")
                throw ExitCode(73)
            }
            let lines = practice.encounters.reduce(0) { $0 + $1.lines.count }
            let findings = practice.audits.reduce(0) { $0 + $1.findings.count }
            printError(
                "\(practice.encounters.count) encounters (\(lines) lines), \(practice.audits.count) audits "
                    + "(\(findings) findings), \(practice.hours.count) coder-days, \(practice.feeSchedule.count) rates; "
                    + "\(practice.plantedRejects.count) planted bad rows, \(practice.plantedEdits.count) planted coding mistakes"
            )
        }
    }
}
