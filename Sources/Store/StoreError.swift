import Foundation

/// Errors of the store.
public enum StoreError: LocalizedError, Equatable {
    /// The database file cannot be created or opened.
    case cannotOpen(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the database \(path): \(reason)"
        }
    }
}
