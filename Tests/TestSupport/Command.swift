import Foundation

/// What a program run to its end did: its exit status and what it wrote.
public typealias CommandResult = (status: Int32, stdout: String, stderr: String)

/// Runs `process` to its end with `stdin` as its input (none when nil) and returns what it did.
///
/// stdout and stderr go to files, so that neither is a terminal and a program that writes much
/// never blocks on a full pipe.
public func runToEnd(_ process: Process, stdin: Data? = nil) throws -> CommandResult {
    let io = FileManager.default.temporaryDirectory.appendingPathComponent("codeaudit-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: io, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: io) }
    let files = ["stdin", "stdout", "stderr"].map { io.appendingPathComponent($0) }
    for file in files { try (file == files[0] ? stdin ?? Data() : Data()).write(to: file) }
    let handles = [
        try FileHandle(forReadingFrom: files[0]), try FileHandle(forWritingTo: files[1]),
        try FileHandle(forWritingTo: files[2]),
    ]
    process.standardInput = stdin == nil ? FileHandle.nullDevice : handles[0]
    process.standardOutput = handles[1]
    process.standardError = handles[2]
    // Foundation's `waitUntilExit` on Linux looks for the end every 50 ms, which over the suite's
    // thousands of commands kept a test thread waiting for minutes; the handler says so at once.
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    exited.wait()
    process.waitUntilExit()
    for handle in handles { try handle.close() }
    let text = { (url: URL) in String(decoding: try Data(contentsOf: url), as: UTF8.self) }
    return (process.terminationStatus, try text(files[1]), try text(files[2]))
}

/// SHA-256 of `data` as lower-case hex, computed by the system's `sha256sum`, so that a test
/// does not check the product's digest with the code the product uses.
public func sha256Hex(_ data: Data) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let result = try runToEnd(process, stdin: data)
    guard result.status == 0, let digest = result.stdout.split(separator: " ").first else {
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "sha256sum: \(result.stderr)"])
    }
    return String(digest)
}
