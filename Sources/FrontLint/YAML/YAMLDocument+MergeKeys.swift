// YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`), applied as Hugo's YAML reader (goccy/go-yaml) and the
// merge key type (yaml.org/type/merge.html) apply them: a mapping's own keys win over merged ones, an earlier
// source wins over a later one, and a source's own merge keys are applied first, to any depth.

extension YAMLDocument {
    /// At most this many entries and sources of merge keys are looked at for one mapping, however its
    /// sources nest and repeat: aliases make a few lines of YAML stand for exponentially many entries.
    static let mergedEntriesLimit = 10_000
    /// Sources merged into sources are followed this deep.
    static let mergeDepthLimit = 32

    /// Whether an entry is a merge key: a plain `<<`.
    public func isMergeKey(_ entry: MappingEntry) -> Bool {
        guard let id = resolved(entry.key), case .scalar(let key) = self[id].kind, key.count == 2,
              key.style == .plain else { return false }
        return withValueBytes(of: key) { $0.elementsEqual("<<".utf8) }
    }

    /// A mapping's entries with its merge keys applied: its own entries (less the merge keys), then the
    /// entries its merge keys bring in. Nil when the node is not a mapping.
    public func effectiveEntries(_ id: NodeID) -> YAMLChildren<MappingEntry>? {
        guard let entries = entries(id) else { return nil }
        guard entries.contains(where: isMergeKey) else { return entries }
        return YAMLChildren(entries.filter { !isMergeKey($0) } + mergedEntries(entries))
    }

    /// The entries the merge keys among `entries` bring in, in the order they take effect: those whose key
    /// is written among `entries` or brought in by an earlier source are left out.
    public func mergedEntries(_ entries: YAMLChildren<MappingEntry>) -> [MappingEntry] {
        guard entries.contains(where: isMergeKey) else { return [] }
        var keys = Set(entries.filter { !isMergeKey($0) }.compactMap { keyText($0) })
        var result: [MappingEntry] = []
        var budget = Self.mergedEntriesLimit
        appendMerged(from: entries, keys: &keys, into: &result, budget: &budget, depth: 0)
        return result
    }

    private func appendMerged(from entries: YAMLChildren<MappingEntry>, keys: inout Set<String>,
                              into result: inout [MappingEntry], budget: inout Int, depth: Int) {
        guard depth < Self.mergeDepthLimit else { return }
        for merge in entries where isMergeKey(merge) {
            // `<<: *a` or `<<: [*a, *b]`; anything else merges nothing (goccy reports it as an error).
            let sources = self.entries(merge.value).map { [$0] }
                ?? (items(merge.value) ?? YAMLChildren([])).compactMap { self.entries($0) }
            for source in sources {
                budget -= 1
                if budget < 0 { return }
                // The source's own keys, then what its own merge keys bring in.
                for entry in source where !isMergeKey(entry) {
                    budget -= 1
                    if budget < 0 { return }
                    guard let key = keyText(entry), keys.insert(key).inserted else { continue }
                    result.append(entry)
                }
                appendMerged(from: source, keys: &keys, into: &result, budget: &budget, depth: depth + 1)
                if budget < 0 { return }
            }
        }
    }
}
