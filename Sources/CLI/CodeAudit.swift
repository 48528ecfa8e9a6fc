import ArgumentParser
import Foundation

/// The `codeaudit` command: medical-coding audit and analytics.
public struct CodeAudit: ParsableCommand {
    /// The version recorded in the import log.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "codeaudit",
        abstract: "Medical-coding audit and analytics: import coded encounters, measure coding quality.",
        version: version,
        subcommands: [
            Init.self, Import.self, Export.self, Report.self, Sample.self, Extrapolate.self, Check.self, Backup.self,
            Demo.self, GenerateSample.self,
        ]
    )

    public init() {}
}
