/// Writes a merged configuration back as YAML, for `frontlint print-config`.
public enum ConfigurationPrinter {
    public static func render(_ configuration: Configuration, settings: LintSettings) -> String {
        var out = "# Configuration: \(configuration.path ?? "none found; built-in default")\n"
        if !configuration.presets.isEmpty {
            out += "# Presets merged in: \(configuration.presets.joined(separator: ", "))\n"
        }
        let layer = settings.layer
        out += "require-front-matter: \(layer.requireFrontMatter ?? false)\n"
        out += "exclude: [" + configuration.exclude.map { quote($0.description) }.joined(separator: ", ") + "]\n"
        out += "rules:\n"
        let enabled = settings.severities
        for description in RuleRegistry.all.map({ $0.description }) {
            let level = enabled[description.id]?.rawValue ?? "off"
            var line = "  \(description.id): \(level)"
            if let options = layer.rules[description.id]?.options, !options.isEmpty {
                line = "  \(description.id): {severity: \(level)"
                for (name, node) in options.sorted(by: { $0.key < $1.key }) {
                    line += ", \(name): \(flow(node.document, node.id))"
                }
                line += "}"
            }
            out += line + "\n"
        }
        out += layer.fieldOrder.isEmpty ? "fields: {}\n" : "fields:\n"
        for name in layer.fieldOrder {
            guard let schema = layer.fields[name] else { continue }
            out += "  \(quoteKey(name)): \(render(schema))\n"
        }
        return out
    }

    /// A schema as a one-line flow mapping.
    static func render(_ s: FieldSchema) -> String {
        var parts: [String] = []
        if let types = s.types { parts.append("type: " + (types.count == 1 ? types[0].rawValue : "[" + types.map(\.rawValue).joined(separator: ", ") + "]")) }
        if let v = s.required { parts.append("required: \(v)") }
        if let v = s.enumValues { parts.append("enum: [" + v.map(constant).joined(separator: ", ") + "]") }
        if let v = s.constValue { parts.append("const: " + constant(v)) }
        if let v = s.pattern { parts.append("pattern: " + quote(v.source)) }
        if let v = s.minLength { parts.append("minLength: \(v)") }
        if let v = s.maxLength { parts.append("maxLength: \(v)") }
        if let v = s.minimum { parts.append("minimum: \(v)") }
        if let v = s.maximum { parts.append("maximum: \(v)") }
        if let v = s.items { parts.append("items: " + render(v.value)) }
        if let v = s.minItems { parts.append("minItems: \(v)") }
        if let v = s.maxItems { parts.append("maxItems: \(v)") }
        if let v = s.uniqueItems { parts.append("uniqueItems: \(v)") }
        if let properties = s.properties {
            let names = s.propertyOrder ?? properties.keys.sorted()
            parts.append("properties: {" + names.compactMap { n in properties[n].map { "\(quoteKey(n)): " + render($0) } }.joined(separator: ", ") + "}")
        }
        if let v = s.additionalProperties {
            switch v.value {
            case .allowed(let allowed): parts.append("additionalProperties: \(allowed)")
            case .schema(let schema): parts.append("additionalProperties: " + render(schema))
            }
        }
        if let v = s.anyOf { parts.append("anyOf: [" + v.map(render).joined(separator: ", ") + "]") }
        if let v = s.format { parts.append("format: \(v)") }
        if let v = s.layouts { parts.append("layout: [" + v.map { quote($0.layout) }.joined(separator: ", ") + "]") }
        if let v = s.deprecated { parts.append("deprecated: " + (v.isEmpty ? "true" : quote(v))) }
        if let v = s.aliases { parts.append("aliases: [" + v.map(quoteKey).joined(separator: ", ") + "]") }
        if let v = s.schemes { parts.append("schemes: [" + v.joined(separator: ", ") + "]") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    static func constant(_ c: SchemaConstant) -> String {
        switch c {
        case .string(let s): return quoteKey(s)
        default: return c.description
        }
    }

    static func flow(_ document: YAMLDocument, _ id: NodeID) -> String {
        if let scalar = document.scalar(id) { return scalar.style == .plain ? scalar.value : quote(scalar.value) }
        if let items = document.items(id) { return "[" + items.map { flow(document, $0) }.joined(separator: ", ") + "]" }
        if let entries = document.entries(id) {
            return "{" + entries.map { flow(document, $0.key) + ": " + flow(document, $0.value) }.joined(separator: ", ") + "}"
        }
        return "null"
    }

    static func quote(_ text: String) -> String { JSON.string(text) }

    /// Plain when that reads back as the same string, quoted otherwise.
    static func quoteKey(_ text: String) -> String {
        let safe = !text.isEmpty && text.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
        } && !["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
            && Int(text) == nil && Double(text) == nil
        return safe ? text : quote(text)
    }
}
