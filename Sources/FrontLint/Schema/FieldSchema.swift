/// The JSON types a front matter value can have, resolved from YAML the way Hugo's decoder does.
public enum ValueType: String, Sendable, CaseIterable {
    case string, boolean, integer, number, array, object, null
}

/// A constant in `enum` or `const`: a scalar from the configuration, compared with the front matter
/// value after both are resolved to their YAML types (`false` matches a plain `false`, not `"false"`).
public enum SchemaConstant: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case null

    public var description: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .null: return "null"
        }
    }
}

/// `additionalProperties`: whether keys beyond `properties` are allowed, or the schema they must follow.
public enum AdditionalProperties: Sendable {
    case allowed(Bool)
    case schema(FieldSchema)
}

/// A field definition, in JSON Schema's vocabulary. Every keyword is optional so that definitions can be
/// merged keyword by keyword: a preset defines `title: {type: string}`, a site adds `title: {required: true}`.
public struct FieldSchema: Sendable {
    public var types: [ValueType]?
    public var required: Bool?
    public var enumValues: [SchemaConstant]?
    public var constValue: SchemaConstant?
    public var pattern: SchemaPattern?
    public var minLength: Int?
    public var maxLength: Int?
    public var minimum: Double?
    public var maximum: Double?
    public var items: Indirect<FieldSchema>?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems: Bool?
    public var properties: [String: FieldSchema]?
    /// Property names in the order they were written, for stable output.
    public var propertyOrder: [String]?
    public var additionalProperties: Indirect<AdditionalProperties>?
    public var anyOf: [FieldSchema]?
    public var format: String?
    /// Set when the field is deprecated: the message to show (may be empty).
    public var deprecated: String?
    public var description: String?
    /// Other spellings of the same key, like Hugo's `pubdate` for `publishDate`.
    public var aliases: [String]?
    /// URL schemes allowed for `uri`/`uri-reference` values (`url-scheme`); default `http`, `https`.
    public var schemes: [String]?
    /// For `format: date-layout`: the layouts a value may follow, e.g. `YYYY-MM-DD HH:mm:ss` (see
    /// `DateLayout` for the tokens). Written `layout:` with one layout or a list.
    public var layouts: [DateLayout]?
    /// Where the definition was written, for messages that point at the schema.
    public var origin: String?

    public init() {}

    /// Keywords of `other` replace those of `self`; `properties` merge per property.
    public func merged(with other: FieldSchema) -> FieldSchema {
        var result = self
        if let v = other.types { result.types = v }
        if let v = other.required { result.required = v }
        if let v = other.enumValues { result.enumValues = v }
        if let v = other.constValue { result.constValue = v }
        if let v = other.pattern { result.pattern = v }
        if let v = other.minLength { result.minLength = v }
        if let v = other.maxLength { result.maxLength = v }
        if let v = other.minimum { result.minimum = v }
        if let v = other.maximum { result.maximum = v }
        if let v = other.items { result.items = result.items.map { Indirect($0.value.merged(with: v.value)) } ?? v }
        if let v = other.minItems { result.minItems = v }
        if let v = other.maxItems { result.maxItems = v }
        if let v = other.uniqueItems { result.uniqueItems = v }
        if let otherProperties = other.properties {
            var properties = result.properties ?? [:]
            var order = result.propertyOrder ?? []
            for name in other.propertyOrder ?? Array(otherProperties.keys) {
                guard let schema = otherProperties[name] else { continue }
                if let existing = properties[name] {
                    properties[name] = existing.merged(with: schema)
                } else {
                    properties[name] = schema
                    order.append(name)
                }
            }
            result.properties = properties
            result.propertyOrder = order
        }
        if let v = other.additionalProperties { result.additionalProperties = v }
        if let v = other.anyOf { result.anyOf = v }
        if let v = other.format { result.format = v }
        if let v = other.deprecated { result.deprecated = v }
        if let v = other.description { result.description = v }
        if let v = other.aliases { result.aliases = v }
        if let v = other.schemes { result.schemes = v }
        if let v = other.layouts { result.layouts = v }
        if let v = other.origin { result.origin = v }
        return result
    }

    public var isRequired: Bool { required ?? false }
}

/// A value held by reference, so that a struct can contain itself (`items`, `additionalProperties`).
public final class Indirect<Value: Sendable>: Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
