/// A scalar's value typed as a schema sees it.
public enum ResolvedValue: Sendable, Equatable {
    case null
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)

    public var valueType: ValueType {
        switch self {
        case .null: return .null
        case .boolean: return .boolean
        case .integer: return .integer
        case .number: return .number
        case .string: return .string
        }
    }
}

/// Resolves scalars to typed values the way Hugo's YAML decoder does.
public enum ValueResolution {
    public static func resolve(_ scalar: YAMLScalar) -> ResolvedValue {
        // Placeholder until the full resolver lands: YAML 1.2 core schema for plain scalars.
        if scalar.style != .plain { return .string(scalar.value) }
        switch scalar.tag {
        case "tag:yaml.org,2002:str": return .string(scalar.value)
        default: break
        }
        let v = scalar.value
        switch v {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .boolean(true)
        case "false", "False", "FALSE": return .boolean(false)
        default: break
        }
        if let i = Int64(v) { return .integer(i) }
        if let d = Double(v), v.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true { return .number(d) }
        return .string(v)
    }
}
