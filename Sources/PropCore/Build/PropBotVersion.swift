/// The release version reported by `/api/health`, `propbot --version` and logs.
public enum PropBotVersion {
    public static let string = "0.1.0"
}
