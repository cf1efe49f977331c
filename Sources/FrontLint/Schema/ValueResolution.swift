/// A scalar's value typed as a schema sees it: JSON Schema's types.
public enum ResolvedValue: Sendable, Equatable {
    case null
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)

    public var valueType: ValueType { ValueReading(self).valueType }
}

/// Maps Hugo's reading of a scalar (`resolve(_:)`, as goccy/go-yaml decodes it) onto JSON Schema's types.
public enum ValueResolution {
    public static func resolve(_ scalar: YAMLScalar) -> ResolvedValue {
        ValueReading(FrontLint.resolve(scalar)).resolved(text: scalar.value)
    }
}

/// A scalar's value as the schema walk reads it: `ResolvedValue` without a string's text. A `ResolvedValue`
/// owns its string, and building, copying and destroying one for every value cost retains and releases that
/// most checks never needed; the walk reads the text from the node in place when a check does need it.
enum ValueReading: Equatable {
    case null
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    /// A string; its text is the scalar's value.
    case string

    /// What `ValueResolution.resolve` gives a scalar Hugo reads as `type`, less the text.
    init(_ type: ResolvedType) {
        switch type {
        case .null: self = .null
        case .bool(let value): self = .boolean(value)
        case .integer(let value): self = .integer(value)
        case .unsignedInteger(let value): self = .number(Double(value))
        case .float(let value): self = .number(value)
        case .string, .timestamp, .binary, .invalidTagged: self = .string
        }
    }

    /// A resolved value, less its text.
    init(_ value: ResolvedValue) {
        switch value {
        case .null: self = .null
        case .boolean(let b): self = .boolean(b)
        case .integer(let i): self = .integer(i)
        case .number(let d): self = .number(d)
        case .string: self = .string
        }
    }

    var valueType: ValueType {
        switch self {
        case .null: return .null
        case .boolean: return .boolean
        case .integer: return .integer
        case .number: return .number
        case .string: return .string
        }
    }

    /// The value with its text, for messages: `text` is the scalar's value.
    func resolved(text: @autoclosure () -> String) -> ResolvedValue {
        switch self {
        case .null: return .null
        case .boolean(let b): return .boolean(b)
        case .integer(let i): return .integer(i)
        case .number(let d): return .number(d)
        case .string: return .string(text())
        }
    }

    /// Whether the value is a number with no fractional part, which an `integer` type accepts.
    var isWholeNumber: Bool {
        if case .number(let d) = self { return d.isFinite && d.rounded() == d }
        return false
    }
}
