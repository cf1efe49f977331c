/// The ids of the rules that report what the schema validator finds. The validator tags each violation with
/// one of them; each rule then reports its own share.
public enum SchemaRuleID {
    public static let fieldRequired = "field-required"
    public static let fieldType = "field-type"
    public static let fieldEnum = "field-enum"
    public static let fieldPattern = "field-pattern"
    public static let fieldLength = "field-length"
    public static let fieldRange = "field-range"
    public static let fieldFormat = "field-format"
    public static let fieldDeprecated = "field-deprecated"
    public static let keyUnknown = "key-unknown"
    public static let dateFormat = "date-format"
    public static let dateSuspicious = "date-suspicious"
    public static let urlInvalid = "url-invalid"
    public static let urlScheme = "url-scheme"
    public static let urlInsecure = "url-insecure"
    public static let listDuplicate = "list-duplicate"
    public static let listEmptyItem = "list-empty-item"

    /// Findings that do not make a value invalid: an `anyOf` branch with only these still matches.
    static let advisory: Set<String> = [fieldDeprecated, dateSuspicious, urlInsecure]
}

/// One thing the schema validator found wrong with a value, key or list item.
public struct SchemaViolation: Sendable, Equatable {
    /// The id of the rule that reports it.
    public var rule: String
    public var message: String
    public var help: String?
    public var range: SourceRange

    public init(rule: String, message: String, help: String? = nil, range: SourceRange) {
        self.rule = rule
        self.message = message
        self.help = help
        self.range = range
    }

    /// Whether the value fails its schema (as opposed to being deprecated or doubtful).
    var isFailure: Bool { !SchemaRuleID.advisory.contains(rule) }
}

/// A top-level field's date, as Hugo reads it (for `date-order` and `date-future`).
public struct FieldDate: Sendable {
    /// The field's canonical name in the schema (`publishDate` for a key written `pubdate`).
    public var field: String
    /// The key as written.
    public var key: String
    public var value: HugoDateValue
    /// The value's node in the file's document: `YAMLDocument.range(of:)` gives where it is. Most dates are
    /// never reported, and working out every date's position cost more than checking it.
    public var node: NodeID

    /// Seconds since 1970-01-01T00:00:00Z; a value without offset is read as UTC (the site's time zone is
    /// not known here).
    public var epochSeconds: Double {
        let days = GregorianCalendar.daysSinceEpoch(year: value.year, month: value.month, day: value.day)
        let seconds = Double(days) * 86_400 + Double(value.hour * 3600 + value.minute * 60 + value.second)
        return seconds - Double(value.utcOffsetSeconds ?? 0) + Double(value.nanosecond) / 1e9
    }
}

/// A relative path in a `uri-reference` value (for `url-local-missing`).
public struct LocalReference: Sendable {
    /// The top-level field it was found under (canonical name).
    public var field: String
    public var path: String
    public var range: SourceRange
}

/// Everything the schema validator found in one file, computed once and shared by the schema rules.
public struct SchemaReport: Sendable {
    // The fields live in one shared, copy-on-write box: every schema rule reads the report of every file, and
    // handing each a copy of three arrays and a range cost more than what most rules then do with it.
    private var storage = Storage(Fields())
    public var violations: [SchemaViolation] {
        get { storage.fields.violations }
        set { unique().fields.violations = newValue }
    }
    public var dates: [FieldDate] {
        get { storage.fields.dates }
        set { unique().fields.dates = newValue }
    }
    public var localReferences: [LocalReference] {
        get { storage.fields.localReferences }
        set { unique().fields.localReferences = newValue }
    }
    /// Set when the file's values were too many to check (an alias bomb): checking stopped there.
    public var budgetExhaustedAt: SourceRange? {
        get { storage.fields.budgetExhaustedAt }
        set { unique().fields.budgetExhaustedAt = newValue }
    }
    /// For each of the settings' `requiredFields`, whether the front matter's mapping has it, under any of its
    /// spellings (`field-required`). Empty when the front matter was not checked.
    public var requiredFieldsPresent: [Bool] {
        get { storage.fields.requiredFieldsPresent }
        set { unique().fields.requiredFieldsPresent = newValue }
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    private struct Fields {
        var violations: [SchemaViolation] = []
        var dates: [FieldDate] = []
        var localReferences: [LocalReference] = []
        var budgetExhaustedAt: SourceRange?
        var requiredFieldsPresent: [Bool] = []
    }

    /// The box. Mutated only through `unique()`, that is only while no other report shares it, which is what
    /// makes the unchecked `Sendable` sound.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    public init() {}

    /// The violations one rule reports, as findings.
    public func findings(for rule: String) -> [Finding] {
        violations.lazy.filter { $0.rule == rule }.map { Finding($0.message, help: $0.help, at: $0.range) }
    }
}
