/// How a scalar is written in the YAML source.
public enum ScalarStyle: String, Sendable, Codable {
    case plain
    case singleQuoted = "single-quoted"
    case doubleQuoted = "double-quoted"
    case literal
    case folded
}

/// Index of a node in its `YAMLDocument`.
public typealias NodeID = Int32

/// A scalar as written: its value after YAML's escapes and folding, the raw source text, its style and its
/// explicit tag (e.g. `!!str`), if any.
public struct YAMLScalar: Sendable, Equatable {
    /// The scalar's value as libyaml reads it (quotes removed, escapes resolved, lines folded).
    public var value: String
    public var style: ScalarStyle
    /// The explicit tag, expanded (`!!str` is `tag:yaml.org,2002:str`); `nil` when there is none.
    public var tag: String?

    /// Whether the scalar is plain and untagged, i.e. its type comes from how it looks.
    public var isPlainUntagged: Bool { style == .plain && (tag == nil || tag == "!") }
}

/// One entry of a mapping: key and value nodes.
public struct MappingEntry: Sendable, Equatable {
    public var key: NodeID
    public var value: NodeID
}

/// A key that appears more than once in one mapping.
public struct DuplicateKey: Sendable, Equatable {
    /// The key's text.
    public var key: String
    /// The entry that appeared first.
    public var first: NodeID
    /// The later key node that repeats it.
    public var duplicate: NodeID
}

/// A node of the front matter, with the exact range it spans in the file.
public struct YAMLNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case scalar(YAMLScalar)
        case sequence([NodeID])
        case mapping([MappingEntry])
        /// An alias (`*name`) to an anchored node; `target` is nil when the anchor is not defined.
        /// The target is not copied: rules follow the id.
        case alias(name: String, target: NodeID?)
    }

    public var kind: Kind
    public var range: SourceRange
    /// The node's anchor (`&name`), if any.
    public var anchor: String?
    /// The explicit tag of a collection (scalars keep theirs in `YAMLScalar`).
    public var tag: String?
    /// Whether a collection is written in flow style (`[a, b]`, `{a: b}`).
    public var isFlow: Bool = false

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }
}

// Inside the module, scalars and nodes are made with their memberwise initialisers,
// `YAMLScalar(value:style:tag:)` and `YAMLNode(kind:range:anchor:tag:isFlow:)`. A node made by an explicit
// initialiser is built in a temporary that the optimiser then copies into the document's array and
// destroys, which cost the loader about 12 million instructions per 1,000 files; a memberwise-built node
// goes into the array directly. These public initialisers, for code outside the module, delegate to them.

extension YAMLScalar {
    public init(_ value: String, style: ScalarStyle, tag: String? = nil) {
        self.init(value: value, style: style, tag: tag)
    }
}

extension YAMLNode {
    public init(_ kind: Kind, range: SourceRange, anchor: String? = nil, tag: String? = nil, isFlow: Bool = false) {
        self.init(kind: kind, range: range, anchor: anchor, tag: tag, isFlow: isFlow)
    }
}
