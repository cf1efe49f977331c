/// Reads field definitions (`fields:` in a configuration or preset) into `FieldSchema`s.
enum SchemaParser {
    static let keywords = [
        "type", "required", "enum", "const", "pattern", "minLength", "maxLength", "minimum", "maximum",
        "items", "minItems", "maxItems", "uniqueItems", "properties", "additionalProperties", "anyOf",
        "format", "deprecated", "description", "aliases", "schemes", "layout",
    ]

    static let formats = ["hugo-date", "date-time", "date", "uri", "uri-reference", "email", "bcp47", "date-layout"]

    /// `fields:`: a mapping from field name to definition.
    static func parseFields(_ node: ConfigNode) throws(ConfigurationError) -> [(String, FieldSchema)] {
        var result: [(String, FieldSchema)] = []
        for (name, _, value) in try node.entries() {
            result.append((name, try parse(value)))
        }
        return result
    }

    static func parse(_ node: ConfigNode) throws(ConfigurationError) -> FieldSchema {
        var schema = FieldSchema()
        schema.origin = "\(node.file):\(node.range.start.line)"
        for (keyword, keyNode, value) in try node.entries() {
            switch keyword {
            case "type":
                var types: [ValueType] = []
                for item in try value.items(allowScalar: true) {
                    let name = try item.stringValue()
                    guard let type = ValueType(rawValue: name) else {
                        throw item.error("unknown type `\(name)`\(DidYouMean.phrase(name, from: ValueType.allCases.map(\.rawValue)))",
                                         help: "types are string, boolean, integer, number, array, object, null")
                    }
                    types.append(type)
                }
                schema.types = types
            case "required": schema.required = try value.bool()
            case "enum": schema.enumValues = try value.items().map(constant)
            case "const": schema.constValue = try constant(value)
            case "pattern":
                let source = try value.stringValue()
                do { schema.pattern = try SchemaPattern(source) } catch {
                    throw value.error("`\(source)` is not a valid regular expression")
                }
            case "minLength": schema.minLength = try value.integer()
            case "maxLength": schema.maxLength = try value.integer()
            case "minimum": schema.minimum = try value.number()
            case "maximum": schema.maximum = try value.number()
            case "items": schema.items = Indirect(try parse(value))
            case "minItems": schema.minItems = try value.integer()
            case "maxItems": schema.maxItems = try value.integer()
            case "uniqueItems": schema.uniqueItems = try value.bool()
            case "properties":
                let fields = try parseFields(value)
                schema.properties = Dictionary(fields, uniquingKeysWith: { _, last in last })
                schema.propertyOrder = fields.map(\.0)
            case "additionalProperties":
                if value.isMapping {
                    schema.additionalProperties = Indirect(.schema(try parse(value)))
                } else {
                    schema.additionalProperties = Indirect(.allowed(try value.bool()))
                }
            case "anyOf":
                var options: [FieldSchema] = []
                for item in try value.items() { options.append(try parse(item)) }
                schema.anyOf = options
            case "format":
                let format = try value.stringValue()
                guard formats.contains(format) else {
                    throw value.error("unknown format `\(format)`\(DidYouMean.phrase(format, from: formats))",
                                      help: "formats are " + formats.joined(separator: ", "))
                }
                schema.format = format
            case "deprecated":
                if let scalar = value.scalar, scalar.isPlainUntagged, scalar.value == "true" || scalar.value == "false" {
                    schema.deprecated = scalar.value == "true" ? "" : nil
                } else {
                    schema.deprecated = try value.stringValue()
                }
            case "description": schema.description = try value.stringValue()
            case "aliases": schema.aliases = try value.stringList()
            case "schemes": schema.schemes = try value.stringList().map { $0.lowercased() }
            case "layout":
                var layouts: [DateLayout] = []
                for item in try value.items(allowScalar: true) {
                    let text = try item.stringValue()
                    guard let layout = DateLayout(text) else {
                        throw item.error("invalid date layout `\(text)`: \(DateLayout.problem(in: text) ?? "unknown problem")",
                                         help: "tokens are YYYY MM DD HH mm ss Z ZZ; other non-letters stand for themselves")
                    }
                    layouts.append(layout)
                }
                schema.layouts = layouts
            default:
                throw keyNode.error("unknown schema keyword `\(keyword)`\(DidYouMean.phrase(keyword, from: keywords))")
            }
        }
        return schema
    }

    /// A constant from the configuration, typed the way the front matter's values are.
    static func constant(_ node: ConfigNode) throws(ConfigurationError) -> SchemaConstant {
        guard let scalar = node.scalar else {
            throw node.error("expected a scalar (text, number, boolean or null), found \(node.kindName)")
        }
        return SchemaConstant(scalar)
    }
}

extension SchemaConstant {
    /// The constant a YAML scalar stands for, resolved as Hugo's decoder resolves it.
    init(_ scalar: YAMLScalar) {
        switch ValueResolution.resolve(scalar) {
        case .null: self = .null
        case .boolean(let b): self = .boolean(b)
        case .integer(let i): self = .integer(i)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s)
        }
    }
}
