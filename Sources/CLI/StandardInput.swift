import Foundation

/// Standard input, saved so that an import can read it twice (once to
/// hash and check its encoding, once to parse it).
enum StandardInput {
    static func copyToTemporaryFile() throws -> String {
        let path = NSTemporaryDirectory() + "codeaudit-stdin-\(getpid()).csv"
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let output = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
            try output.write(contentsOf: chunk)
        }
        try output.close()
        return path
    }
}
