/// Puts libyaml's problem texts into plain words, with a hint at the usual cause in front matter.
enum YAMLErrorText {
    struct Explained {
        var message: String
        var help: String?
    }

    static func explain(problem: String, context: String?, isReaderError: Bool) -> Explained {
        let during = context.map { " \($0)" } ?? ""
        switch problem {
        case "found unexpected end of stream":
            if context?.contains("quoted scalar") == true {
                return Explained(message: "a quoted string is never closed: the front matter ends before its closing quote",
                                 help: "add the missing quote")
            }
            return Explained(message: "the front matter ends in the middle of a value\(during)", help: nil)
        case "mapping values are not allowed in this context":
            return Explained(message: "a `key: value` pair is not allowed here",
                             help: "a value that contains `: ` must be quoted, and a key must start a line at its mapping's indentation")
        case "did not find expected key":
            return Explained(message: "expected a key at this indentation\(during)",
                             help: "check the indentation of this line and for a stray quote on the line before")
        case "did not find expected '-' indicator":
            return Explained(message: "expected a list item (`- `) at this indentation\(during)",
                             help: "list items of one list must line up")
        case "could not find expected ':'":
            return Explained(message: "expected `:` after a key\(during)",
                             help: "a key must fit on one line and be followed by `: `; quote a value that spans lines")
        case "found character that cannot start any token":
            return Explained(message: "this character cannot start a YAML value\(during)",
                             help: "indent with spaces, not tabs, and quote values that start with `@`, `` ` `` or `%`")
        case "found unknown escape character":
            return Explained(message: "unknown escape sequence in a double-quoted string",
                             help: "write `\\\\` for a backslash, or use single quotes, where backslashes are literal")
        case "did not find expected node content":
            return Explained(message: "expected a value here\(during)", help: nil)
        case "did not find expected ',' or ']'":
            return Explained(message: "expected `,` or `]` in a flow list\(during)", help: "close the list with `]`")
        case "did not find expected ',' or '}'":
            return Explained(message: "expected `,` or `}` in a flow mapping\(during)", help: "close the mapping with `}`")
        case "did not find expected <document start>":
            // After a `%YAML`/`%TAG` directive or a `...` end-of-document marker libyaml wants `---`, which in
            // front matter is the closing delimiter: the front matter is read as a second document.
            return Explained(message: "expected a document start (`---`) here: the front matter holds a `%` directive or a `...` end-of-document marker",
                             help: "front matter is one YAML document: remove the `%YAML`/`%TAG` directive or the `...` line")
        case "found undefined tag handle":
            return Explained(message: "unknown tag handle\(during)", help: "tags start with `!` or `!!`; quote the value if it is text")
        default:
            if isReaderError {
                return Explained(message: "the front matter cannot be read as UTF-8: \(problem)",
                                 help: "save the file as UTF-8")
            }
            return Explained(message: "YAML syntax error: \(problem)\(during)", help: nil)
        }
    }
}
