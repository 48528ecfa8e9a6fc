import TestSupport

@testable import Analytics

extension TestWorkspace {
    /// The metrics over the workspace's store.
    var analytics: Analytics { Analytics(database: database) }
}
