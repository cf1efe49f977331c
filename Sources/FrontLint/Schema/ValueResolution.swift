/// A scalar's value typed as a schema sees it: JSON Schema's types.
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

/// Maps Hugo's reading of a scalar (`resolve(_:)`, as goccy/go-yaml decodes it) onto JSON Schema's types.
public enum ValueResolution {
    public static func resolve(_ scalar: YAMLScalar) -> ResolvedValue {
        switch FrontLint.resolve(scalar) {
        case .null: return .null
        case .bool(let value): return .boolean(value)
        case .integer(let value): return .integer(value)
        case .unsignedInteger(let value): return .number(Double(value))
        case .float(let value): return .number(value)
        case .string, .timestamp, .binary, .invalidTagged: return .string(scalar.value)
        }
    }
}
