import Foundation

/// Folders of this repository, for tests that check what it commits or run what it builds.
public enum Repository {
    /// The repository's root folder, three levels above this file.
    public static let root = URL(fileURLWithPath: #filePath).appendingPathComponent("../../..").standardizedFileURL

    /// `SampleData/`: the fictional practice's exports that `generate-sample` writes.
    public static let sampleData = root.appendingPathComponent("SampleData")
}
