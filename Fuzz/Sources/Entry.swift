import Foundation

#if CODEAUDIT_FUZZING
    /// libFuzzer's entry point: one input, run through `ImportFuzzing`.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzImport(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
        ImportFuzzing.run(UnsafeRawBufferPointer(start: start, count: count))
        return 0
    }
#else
    /// Without libFuzzer (a plain `swift build`), the same harness replays inputs
    /// given as files — a crash found by `make fuzz`, or the seed corpus:
    /// `swift run codeaudit-fuzz Fuzz/corpus/*`.
    @main
    enum Replay {
        static func main() {
            let paths = CommandLine.arguments.dropFirst()
            guard !paths.isEmpty else {
                FileHandle.standardError.write(Data("usage: codeaudit-fuzz INPUT...\n".utf8))
                exit(64)
            }
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("codeaudit-fuzz: cannot read \(path)\n".utf8))
                    exit(66)
                }
                print("\(path):")
                data.withUnsafeBytes { ImportFuzzing.run($0, report: { print("  " + $0) }) }
            }
        }
    }
#endif
