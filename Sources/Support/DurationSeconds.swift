/// A measured duration as seconds (what run summaries and benchmarks print).
extension Duration {
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
