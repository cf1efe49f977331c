/// `frontlint inspect`: what frontlint sees in a file — the front matter as a tree of typed nodes, and the
/// heading outline. Aliases are shown by name and never expanded, so the output stays proportional to the
/// file however its anchors are used.
public enum InspectRenderer {
    // MARK: JSON

    /// `{"path", "frontMatter", "headings"}`: `frontMatter` is null without front matter, otherwise
    /// `{"format", "terminated", "range", "problems", "root"}` where `root` is a node (null when the front
    /// matter is empty, not YAML, or unterminated).
    public static func json(_ file: LintContext) -> String {
        var out = "{" + JSON.string("path") + ": " + JSON.string(file.source.path) + ",\n "
        out += JSON.string("frontMatter") + ": " + frontMatterJSON(file) + ",\n "
        out += JSON.string("headings") + ": ["
        for (index, heading) in file.headings.enumerated() {
            out += index == 0 ? "\n  " : ",\n  "
            out += JSON.object([
                ("level", String(heading.level)),
                ("style", JSON.string(heading.style.rawValue)),
                ("line", String(heading.line)),
                ("endLine", String(heading.endLine)),
                ("text", JSON.string(heading.text)),
            ])
        }
        out += file.headings.isEmpty ? "]}\n" : "\n ]}\n"
        return out
    }

    static func frontMatterJSON(_ file: LintContext) -> String {
        guard let frontMatter = file.split.frontMatter else { return "null" }
        let end = frontMatter.closing?.upperBound ?? frontMatter.content.upperBound
        let problems = (file.document?.problems ?? []).map { problem in
            JSON.object([("message", JSON.string(problem.message)), ("range", rangeJSON(problem.range))])
        }
        var root = "null"
        if let document = file.document, let id = document.root {
            var writer = NodeJSONWriter(document: document, source: file.source)
            writer.write(id, key: nil, depth: 1)
            root = writer.out
        }
        return JSON.object([
            ("format", JSON.string(frontMatter.format.rawValue.lowercased())),
            ("terminated", String(!file.split.isUnterminated)),
            ("range", rangeJSON(file.source.range(frontMatter.opening.lowerBound..<end))),
            ("problems", "[" + problems.joined(separator: ", ") + "]"),
            ("root", root),
        ])
    }

    static func rangeJSON(_ range: SourceRange) -> String {
        JSON.object([("start", positionJSON(range.start)), ("end", positionJSON(range.end))])
    }

    static func positionJSON(_ p: Position) -> String {
        JSON.object([("line", String(p.line)), ("column", String(p.column)), ("offset", String(p.offset))])
    }

    /// Writes a node and its children, one node per line, indented by depth.
    struct NodeJSONWriter {
        let document: YAMLDocument
        let source: SourceFile
        var out = ""

        mutating func write(_ id: NodeID, key: (text: String, range: SourceRange)?, depth: Int) {
            let node = document[id]
            var pairs: [(String, String)] = []
            if let key {
                pairs.append(("key", JSON.string(key.text)))
                pairs.append(("keyRange", rangeJSON(key.range)))
            }
            pairs.append(("type", JSON.optional(InspectRenderer.typeName(id, in: document))))
            switch node.kind {
            case .scalar(let scalar):
                pairs.append(("value", JSON.string(document.value(of: scalar))))
                pairs.append(("style", JSON.string(scalar.style.rawValue)))
                pairs.append(("tag", JSON.optional(document.tag(of: id).map(YAMLTag.shortName))))
            case .alias(let name, _):
                pairs.append(("alias", JSON.string(document.text(name))))
            case .mapping, .sequence:
                pairs.append(("style", JSON.string(node.isFlow ? "flow" : "block")))
                pairs.append(("tag", JSON.optional(document.tag(of: id).map(YAMLTag.shortName))))
            }
            if let anchor = document.anchor(of: id) { pairs.append(("anchor", JSON.string(anchor))) }
            pairs.append(("range", rangeJSON(document.range(of: id))))
            var object = JSON.object(pairs)
            object.removeLast()  // the closing brace: children follow
            out += object
            let indent = "\n" + String(repeating: "  ", count: depth + 1)
            switch node.kind {
            case .mapping(let entries):
                out += ", " + JSON.string("entries") + ": ["
                for (index, entry) in document.entries(of: entries).enumerated() {
                    out += (index == 0 ? "" : ",") + indent
                    write(entry.value, key: InspectRenderer.key(entry, in: document, source: source), depth: depth + 1)
                }
                out += "]"
            case .sequence(let items):
                out += ", " + JSON.string("items") + ": ["
                for (index, item) in document.items(of: items).enumerated() {
                    out += (index == 0 ? "" : ",") + indent
                    write(item, key: nil, depth: depth + 1)
                }
                out += "]"
            default:
                break
            }
            out += "}"
        }
    }

    // MARK: Human

    /// An indented outline: the front matter's keys with value, type, style and position, then the headings
    /// indented by level.
    public static func human(_ file: LintContext) -> String {
        var out = file.source.path + "\n"
        if let frontMatter = file.split.frontMatter {
            let firstLine = file.source.line(containing: frontMatter.opening.lowerBound)
            let lastLine = file.source.line(containing: max(frontMatter.opening.lowerBound,
                                                            (frontMatter.closing ?? frontMatter.content).upperBound - 1))
            out += "front matter: \(frontMatter.format.rawValue.lowercased()), lines \(firstLine)–\(lastLine)"
            if file.split.isUnterminated { out += ", never closed" }
            if frontMatter.format != .yaml { out += " (not read: frontlint reads YAML front matter only)" }
            out += "\n"
            for problem in file.document?.problems ?? [] {
                out += "  ! \(problem.range.start): \(problem.message)\n"
            }
            if let document = file.document, let root = document.root {
                if let entries = document.entries(root), case .mapping = document[root].kind {
                    for entry in entries { humanNode(entry.value, label: key(entry, in: document, source: file.source).text, document, file.source, depth: 1, into: &out) }
                } else {
                    humanNode(root, label: nil, document, file.source, depth: 1, into: &out)
                }
            }
        } else {
            out += "front matter: none\n"
        }
        let headings = file.headings
        out += "headings: \(headings.isEmpty ? "none" : String(headings.count))\n"
        for heading in headings {
            let lines = heading.line == heading.endLine ? "line \(heading.line)" : "lines \(heading.line)–\(heading.endLine)"
            out += String(repeating: "  ", count: heading.level) + "h\(heading.level) " + displayed(heading.text)
                + "  (\(heading.style.rawValue), \(lines))\n"
        }
        return out
    }

    static func humanNode(_ id: NodeID, label: String?, _ document: YAMLDocument, _ source: SourceFile, depth: Int,
                          into out: inout String) {
        let node = document[id]
        var line = String(repeating: "  ", count: depth) + (label.map { $0 + ":" } ?? "-")
        var details = [typeName(id, in: document) ?? "unresolved"]
        switch node.kind {
        case .scalar(let scalar):
            line += " " + displayed(document.value(of: scalar), quoted: scalar.style != .plain)
            details.append(scalar.style.rawValue)
            if let tag = document.tag(of: id) { details.append(YAMLTag.shortName(tag)) }
        case .alias(let name, _):
            line += " *" + document.text(name)
            details.append("alias")
        case .mapping, .sequence:
            details.append(node.isFlow ? "flow" : "block")
        }
        if let anchor = document.anchor(of: id) { details.append("&" + anchor) }
        out += line + "  (" + details.joined(separator: ", ") + ", \(document.range(of: id)))\n"
        switch node.kind {
        case .mapping(let entries):
            for entry in document.entries(of: entries) {
                humanNode(entry.value, label: key(entry, in: document, source: source).text, document, source, depth: depth + 1, into: &out)
            }
        case .sequence(let items):
            for item in document.items(of: items) { humanNode(item, label: nil, document, source, depth: depth + 1, into: &out) }
        default:
            break
        }
    }

    /// A value on one line: control characters escaped, long values shortened.
    static func displayed(_ text: String, quoted: Bool = false) -> String {
        let shortened = text.count > 80 ? String(text.prefix(79)) + "…" : text
        let escaped = JSON.string(shortened)
        return quoted || escaped.dropFirst().dropLast() != shortened ? escaped : shortened
    }

    // MARK: Shared

    /// The JSON Schema type a node has as Hugo reads it; an alias has its target's type, nil when undefined.
    static func typeName(_ id: NodeID, in document: YAMLDocument) -> String? {
        guard let target = document.resolved(id) else { return nil }
        switch document[target].kind {
        case .scalar: return ValueResolution.resolve(document.scalar(target)!).valueType.rawValue
        case .mapping: return ValueType.object.rawValue
        case .sequence: return ValueType.array.rawValue
        case .alias: return nil
        }
    }

    /// A mapping key's text (its source text for a complex key) and range.
    static func key(_ entry: MappingEntry, in document: YAMLDocument, source: SourceFile) -> (text: String, range: SourceRange) {
        let range = document.range(of: entry.key)
        if let text = document.keyText(entry) { return (text, range) }
        let raw = source.text(range.start.offset..<range.end.offset)
        return (raw.count > 80 ? String(raw.prefix(79)) + "…" : raw, range)
    }
}
