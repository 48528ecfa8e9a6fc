import Analytics
import ArgumentParser
import Edits
import Foundation
import Report
import Store

extension Stratification: ExpressibleByArgument {}

extension CodeAudit {
    /// `codeaudit sample`.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a random audit sample of a month's encounters and write its audit worksheet.",
            discussion: """
                A simple random sample without replacement (with --per, N from each coder's or provider's \
                encounters, or all of a smaller stratum; --per risk draws N from the encounters the coding \
                edits flag and N from the others, so audits go where the risk is), drawn from the month's encounters in encounter-id \
                order with xoshiro256** seeded by SplitMix64 from --seed: the same seed and data give the same \
                sample on any machine. The sample is recorded in the database; its id goes to stdout. The \
                worksheet has one row per submitted code with the audited side pre-filled: edit what is wrong, \
                fill in auditor and audit_date, and import it with `codeaudit import audits`.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: ArgumentHelp("The month, by service date.", valueName: "YYYY-MM"))
        var month: Month

        @Option(help: ArgumentHelp("Encounters to draw (per stratum with --per).", valueName: "n"))
        var size: Int

        @Option(
            help:
                "Draw the size from each coder's or each provider's encounters, or (risk) from the flagged and the unflagged."
        )
        var per: Stratification?

        @Option(help: ArgumentHelp("The seed (default: a random one, printed).", valueName: "n"))
        var seed: UInt64?

        @Option(
            help: ArgumentHelp(
                "Extra encounters drawn after the sample, to stand in for one that cannot be audited.", valueName: "n"))
        var spares = 0

        @Option(help: ArgumentHelp("The worksheet (default: sample-ID-worksheet.csv).", valueName: "file"))
        var out: String?

        func run() throws {
            try logged("sample", store: store) { record in
                let database = try store.openExisting()
                let analytics = Analytics(database: database)
                let seed = seed ?? UInt64.random(in: 0...UInt64.max)
                let sample: StoredAuditSample
                let flagged = per == .risk ? try EditChecks(database: database).flaggedEncounters(in: month) : []
                do {
                    sample = try analytics.drawSample(
                        month: month, size: size, per: per, seed: seed, spares: spares,
                        createdAt: ISO8601DateFormatter().string(from: Date()), flagged: flagged)
                } catch let error as SamplingError {
                    printError("codeaudit: \(error.localizedDescription)")
                    throw ExitCode(65)
                }
                let drawn = sample.sample.encounters.filter { !$0.spare }
                let worksheet = Exports.worksheet(try analytics.worksheetRows(encounters: drawn.map(\.rowID)))
                let path = out ?? "sample-\(sample.id)-worksheet.csv"
                let data = worksheet.csv()
                try OutputFile.write(data, to: path)
                record.wrote(data, to: path)
                print(sample.id)
                let spareCount = sample.sample.encounters.count - drawn.count
                printError(
                    "sample \(sample.id): \(drawn.count) of the \(sample.sample.frameSize) encounters of \(month)"
                        + (per.map { " (\(size) per \($0.rawValue))" } ?? "") + ", seed \(seed)"
                        + (spareCount > 0 ? ", \(spareCount) spares" : "") + "; worksheet: \(path) ("
                        + "\(worksheet.rows.count) codes)")
            }
        }
    }

    /// `codeaudit extrapolate`.
    struct Extrapolate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Project a sample's overpayment onto its month's encounters, with a confidence interval.",
            discussion: """
                Per sampled encounter the overpayment is overcoded − undercoded (net), or overcoded alone with \
                --gross; procedure findings without a contract rate count 0 and are listed. The point estimate \
                is N × mean (per stratum, summed), and the two-sided interval uses the t distribution with the \
                finite population correction, as RAT-STATS' unrestricted variable appraisal does. Refused while \
                any sampled encounter has no audit.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: ArgumentHelp("The sample id that `codeaudit sample` printed.", valueName: "id"))
        var sample: Int64

        @Option(help: ArgumentHelp("The two-sided confidence level, in percent.", valueName: "percent"))
        var confidence = 90.0

        @Flag(
            help: "Use overcoded amounts alone (underpayments not netted), as the OIG's self-disclosure protocol asks.")
        var gross = false

        @Option(help: ArgumentHelp("Also write the figures as CSV.", valueName: "file"))
        var out: String?

        func run() throws {
            try logged("extrapolate", store: store) { record in
                let database = try store.openExisting()
                let result: SampleAppraisal
                do {
                    result = try Analytics(database: database).appraise(
                        sample: sample, confidencePercent: confidence, gross: gross)
                } catch let error as AppraisalError {
                    printError("codeaudit: \(error.localizedDescription)")
                    throw ExitCode(65)
                }
                print(AppraisalText(result).text)
                if let out {
                    let data = Exports.appraisal(
                        sampleID: sample, month: result.month, appraisal: result.appraisal, gross: gross
                    ).csv()
                    try OutputFile.write(data, to: out)
                    record.wrote(data, to: out)
                }
            }
        }
    }
}

/// The figures of an appraisal and its encounters, for people.
struct AppraisalText {
    let result: SampleAppraisal

    init(_ result: SampleAppraisal) {
        self.result = result
    }

    var text: String {
        func money(_ cents: Double) -> String {
            ExportFormat.money(Int64(cents.rounded(.toNearestOrAwayFromZero)))
        }
        let appraisal = result.appraisal
        let percent = ExportFormat.decimal(appraisal.confidence * 100, decimals: 0)
        var lines = [
            "sample \(result.sampleID), \(result.month): \(appraisal.sampleSize) of \(appraisal.frameSize) encounters"
                + (result.strata.count > 1 ? " in \(result.strata.count) strata" : "")
                + "; overpayment = " + (result.gross ? "overcoded amount (gross)" : "overcoded − undercoded (net)"),
            "  mean per sampled encounter   \(money(appraisal.meanCents))",
            "  standard deviation           \(money(appraisal.standardDeviationCents))",
            "  point estimate (frame)       \(money(appraisal.pointEstimateCents))",
            "  standard error               \(money(appraisal.standardErrorCents))",
            "  \(percent)% two-sided interval    \(money(appraisal.lowerCents)) to \(money(appraisal.upperCents))"
                + "  (t = \(ExportFormat.decimal(appraisal.tValue, decimals: 4)), \(appraisal.degreesOfFreedom) df, "
                + "finite population correction)",
        ]
        let unpriced = result.unpricedFindings
        if !unpriced.isEmpty {
            lines.append("  counted as 0 (no contract rate): " + unpriced.joined(separator: "; "))
        }
        lines.append("  per sampled encounter (stratum, overcoded, undercoded, overpayment):")
        for encounter in result.encounters {
            let value = encounter.overpayment
            lines.append(
                "    \(value.externalID)  \(encounter.stratum)  \(ExportFormat.money(value.overcodedCents))  "
                    + "\(ExportFormat.money(value.undercodedCents))  "
                    + ExportFormat.money(value.overpaymentCents(gross: result.gross)))
        }
        return lines.joined(separator: "\n")
    }
}
