internal import CYAML
internal import CYAMLArena

/// Loads YAML through libyaml's event API into a `YAMLDocument` whose nodes carry exact file positions.
///
/// Only the bytes of `range` are handed to libyaml; the nodes keep the marks it reports (it counts them in
/// characters), and the document maps them back to the whole file when asked (`MarkPositions`), so
/// positions account for the front matter offset, a byte order mark and CRLF endings. The walk over events
/// is iterative: nesting depth costs heap, never stack, and is bounded by `maxDepth` so that hostile input
/// stops early.
public struct YAMLLoader: Sendable {
    /// The deepest nesting of collections that is loaded; deeper input is reported and loading stops.
    public var maxDepth: Int

    public init(maxDepth: Int = 256) {
        self.maxDepth = maxDepth
    }

    public func load(_ source: SourceFile, range: Range<Int>) -> YAMLDocument {
        source.bytes.withUnsafeBufferPointer { buffer in
            var builder = Builder(source: source, range: range, buffer: buffer, maxDepth: maxDepth)
            builder.run()
            return builder.document
        }
    }

    /// Loads a whole file, e.g. a configuration file.
    public func load(_ source: SourceFile) -> YAMLDocument {
        load(source, range: source.lineStarts[0]..<source.bytes.count)
    }
}

private struct Builder {
    let source: SourceFile
    let range: Range<Int>
    let buffer: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var document = YAMLDocument()
    var anchors: [String: NodeID] = [:]
    var stack: [Frame] = []
    var documentCount = 0
    /// The document's `valueBytes` while loading, moved into it at the end.
    var values: ValueBuffer
    /// The children of every open collection, innermost last: a frame's own children start at its
    /// `childrenStart`. One set of arrays serves all frames, so that a collection's children are copied
    /// once, together, to the end of the document's `sequenceItems` or `mappingEntries` when it closes.
    var openItems: [NodeID] = []
    var openEntries: [MappingEntry] = []
    /// For open mappings: a hash of each scalar key's text, with its node, to find duplicates. Comparing
    /// hashes in a linear search is faster than a dictionary for the few keys a front matter mapping has;
    /// a dictionary of the texts (`Frame.keyIndex`) takes over past that.
    var openKeys: [(hash: UInt64, id: NodeID)] = []

    /// An open collection. A mapping collects its entries as they come; a key waits in `pendingKey` until
    /// its value arrives.
    struct Frame {
        let id: NodeID
        let isMapping: Bool
        /// Where this collection's children begin in `openItems` (a sequence) or `openEntries` (a mapping).
        let childrenStart: Int
        /// Where this mapping's keys begin in `openKeys`.
        let keysStart: Int
        var pendingKey: NodeID?
        /// One bit per key hash seen (its low six bits): a key whose bit is clear is new without a search.
        var keyFilter: UInt64 = 0
        /// Where this mapping's dictionary of key texts is in `keyIndexes`, once it has one. Kept out of the
        /// frame, so that a frame holds no reference and pushing and popping one retains nothing.
        var keyIndex: Int?
    }
    /// The dictionaries of key texts of open mappings with many keys, innermost last.
    var keyIndexes: [[String: NodeID]] = []

    init(source: SourceFile, range: Range<Int>, buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.source = source
        self.range = range
        self.buffer = buffer
        self.maxDepth = maxDepth
        document.positions = MarkPositions(source: source, range: range)
        // Room for the nodes up front (front matter averages well over eight bytes a node), so that the
        // array is not regrown and its nodes copied several times while loading.
        document.nodes.reserveCapacity(min(range.count / 8 + 8, 1 << 16))
        // Scalars' values, anchors and tags are shorter than their source (quotes, indentation and keys'
        // colons go), so room for the whole source is seldom exceeded.
        values = ValueBuffer(capacity: range.count)
        // Room for the collections' children too: a node is the child of at most one collection.
        document.mappingEntries.reserveCapacity(min(range.count / 16 + 8, 1 << 15))
        document.sequenceItems.reserveCapacity(min(range.count / 16 + 8, 1 << 15))
        stack.reserveCapacity(8)
        openEntries.reserveCapacity(32)
        openItems.reserveCapacity(16)
        openKeys.reserveCapacity(32)
    }

    /// The position of a mark, for a problem: nodes keep their marks (`YAMLMarks`) instead.
    func position(_ mark: yaml_mark_t) -> Position {
        document.positions.position(ofCharacter: Int(mark.index))
    }

    func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceRange {
        SourceRange(start: position(start), end: position(end))
    }

    func marks(_ start: yaml_mark_t, _ end: yaml_mark_t) -> YAMLMarks {
        YAMLMarks(start: UInt32(clamping: start.index), end: UInt32(clamping: end.index))
    }

    mutating func run() {
        // libyaml's memory comes from this thread's arena until the parser and every event are deleted
        // (Sources/CYAMLArena/arena.c).
        frontlint_yaml_arena_begin()
        defer { frontlint_yaml_arena_end() }
        parse()
        document.valueBytes = values.array()
        values.deallocate()
    }

    private mutating func parse() {
        withUnsafeTemporaryAllocation(of: yaml_parser_t.self, capacity: 1) { parser in
            parse(with: parser.baseAddress!)
        }
    }

    private mutating func parse(with parser: UnsafeMutablePointer<yaml_parser_t>) {
        guard yaml_parser_initialize(parser) != 0 else { return }
        defer { yaml_parser_delete(parser) }
        let base = buffer.baseAddress.map { $0 + range.lowerBound } ?? UnsafePointer(bitPattern: 1)!
        yaml_parser_set_input_string(parser, base, range.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) != 0 else {
                reportError(parser.pointee)
                return
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return }
            if !handle(&event) { return }
        }
    }

    /// Handles one event; returns false to stop loading.
    mutating func handle(_ event: inout yaml_event_t) -> Bool {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                let r = range(event.start_mark, event.end_mark)
                document.problems.append(YAMLProblem(
                    kind: .multipleDocuments,
                    message: "front matter holds more than one YAML document; only the first is read",
                    help: "remove the `...` or `---` document marker inside the front matter",
                    range: r))
                return false
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let bytes = UnsafeBufferPointer(start: UnsafePointer(data.value), count: data.value == nil ? 0 : data.length)
            let start = values.append(bytes)
            let id = NodeID(document.nodes.count)
            let anchor = name(data.anchor, anchoring: id)
            document.nodes.append(YAMLNode(
                kind: .scalar(ScalarSpan(start: start, count: UInt32(clamping: bytes.count), style: style(data.style))),
                marks: marks(event.start_mark, event.end_mark), anchor: anchor, tag: name(data.tag)))
            if attach(id) { checkKey(id, bytes: bytes) }
        case YAML_ALIAS_EVENT:
            let name = name(event.data.alias.anchor) ?? YAMLName(start: 0, count: 0)
            let target = anchors[values.text(name.byteRange)]
            let id = NodeID(document.nodes.count)
            document.nodes.append(YAMLNode(kind: .alias(name: name, target: target),
                                           marks: marks(event.start_mark, event.end_mark)))
            if attach(id), let target, let span = document.resolved(target).flatMap({ document[$0].scalar }) {
                checkKey(id, bytes: values.bytes(span.byteRange))
            }
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor: YAMLName?
            let tag: YAMLName?
            let isFlow: Bool
            let id = NodeID(document.nodes.count)
            if isMapping {
                anchor = name(event.data.mapping_start.anchor, anchoring: id)
                tag = name(event.data.mapping_start.tag)
                isFlow = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
            } else {
                anchor = name(event.data.sequence_start.anchor, anchoring: id)
                tag = name(event.data.sequence_start.tag)
                isFlow = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            }
            if stack.count >= maxDepth {
                document.problems.append(YAMLProblem(
                    kind: .tooDeep,
                    message: "collections are nested more than \(maxDepth) levels deep; frontlint stops reading here",
                    help: "front matter this deep is almost surely generated or hostile; flatten it",
                    range: range(event.start_mark, event.end_mark)))
                return false
            }
            let node = YAMLNode(kind: isMapping ? .mapping(ChildSpan()) : .sequence(ChildSpan()), marks: marks(event.start_mark, event.end_mark),
                                anchor: anchor, tag: tag, isFlow: isFlow)
            document.nodes.append(node)
            stack.append(Frame(id: id, isMapping: isMapping, childrenStart: isMapping ? openEntries.count : openItems.count,
                               keysStart: openKeys.count))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return false }
            // Updated in place: copying the node out and back would retain and release all it holds.
            let index = Int(frame.id)
            document.nodes[index].marks.end = max(UInt32(clamping: event.end_mark.index), document.nodes[index].marks.start)
            // `removeLast(_:)` only when there is something to remove: the generic call is not cheap.
            if frame.isMapping {
                if frame.keyIndex != nil { keyIndexes.removeLast() }
                let children = ChildSpan(start: UInt32(clamping: document.mappingEntries.count),
                                         count: UInt32(clamping: openEntries.count - frame.childrenStart))
                document.mappingEntries.append(contentsOf: openEntries[frame.childrenStart...])
                document.nodes[index].kind = .mapping(children)
                if openEntries.count > frame.childrenStart { openEntries.removeLast(openEntries.count - frame.childrenStart) }
                if openKeys.count > frame.keysStart { openKeys.removeLast(openKeys.count - frame.keysStart) }
            } else {
                let children = ChildSpan(start: UInt32(clamping: document.sequenceItems.count),
                                         count: UInt32(clamping: openItems.count - frame.childrenStart))
                document.sequenceItems.append(contentsOf: openItems[frame.childrenStart...])
                document.nodes[index].kind = .sequence(children)
                if openItems.count > frame.childrenStart { openItems.removeLast(openItems.count - frame.childrenStart) }
            }
            attach(frame.id)
        default:
            break
        }
        return true
    }

    /// Attaches a node to the open collection; returns true when it is a mapping's key, which `checkKey`
    /// then compares with the mapping's other keys. (Only keys are handed their text: passing every
    /// scalar's string along retained and released it.)
    @discardableResult
    mutating func attach(_ id: NodeID) -> Bool {
        guard !stack.isEmpty else {
            if document.root == nil { document.root = id }
            return false
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            openItems.append(id)
            return false
        }
        if let key = stack[top].pendingKey {
            openEntries.append(MappingEntry(key: key, value: id))
            stack[top].pendingKey = nil
            return false
        }
        stack[top].pendingKey = id
        return true
    }

    /// Records key `id` of the innermost mapping as a duplicate when the mapping already has a key with its
    /// text, whose UTF-8 bytes are `bytes`.
    mutating func checkKey(_ id: NodeID, bytes: UnsafeBufferPointer<UInt8>) {
        let top = stack.count - 1
        var hasher = FNV1a64()
        hasher.add(bytes)
        if let first = firstKey(bytes, hash: hasher.value, id, frame: top) {
            document.duplicateKeys.append(DuplicateKey(key: String(decoding: bytes, as: UTF8.self), first: first, duplicate: id))
        }
    }

    /// The node where the mapping of frame `top` first had the key whose bytes are `bytes`, or nil after
    /// remembering `id` as its first.
    mutating func firstKey(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, _ id: NodeID, frame top: Int) -> NodeID? {
        if let keyIndex = stack[top].keyIndex {
            let text = String(decoding: bytes, as: UTF8.self)
            if let first = keyIndexes[keyIndex][text] { return first }
            keyIndexes[keyIndex][text] = id
            return nil
        }
        let start = stack[top].keysStart
        let bit: UInt64 = 1 << (hash & 63)
        if stack[top].keyFilter & bit != 0 {
            for known in openKeys[start...] where known.hash == hash && keyEquals(known.id, bytes) {
                return known.id
            }
        }
        stack[top].keyFilter |= bit
        openKeys.append((hash, id))
        if openKeys.count - start > 32 {
            var index: [String: NodeID] = [:]
            for known in openKeys[start...] {
                if let value = keyText(known.id), index[value] == nil { index[value] = known.id }
            }
            stack[top].keyIndex = keyIndexes.count
            keyIndexes.append(index)
            openKeys.removeLast(openKeys.count - start)
        }
        return nil
    }

    /// Whether the key node `id` (a scalar, or an alias to one) has exactly the bytes `bytes`.
    func keyEquals(_ id: NodeID, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let target = document.resolved(id), let span = document[target].scalar else { return false }
        return values.bytes(span.byteRange).elementsEqual(bytes)
    }

    /// The text of the key node `id` (a scalar, or an alias to one); nil for a complex key.
    func keyText(_ id: NodeID) -> String? {
        guard let target = document.resolved(id), let span = document[target].scalar else { return nil }
        return values.text(span.byteRange)
    }

    /// Copies an anchor, alias name or tag from libyaml into the values; nil when there is none. An anchor
    /// is remembered as standing for node `anchoring`.
    mutating func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?, anchoring id: NodeID? = nil) -> YAMLName? {
        guard let pointer else { return nil }
        let bytes = UnsafeBufferPointer(start: UnsafePointer(pointer), count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
        let name = YAMLName(start: values.append(bytes), count: UInt32(clamping: bytes.count))
        if let id { anchors[values.text(name.byteRange)] = id }
        return name
    }

    mutating func reportError(_ parser: yaml_parser_t) {
        let problem = string(parser.problem) ?? "unknown error"
        let context = string(parser.context)
        let problemPosition: Position
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset into the input, not a mark.
            problemPosition = source.position(atOffset: range.lowerBound + Int(parser.problem_offset))
        } else {
            problemPosition = position(parser.problem_mark)
        }
        var contextPosition: Position?
        if context != nil, parser.error != YAML_READER_ERROR {
            contextPosition = position(parser.context_mark)
        }
        let explained = YAMLErrorText.explain(problem: problem, context: context, isReaderError: parser.error == YAML_READER_ERROR)
        var help = explained.help
        if let contextPosition, let context {
            var what = Substring(context)
            for prefix in ["while scanning ", "while parsing "] where what.hasPrefix(prefix) {
                what = what.dropFirst(prefix.count)
            }
            if what.hasPrefix("a ") { what = "the " + what.dropFirst(2) }
            let whereText = "\(what) started at line \(contextPosition.line), column \(contextPosition.column)"
            help = help.map { "\($0); \(whereText)" } ?? String(whereText)
        }
        document.problems.append(YAMLProblem(kind: parser.error == YAML_READER_ERROR ? .encoding : .syntax,
                                             message: explained.message, help: help,
                                             range: SourceRange(at: problemPosition)))
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}

/// The bytes of a document's values while it loads: copied in at the end of what is there, with room made up
/// front and doubled when it runs out. `Array.append(contentsOf:)` on the document's array cost twice as
/// much for these short values, most of it in checks that the array is uniquely referenced.
private struct ValueBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Copies `bytes` to the end; returns where they start.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let start = count
        if start + bytes.count > capacity {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, start + bytes.count))
            larger.initialize(from: base, count: start)
            base.deallocate()
            base = larger
            capacity = max(capacity * 2, start + bytes.count)
        }
        if let source = bytes.baseAddress { (base + start).initialize(from: source, count: bytes.count) }
        count += bytes.count
        return UInt32(clamping: start)
    }

    /// The bytes `range`, in place; valid until the next `append`.
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes(range), as: UTF8.self)
    }

    /// The bytes as an array, for the document.
    func array() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    func deallocate() {
        base.deallocate()
    }
}
