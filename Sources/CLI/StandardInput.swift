import Foundation

/// Standard input, saved so that an import can read it twice (once to
/// hash and check its encoding, once to parse it).
enum StandardInput {
    /// Copies `input` into a new file of the temporary folder and returns its path;
    /// the caller removes it.
    ///
    /// The input is PHI. `mkstemp` creates the file under a random name with
    /// `O_EXCL` and mode 0600, so nothing another local user planted in a shared
    /// temporary folder (a symbolic link to a file of theirs) can receive it.
    ///
    /// - throws: `CocoaError` when the file cannot be created or written.
    static func copyToTemporaryFile(from input: FileHandle = .standardInput) throws -> String {
        var template = Array((NSTemporaryDirectory() + "codeaudit-stdin-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let output = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                try output.write(contentsOf: chunk)
            }
            try output.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return path
    }
}
