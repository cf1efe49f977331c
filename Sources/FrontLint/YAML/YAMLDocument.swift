/// A problem found while loading YAML: a syntax error where libyaml stopped, or a limit that was hit.
public struct YAMLProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// libyaml could not scan or parse the input.
        case syntax
        /// libyaml could not read the input as text: invalid UTF-8 or a control character.
        case encoding
        /// Collections nested deeper than the loader allows.
        case tooDeep
        /// More than one YAML document in one block.
        case multipleDocuments
    }

    public var kind: Kind
    /// What went wrong, in plain words.
    public var message: String
    /// Where to look, e.g. where an unclosed quote started.
    public var help: String?
    public var range: SourceRange
}

/// The front matter (or a config file) as loaded from YAML: an arena of nodes with exact ranges, which
/// `range(of:)` works out from the nodes' marks when asked.
///
/// Nodes refer to each other by `NodeID`; an alias is a node of its own that names its target, so an alias
/// bomb costs one node per alias, never a copy of what it points to.
public struct YAMLDocument: Sendable {
    public internal(set) var nodes: [YAMLNode] = []
    /// The root node; `nil` for an empty document (or one that failed before its first node).
    public internal(set) var root: NodeID?
    /// Keys that appear more than once in the same mapping, in source order.
    public internal(set) var duplicateKeys: [DuplicateKey] = []
    /// Syntax errors and limits hit. libyaml stops at its first error, so there is at most one `.syntax`.
    public internal(set) var problems: [YAMLProblem] = []
    /// Every scalar's value, anchor, alias name and tag, as UTF-8, one after another in the order they were
    /// loaded; a scalar node's `ScalarSpan` (a name's `YAMLName`) says where its own are. One array for the
    /// whole document, so that loading a scalar copies its bytes rather than allocating a string, and the
    /// nodes hold no reference to release.
    public internal(set) var valueBytes: [UInt8] = []
    /// The items of every sequence, each sequence's together; a sequence node's `ChildSpan` says where.
    public internal(set) var sequenceItems: [NodeID] = []
    /// The entries of every mapping, each mapping's together; a mapping node's `ChildSpan` says where.
    public internal(set) var mappingEntries: [MappingEntry] = []
    /// The text the nodes' marks count in.
    var positions = MarkPositions()

    public init() {}

    /// The node with an id, lent in place (a `_read` accessor) so that reading `document[id].kind`
    /// does not copy the node and retain everything it holds.
    public subscript(id: NodeID) -> YAMLNode {
        _read { yield nodes[Int(id)] }
    }

    /// The exact range node `id` spans in the file. Worked out on each call, from the start of the front
    /// matter (or the nearest checkpoint of a long one): ask when a diagnostic needs it, not for every node.
    public func range(of id: NodeID) -> SourceRange {
        positions.range(nodes[Int(id)].marks)
    }

    /// Follows aliases (a bounded number of hops) to the node they stand for.
    public func resolved(_ id: NodeID) -> NodeID? {
        var current = id
        for _ in 0..<64 {
            guard case .alias(_, let target) = self[current].kind else { return current }
            guard let target else { return nil }
            current = target
        }
        return nil
    }

    /// The entries of a mapping node (after following aliases), or `nil` when it is not a mapping.
    public func entries(_ id: NodeID) -> YAMLChildren<MappingEntry>? {
        guard let id = resolved(id), case .mapping(let span) = self[id].kind else { return nil }
        return entries(of: span)
    }

    /// The items of a sequence node (after following aliases), or `nil` when it is not a sequence.
    public func items(_ id: NodeID) -> YAMLChildren<NodeID>? {
        guard let id = resolved(id), case .sequence(let span) = self[id].kind else { return nil }
        return items(of: span)
    }

    /// The entries of a mapping, from its node's `.mapping(span)`.
    public func entries(of span: ChildSpan) -> YAMLChildren<MappingEntry> {
        YAMLChildren(base: mappingEntries[span.range])
    }

    /// The items of a sequence, from its node's `.sequence(span)`.
    public func items(of span: ChildSpan) -> YAMLChildren<NodeID> {
        YAMLChildren(base: sequenceItems[span.range])
    }

    /// The scalar a node stands for (after following aliases), with its value's string, made on each call.
    public func scalar(_ id: NodeID) -> YAMLScalar? {
        guard let id = resolved(id), case .scalar(let span) = self[id].kind else { return nil }
        return YAMLScalar(value: value(of: span), style: span.style, tag: tag(of: id))
    }

    /// The text of an anchor, alias name or tag.
    public func text(_ name: YAMLName) -> String {
        valueText(name.byteRange)
    }

    /// Node `id`'s explicit tag (not following aliases), expanded; nil when it has none.
    public func tag(of id: NodeID) -> String? {
        self[id].tag.map(text)
    }

    /// Node `id`'s anchor; nil when it has none.
    public func anchor(of id: NodeID) -> String? {
        self[id].anchor.map(text)
    }

    /// Whether scalar node `id` is plain and untagged, i.e. its type comes from how it looks.
    public func isPlainUntagged(_ id: NodeID) -> Bool {
        guard case .scalar(let span) = self[id].kind, span.style == .plain else { return false }
        guard let tag = self[id].tag else { return true }
        return withValueBytes(of: tag) { $0.count == 1 && $0[0] == UInt8(ascii: "!") }
    }

    /// The value of a scalar, as a string made on each call.
    public func value(of span: ScalarSpan) -> String {
        valueText(span.byteRange)
    }

    /// The string of the bytes `range` of `valueBytes`: part or all of one scalar's value.
    public func valueText(_ range: Range<Int>) -> String {
        withValueBytes(range) { bytes in
            // Copied into the string's own memory, inline for up to 15 bytes: `String(decoding:as:)` costs
            // about twice as much, most of it in packing the short strings nearly every scalar is.
            return String(unsafeUninitializedCapacity: bytes.count) { $0.initialize(fromContentsOf: bytes) }
        }
    }

    /// Whether the bytes `a` and `b` of `valueBytes` are equal text, as `String` compares them (canonical
    /// equivalence), without making strings when the bytes decide: equal bytes are equal text, and two
    /// different runs of ASCII are different text.
    public func valueText(_ a: Range<Int>, equals b: Range<Int>) -> Bool {
        let decided: Bool? = withValueBytes(a) { first in
            withValueBytes(b) { second in
                if first.elementsEqual(second) { return true }
                if !first.contains(where: { $0 >= 0x80 }) && !second.contains(where: { $0 >= 0x80 }) { return false }
                return nil
            }
        }
        return decided ?? (valueText(a) == valueText(b))
    }

    /// The value of the scalar node `id` stands for (after following aliases); nil when it is no scalar.
    public func value(of id: NodeID) -> String? {
        guard let id = resolved(id), case .scalar(let span) = self[id].kind else { return nil }
        return value(of: span)
    }

    /// Lends the UTF-8 bytes of a scalar's value, in place, to `body`.
    public func withValueBytes<R>(of span: ScalarSpan, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withValueBytes(span.byteRange, body)
    }

    /// Lends the UTF-8 bytes of an anchor, alias name or tag, in place, to `body`.
    public func withValueBytes<R>(of name: YAMLName, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withValueBytes(name.byteRange, body)
    }

    private func withValueBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try valueBytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[range]))
        }
    }

    /// The text of a scalar key, or `nil` for a complex (collection) key.
    public func keyText(_ entry: MappingEntry) -> String? {
        value(of: entry.key)
    }

    /// The root's entries when the document is a mapping, as front matter should be.
    public var rootEntries: YAMLChildren<MappingEntry>? {
        root.flatMap { entries($0) }
    }

    /// The first entry of a mapping, with its merge keys applied, whose key is `key`, compared exactly or,
    /// with `caseInsensitive`, as Hugo compares its keys.
    public func entry(_ key: String, in mapping: NodeID, caseInsensitive: Bool = false) -> MappingEntry? {
        guard let entries = entries(mapping) else { return nil }
        let lowered = key.lowercased()
        let matches = { (entry: MappingEntry) -> Bool in
            caseInsensitive ? self.keyText(entry)?.lowercased() == lowered : self.keyText(entry) == key
        }
        // The mapping's own keys win over merged ones: the merge keys are looked at only when none matches.
        return entries.first(where: matches) ?? mergedEntries(entries).first(where: matches)
    }
}
