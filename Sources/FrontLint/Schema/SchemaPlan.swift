/// A field schema compiled for checking values, built once per `LintSettings` and shared by every file.
///
/// `FieldSchema` is made for merging definitions keyword by keyword: every keyword is an optional in a
/// copy-on-write box, and subschemas are values. Reading it for every value of every file cost a retain and
/// release per keyword read and per subschema copied. A plan is an immutable class whose subschemas are plans
/// too, so the walk passes references it does not own, and what the walk would work out again for every value
/// (which types are accepted, whether a list refuses empty items, the allowed URL schemes) is worked out here.
final class SchemaPlan: Sendable {
    /// The schema this plan was compiled from, for the few keywords only messages read.
    let source: FieldSchema

    let types: [ValueType]?
    /// `types` as a set of the value types they accept: a `number` accepts integers too.
    private let acceptedTypes: UInt8
    /// Whether `types` holds `integer`, which also accepts a number with no fractional part.
    private let acceptsWholeNumbers: Bool
    let enumValues: [SchemaConstant]?
    let constValue: SchemaConstant?
    let deprecated: String?
    let anyOf: [SchemaPlan]?

    /// Held by reference: binding a `SchemaPattern` copies its regex, which costs more than most checks.
    let pattern: Indirect<SchemaPattern>?
    let minLength: Int?
    let maxLength: Int?
    let minimum: Double?
    let maximum: Double?
    let formatKind: SchemaFormat?
    let layouts: [DateLayout]
    /// The URL schemes a `uri`/`uri-reference` value may use: `schemes`, or http and https.
    let allowedSchemes: [String]

    /// Whether `deprecated` or a non-empty `anyOf` is set: what the walk looks at before the value's type.
    let hasDeprecationOrBranches: Bool
    /// Whether `enum` or `const` is set.
    let hasAllowedValues: Bool
    /// Whether a string value is checked beyond its type: `minLength`, `maxLength` or `pattern`.
    let checksStrings: Bool
    /// Whether a number is checked beyond its type: `minimum` or `maximum`.
    let checksNumbers: Bool
    /// Whether a scalar of an accepted type and value is checked any further: `checksStrings`, `checksNumbers`
    /// or a format.
    let checksScalars: Bool
    /// Whether any property is required, so that the walk must note which ones a mapping has.
    let hasRequiredProperties: Bool

    /// Whether the schema is only a list of allowed values (`enum` and/or `const`, nothing else): then a
    /// value meets it exactly when it is among them, which an `anyOf` tells without walking the branch.
    let isOnlyAllowedValues: Bool

    let items: SchemaPlan?
    let minItems: Int?
    let maxItems: Int?
    let uniqueItems: Bool
    /// Whether an item that is null or "" is reported as an empty item (`list-empty-item`) rather than checked:
    /// the items must be strings and may not be null.
    let refusesEmptyItems: Bool

    let properties: [String: SchemaPlan]?
    /// Property names in the order they were written, for stable output.
    let propertyOrder: [String]
    /// Whether a mapping's keys are checked at all: the schema has `properties` or `additionalProperties`.
    let checksProperties: Bool
    /// The additional properties' schema, when `additionalProperties` gives one.
    let additionalSchema: SchemaPlan?
    /// Whether keys beyond `properties` are refused (`additionalProperties: false`).
    let refusesAdditionalProperties: Bool

    init(_ schema: FieldSchema) {
        source = schema
        types = schema.types
        var accepted: UInt8 = 0
        for type in schema.types ?? [] {
            accepted |= Self.bit(type)
            if type == .number { accepted |= Self.bit(.integer) }
        }
        acceptedTypes = accepted
        acceptsWholeNumbers = schema.types?.contains(.integer) ?? false
        enumValues = schema.enumValues
        constValue = schema.constValue
        deprecated = schema.deprecated
        anyOf = schema.anyOf.map { $0.map(SchemaPlan.init) }
        pattern = schema.pattern.map(Indirect.init)
        minLength = schema.minLength
        maxLength = schema.maxLength
        minimum = schema.minimum
        maximum = schema.maximum
        formatKind = schema.formatKind
        layouts = schema.layouts ?? []
        allowedSchemes = schema.schemes ?? ["http", "https"]
        let items = schema.items.map { SchemaPlan($0.value) }
        self.items = items
        minItems = schema.minItems
        maxItems = schema.maxItems
        uniqueItems = schema.uniqueItems == true
        refusesEmptyItems = items.map { $0.admits(.string) && !$0.admits(.null) } ?? false
        properties = schema.properties?.mapValues(SchemaPlan.init)
        propertyOrder = schema.propertyOrder ?? []
        checksProperties = schema.properties != nil || schema.additionalProperties != nil
        isOnlyAllowedValues = (enumValues != nil || constValue != nil) && types == nil && deprecated == nil
            && anyOf == nil && pattern == nil && minLength == nil && maxLength == nil && minimum == nil
            && maximum == nil && schema.format == nil && items == nil && minItems == nil && maxItems == nil
            && schema.uniqueItems == nil && schema.properties == nil && schema.additionalProperties == nil
        hasDeprecationOrBranches = deprecated != nil || anyOf?.isEmpty == false
        hasAllowedValues = enumValues != nil || constValue != nil
        checksStrings = minLength != nil || maxLength != nil || pattern != nil
        checksNumbers = minimum != nil || maximum != nil
        checksScalars = checksStrings || checksNumbers || formatKind != nil
        hasRequiredProperties = properties?.values.contains { $0.isRequired } ?? false
        switch schema.additionalProperties?.value {
        case .schema(let extra)?:
            additionalSchema = SchemaPlan(extra)
            refusesAdditionalProperties = false
        case .allowed(let allowed)?:
            additionalSchema = nil
            refusesAdditionalProperties = !allowed
        case nil:
            additionalSchema = nil
            refusesAdditionalProperties = false
        }
    }

    private static func bit(_ type: ValueType) -> UInt8 {
        switch type {
        case .string: return 1 << 0
        case .boolean: return 1 << 1
        case .integer: return 1 << 2
        case .number: return 1 << 3
        case .array: return 1 << 4
        case .object: return 1 << 5
        case .null: return 1 << 6
        }
    }

    /// Whether `types` accepts a value of type `actual` (JSON Schema's test: a whole number is an `integer`,
    /// every integer is a `number`). `value` is the scalar's value, for the whole-number test.
    func acceptsType(_ actual: ValueType, _ value: ValueReading?) -> Bool {
        if acceptedTypes & Self.bit(actual) != 0 { return true }
        return acceptsWholeNumbers && value?.isWholeNumber == true
    }

    /// Whether this schema could accept a value of this type at all (for choosing among `anyOf` branches
    /// and for empty list items).
    func admits(_ type: ValueType, _ value: ValueReading? = nil) -> Bool {
        if types != nil { return acceptsType(type, value) }
        if let constant = constValue { return constant.valueType.accepts(type, value) }
        if let values = enumValues { return values.contains { $0.valueType.accepts(type, value) } }
        if let branches = anyOf { return branches.contains { $0.admits(type, value) } }
        if checksProperties { return type == .object }
        if items != nil || minItems != nil || maxItems != nil || source.uniqueItems != nil {
            return type == .array
        }
        if pattern != nil || minLength != nil || maxLength != nil { return type == .string }
        return true
    }

    var isRequired: Bool { source.isRequired }
}

extension ValueType {
    /// JSON Schema's type test with this as the expected type: a whole number is an `integer`, every integer
    /// is a `number`.
    func accepts(_ actual: ValueType, _ value: ValueReading?) -> Bool {
        if self == actual { return true }
        if self == .number && actual == .integer { return true }
        return self == .integer && value?.isWholeNumber == true
    }
}

extension SchemaConstant {
    var valueType: ValueType {
        switch self {
        case .string: return .string
        case .boolean: return .boolean
        case .integer: return .integer
        case .number: return .number
        case .null: return .null
        }
    }
}
