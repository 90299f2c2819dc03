import Testing
@testable import Pack

@Suite struct PackJobTests {}
