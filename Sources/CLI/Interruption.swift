import Foundation

/// Ctrl-C and SIGTERM during an import: SQLite has not committed the open
/// transaction, so leaving at once leaves the database as it was before.
enum Interruption {
    static func exitOnSignal() {
        signal(SIGINT) { _ in _exit(130) }
        signal(SIGTERM) { _ in _exit(143) }
    }
}
