/// Paths as reports write them: relative to the working directory where possible, and as URIs for SARIF.
enum ReportPath {
    /// `path` relative to `workingDirectory` (both as the runner gives them); nil when the file is outside it.
    static func relative(_ path: String, workingDirectory: String) -> String? {
        let absolute = PathNames.absolute(path, base: workingDirectory)
        guard let relative = PathNames.relative(absolute, to: PathNames.normalize(workingDirectory)),
              !relative.isEmpty else { return nil }
        return relative
    }

    /// A path for tools that expect one relative to the project root (GitLab): relative when the file is
    /// inside the working directory, as given otherwise.
    static func display(_ path: String, workingDirectory: String) -> String {
        relative(path, workingDirectory: workingDirectory) ?? path
    }

    /// A path for line-oriented reports (`human`, `concise`): as it is, unless it holds a control character
    /// (a newline, a tab, an escape …); then it is quoted and escaped the way git quotes such names
    /// (`"bad\nname.md"`), so that one diagnostic stays one `path:line:column:` line and a file name cannot
    /// send escape sequences to the terminal.
    static func lineSafe(_ path: String) -> String {
        guard withUTF8Bytes(path, { $0.contains { $0 < 0x20 || $0 == 0x7F } }) else { return path }
        var out = "\""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let octal = String(scalar.value, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Percent-encodes a path for a URI: every byte but unreserved characters and `/` (RFC 3986), so
    /// spaces, `%`, `#` and CJK names survive.
    static func uriEncoded(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
