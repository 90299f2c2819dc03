/// kaowu's version: what `kaowu --version` prints and every manifest records.
public enum KaowuVersion {
    public static let current = "0.4.0"
}
