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
    public func entries(_ id: NodeID) -> [MappingEntry]? {
        guard let id = resolved(id), case .mapping(let entries) = self[id].kind else { return nil }
        return entries
    }

    /// The items of a sequence node (after following aliases), or `nil` when it is not a sequence.
    public func items(_ id: NodeID) -> [NodeID]? {
        guard let id = resolved(id), case .sequence(let items) = self[id].kind else { return nil }
        return items
    }

    /// The scalar a node stands for (after following aliases).
    public func scalar(_ id: NodeID) -> YAMLScalar? {
        guard let id = resolved(id) else { return nil }
        return self[id].scalar
    }

    /// The text of a scalar key, or `nil` for a complex (collection) key.
    public func keyText(_ entry: MappingEntry) -> String? {
        scalar(entry.key)?.value
    }

    /// The root's entries when the document is a mapping, as front matter should be.
    public var rootEntries: [MappingEntry]? {
        root.flatMap { entries($0) }
    }

    /// The first entry of a mapping whose key is `key`, compared exactly or, with `caseInsensitive`, as
    /// Hugo compares its keys.
    public func entry(_ key: String, in mapping: NodeID, caseInsensitive: Bool = false) -> MappingEntry? {
        guard let entries = entries(mapping) else { return nil }
        if caseInsensitive {
            let lowered = key.lowercased()
            return entries.first { keyText($0)?.lowercased() == lowered }
        }
        return entries.first { keyText($0) == key }
    }
}
