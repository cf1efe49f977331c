/// frontlint's version, shown by `--version` and written into SARIF reports.
public enum FrontLintVersion {
    public static let string = "0.1.0"
}
