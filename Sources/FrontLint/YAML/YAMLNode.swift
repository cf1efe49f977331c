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

/// Where a node starts and ends, as libyaml marks them: counted in characters (Unicode scalars) from the
/// start of the text that was loaded. `YAMLDocument.range(of:)` turns them into file positions when they are
/// needed; most files have no diagnostic, and working out every node's line, column and byte offset while
/// loading cost more than building the rest of the tree.
public struct YAMLMarks: Sendable, Equatable {
    /// Four bytes each keep nodes small. Text past 4 Gi characters is not front matter; its marks are clamped.
    public var start: UInt32
    public var end: UInt32

    public init(start: UInt32 = 0, end: UInt32 = 0) {
        self.start = start
        self.end = end
    }
}

/// A node of the front matter, with the marks of the exact range it spans in the file.
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
    /// Where the node is; `YAMLDocument.range(of:)` gives its range in the file.
    public var marks: YAMLMarks
    /// The node's anchor (`&name`), if any.
    public var anchor: String?
    /// The explicit tag of a collection (scalars keep theirs in `YAMLScalar`).
    public var tag: String?
    /// Whether a collection is written in flow style (`[a, b]`, `{a: b}`).
    public var isFlow: Bool = false
    /// The first UTF-8 byte of a scalar's value; nil for a collection, an alias or an empty scalar. Kept
    /// beside `kind` so that a check that rules out most scalars by that byte does not copy each scalar out
    /// of it (retaining and releasing its strings).
    var scalarFirstByte: UInt8?

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }
}

// Inside the module, scalars and nodes are made with their memberwise initialisers,
// `YAMLScalar(value:style:tag:)` and `YAMLNode(kind:marks:anchor:tag:isFlow:scalarFirstByte:)`. A node made by an explicit
// initialiser is built in a temporary that the optimiser then copies into the document's array and
// destroys, which cost the loader about 12 million instructions per 1,000 files; a memberwise-built node
// goes into the array directly. These public initialisers, for code outside the module, delegate to them.

extension YAMLScalar {
    public init(_ value: String, style: ScalarStyle, tag: String? = nil) {
        self.init(value: value, style: style, tag: tag)
    }
}

extension YAMLNode {
    public init(_ kind: Kind, marks: YAMLMarks = YAMLMarks(), anchor: String? = nil, tag: String? = nil, isFlow: Bool = false) {
        var firstByte: UInt8?
        if case .scalar(let scalar) = kind { firstByte = scalar.value.utf8.first }
        self.init(kind: kind, marks: marks, anchor: anchor, tag: tag, isFlow: isFlow, scalarFirstByte: firstByte)
    }
}
