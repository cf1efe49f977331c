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

/// The formats `format:` knows (`SchemaParser.formats`).
enum SchemaFormat: String, Sendable {
    case hugoDate = "hugo-date"
    case dateTime = "date-time"
    case date
    case uri
    case uriReference = "uri-reference"
    case email
    case bcp47
    case dateLayout = "date-layout"
}

/// `additionalProperties`: whether keys beyond `properties` are allowed, or the schema they must follow.
public enum AdditionalProperties: Sendable {
    case allowed(Bool)
    case schema(FieldSchema)
}

/// A field definition, in JSON Schema's vocabulary. Every keyword is optional so that definitions can be
/// merged keyword by keyword: a preset defines `title: {type: string}`, a site adds `title: {required: true}`.
public struct FieldSchema: Sendable {
    // The keywords live in one shared, copy-on-write box: a schema is read for every value of every file,
    // and copying a struct of two dozen optionals costs a retain per field each time.
    private var storage = Storage()
    public var types: [ValueType]? { get { storage.types } set { unique().types = newValue } }
    public var required: Bool? { get { storage.required } set { unique().required = newValue } }
    public var enumValues: [SchemaConstant]? { get { storage.enumValues } set { unique().enumValues = newValue } }
    public var constValue: SchemaConstant? { get { storage.constValue } set { unique().constValue = newValue } }
    public var pattern: SchemaPattern? { get { storage.pattern } set { unique().pattern = newValue } }
    public var minLength: Int? { get { storage.minLength } set { unique().minLength = newValue } }
    public var maxLength: Int? { get { storage.maxLength } set { unique().maxLength = newValue } }
    public var minimum: Double? { get { storage.minimum } set { unique().minimum = newValue } }
    public var maximum: Double? { get { storage.maximum } set { unique().maximum = newValue } }
    public var items: Indirect<FieldSchema>? { get { storage.items } set { unique().items = newValue } }
    public var minItems: Int? { get { storage.minItems } set { unique().minItems = newValue } }
    public var maxItems: Int? { get { storage.maxItems } set { unique().maxItems = newValue } }
    public var uniqueItems: Bool? { get { storage.uniqueItems } set { unique().uniqueItems = newValue } }
    public var properties: [String: FieldSchema]? { get { storage.properties } set { unique().properties = newValue } }
    /// Property names in the order they were written, for stable output.
    public var propertyOrder: [String]? { get { storage.propertyOrder } set { unique().propertyOrder = newValue } }
    public var additionalProperties: Indirect<AdditionalProperties>? { get { storage.additionalProperties } set { unique().additionalProperties = newValue } }
    public var anyOf: [FieldSchema]? { get { storage.anyOf } set { unique().anyOf = newValue } }
    public var format: String? {
        get { storage.format }
        set {
            let storage = unique()
            storage.format = newValue
            storage.formatKind = newValue.flatMap(SchemaFormat.init(rawValue:))
        }
    }
    /// `format` compiled once, so that checking a value switches on an enum instead of comparing strings.
    var formatKind: SchemaFormat? { storage.formatKind }
    /// Set when the field is deprecated: the message to show (may be empty).
    public var deprecated: String? { get { storage.deprecated } set { unique().deprecated = newValue } }
    public var description: String? { get { storage.description } set { unique().description = newValue } }
    /// Other spellings of the same key, like Hugo's `pubdate` for `publishDate`.
    public var aliases: [String]? { get { storage.aliases } set { unique().aliases = newValue } }
    /// URL schemes allowed for `uri`/`uri-reference` values (`url-scheme`); default `http`, `https`.
    public var schemes: [String]? { get { storage.schemes } set { unique().schemes = newValue } }
    /// For `format: date-layout`: the layouts a value may follow, e.g. `YYYY-MM-DD HH:mm:ss` (see
    /// `DateLayout` for the tokens). Written `layout:` with one layout or a list.
    public var layouts: [DateLayout]? { get { storage.layouts } set { unique().layouts = newValue } }
    /// Where the definition was written, for messages that point at the schema.
    public var origin: String? { get { storage.origin } set { unique().origin = newValue } }
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The keywords. Mutated only through `unique()`, that is only while no other schema shares the box,
    /// which is what makes the unchecked `Sendable` sound.
    private final class Storage: @unchecked Sendable {
        var types: [ValueType]?
        var required: Bool?
        var enumValues: [SchemaConstant]?
        var constValue: SchemaConstant?
        var pattern: SchemaPattern?
        var minLength: Int?
        var maxLength: Int?
        var minimum: Double?
        var maximum: Double?
        var items: Indirect<FieldSchema>?
        var minItems: Int?
        var maxItems: Int?
        var uniqueItems: Bool?
        var properties: [String: FieldSchema]?
        var propertyOrder: [String]?
        var additionalProperties: Indirect<AdditionalProperties>?
        var anyOf: [FieldSchema]?
        var format: String?
        var formatKind: SchemaFormat?
        var deprecated: String?
        var description: String?
        var aliases: [String]?
        var schemes: [String]?
        var layouts: [DateLayout]?
        var origin: String?

        init() {}

        func copy() -> Storage {
            let other = Storage()
            other.types = types
            other.required = required
            other.enumValues = enumValues
            other.constValue = constValue
            other.pattern = pattern
            other.minLength = minLength
            other.maxLength = maxLength
            other.minimum = minimum
            other.maximum = maximum
            other.items = items
            other.minItems = minItems
            other.maxItems = maxItems
            other.uniqueItems = uniqueItems
            other.properties = properties
            other.propertyOrder = propertyOrder
            other.additionalProperties = additionalProperties
            other.anyOf = anyOf
            other.format = format
            other.formatKind = formatKind
            other.deprecated = deprecated
            other.description = description
            other.aliases = aliases
            other.schemes = schemes
            other.layouts = layouts
            other.origin = origin
            return other
        }
    }

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
