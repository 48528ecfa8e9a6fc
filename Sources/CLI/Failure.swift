import ArgumentParser
import CSVOutput
import Foundation
import GRDB
import Ingest
import Store

/// Writes a line to standard error: messages for people never go to stdout.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs `body`, turning our errors into a message on stderr and the
/// sysexits code the spec gives them.
func exitingOnFailure(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as IngestError {
        printError("codeaudit: \(error.localizedDescription)")
        throw ExitCode(error.exitCode)
    } catch let error as StoreError {
        printError("codeaudit: \(error.localizedDescription)")
        throw ExitCode(73)
    } catch let error as CSVWriteError {
        printError("codeaudit: \(error.localizedDescription)")
        throw ExitCode(73)
    } catch let error as DatabaseError
        where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    {
        printError(
            "codeaudit: the database is busy: another codeaudit has been writing to it for longer than the "
                + "10-second wait; nothing was changed. Try again when it has finished.")
        throw ExitCode(75)
    } catch let error as ExitCode {
        throw error
    } catch let error as CocoaError where error.code == .fileWriteNoPermission || error.code == .fileWriteUnknown {
        printError("codeaudit: \(error.localizedDescription)")
        throw ExitCode(73)
    } catch {
        printError("codeaudit: \(error.localizedDescription)")
        throw ExitCode(74)
    }
}
