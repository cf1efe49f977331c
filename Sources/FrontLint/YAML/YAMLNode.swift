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

/// A scalar with its text: its value after YAML's escapes and folding, its style and its explicit tag
/// (e.g. `!!str`), if any. A node does not hold one (it holds a `ScalarSpan`); `YAMLDocument.scalar(_:)`
/// makes one, with its value's string, when asked.
public struct YAMLScalar: Sendable, Equatable {
    /// The scalar's value as libyaml reads it (quotes removed, escapes resolved, lines folded).
    public var value: String
    public var style: ScalarStyle
    /// The explicit tag, expanded (`!!str` is `tag:yaml.org,2002:str`); `nil` when there is none.
    public var tag: String?

    /// Whether the scalar is plain and untagged, i.e. its type comes from how it looks.
    public var isPlainUntagged: Bool { style == .plain && (tag == nil || tag == "!") }
}

/// A scalar as a node holds it: where its value's UTF-8 bytes are in the document's `valueBytes`, and its
/// style (its tag is the node's). A node holds no string of its value: making a string for every scalar while
/// loading, and destroying it with the node, cost more than the few checks that need one
/// (`YAMLDocument.value(of:)` makes it then); most checks read the bytes (`withValueBytes(of:_:)`).
public struct ScalarSpan: Sendable, Equatable {
    /// Where the value's bytes start in `YAMLDocument.valueBytes`, and how many there are.
    public var start: UInt32
    public var count: UInt32
    public var style: ScalarStyle

    /// The range of the value's bytes in `YAMLDocument.valueBytes`.
    public var byteRange: Range<Int> { Int(start)..<Int(start) + Int(count) }
}

/// An anchor, alias name or tag, as where its UTF-8 bytes are in the document's `valueBytes`;
/// `YAMLDocument.text(_:)` makes its string. Together with `ScalarSpan`, this keeps every node free of
/// references, so that the document's array of nodes is destroyed without visiting each node.
public struct YAMLName: Sendable, Equatable {
    public var start: UInt32
    public var count: UInt32

    /// The range of the name's bytes in `YAMLDocument.valueBytes`.
    public var byteRange: Range<Int> { Int(start)..<Int(start) + Int(count) }
}

/// Where a collection's children are in the document's `sequenceItems` (a sequence's) or `mappingEntries`
/// (a mapping's). Every collection's children lie in those two arrays, not in an array of the node's own:
/// with `ScalarSpan` and `YAMLName`, this leaves a node nothing to release, so that the document's nodes are
/// destroyed in one free instead of one visit (and one free per collection) each.
public struct ChildSpan: Sendable, Equatable {
    public var start: UInt32
    public var count: UInt32

    public init(start: UInt32 = 0, count: UInt32 = 0) {
        self.start = start
        self.count = count
    }

    var range: Range<Int> { Int(start)..<Int(start) + Int(count) }
}

/// The items or entries of one collection, lent from the document's arrays, counted from 0.
public struct YAMLChildren<Element: Sendable>: RandomAccessCollection, Sendable {
    let base: ArraySlice<Element>

    init(base: ArraySlice<Element>) {
        self.base = base
    }

    /// Children gathered from several collections (a mapping with its merge keys' entries).
    init(_ elements: [Element]) {
        base = elements[...]
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { base.count }
    public subscript(position: Int) -> Element { base[base.startIndex + position] }
    /// Iterates the slice itself, without offsetting an index for every element.
    public func makeIterator() -> IndexingIterator<ArraySlice<Element>> { base.makeIterator() }
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
        case scalar(ScalarSpan)
        /// A sequence; `YAMLDocument.items(of:)` gives its items.
        case sequence(ChildSpan)
        /// A mapping; `YAMLDocument.entries(of:)` gives its entries.
        case mapping(ChildSpan)
        /// An alias (`*name`) to an anchored node; `target` is nil when the anchor is not defined.
        /// The target is not copied: rules follow the id.
        case alias(name: YAMLName, target: NodeID?)
    }

    public var kind: Kind
    /// Where the node is; `YAMLDocument.range(of:)` gives its range in the file.
    public var marks: YAMLMarks
    /// The node's anchor (`&name`), if any; `YAMLDocument.anchor(of:)` gives its text.
    public var anchor: YAMLName?
    /// The node's explicit tag, expanded (`!!str` is `tag:yaml.org,2002:str`); `YAMLDocument.tag(of:)` gives
    /// its text.
    public var tag: YAMLName?
    /// Whether a collection is written in flow style (`[a, b]`, `{a: b}`).
    public var isFlow: Bool = false

    /// The scalar the node is; its value is in the document (`YAMLDocument.value(of:)`).
    public var scalar: ScalarSpan? {
        if case .scalar(let s) = kind { return s }
        return nil
    }
}

// Inside the module, nodes are made with their memberwise initialiser,
// `YAMLNode(kind:marks:anchor:tag:isFlow:)`. A node made by an explicit initialiser is built in a temporary
// that the optimiser then copies into the document's array and destroys, which cost the loader about 12
// million instructions per 1,000 files; a memberwise-built node goes into the array directly. These public
// initialisers, for code outside the module, delegate to them.

extension YAMLScalar {
    public init(_ value: String, style: ScalarStyle, tag: String? = nil) {
        self.init(value: value, style: style, tag: tag)
    }
}

extension YAMLNode {
    public init(_ kind: Kind, marks: YAMLMarks = YAMLMarks(), anchor: YAMLName? = nil, tag: YAMLName? = nil, isFlow: Bool = false) {
        self.init(kind: kind, marks: marks, anchor: anchor, tag: tag, isFlow: isFlow)
    }
}
