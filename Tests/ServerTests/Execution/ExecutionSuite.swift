import Testing

/// End-to-end tests of the order executor against the real simulator over loopback. One suite, serialized:
/// every test starts its own simulator and journal, and running them one at a time keeps a 2-core machine
/// from turning short request deadlines into spurious timeouts.
@Suite(.serialized) struct ExecutionEndToEnd {}
