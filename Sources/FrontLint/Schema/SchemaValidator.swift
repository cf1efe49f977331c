/// Checks a file's front matter against the configured fields, once per file, for all the schema rules.
///
/// The walk follows JSON Schema: `type`, `enum`/`const` (compared after resolving YAML types as Hugo does),
/// `pattern`, lengths in Unicode scalars, `minimum`/`maximum`, `items` and the list keywords, `properties`,
/// `required` and `additionalProperties`, `anyOf`, `format` and `deprecated`. Aliases are followed, but every
/// node visited counts against a budget, so an alias bomb costs at most `budget` visits.
struct SchemaValidator {
    static let defaultBudget = 10_000

    let document: YAMLDocument
    let settings: LintSettings
    let budget: Int

    init(document: YAMLDocument, settings: LintSettings, budget: Int = SchemaValidator.defaultBudget) {
        self.document = document
        self.settings = settings
        self.budget = budget
    }

    /// What the walk changes as it goes, apart from the validator, which it only reads: the walk's methods are
    /// not `mutating`, so that the document and the compiled schema they read stay borrowed for the whole walk
    /// rather than retained and released around every call that could have changed them.
    struct Walk {
        /// How many more nodes may be visited.
        var budget: Int
        var exhaustedAt: SourceRange?
        /// Where the value being checked sits. One path is kept for the whole walk and steps are pushed and
        /// popped around each child: paths are only rendered for reported violations, so building a new one
        /// for every value would cost allocations that almost never pay off.
        var path = FieldPath()
        /// What the checks found so far (in an `anyOf` branch: what that branch found).
        var sink = Sink()

        mutating func add(_ rule: String, _ message: String, help: String? = nil, at range: SourceRange) {
            sink.add(rule, message, help: help, at: range)
        }
    }

    /// What a check produced: violations plus the dates and local paths seen on the way.
    struct Sink {
        var violations: [SchemaViolation] = []
        var dates: [FieldDate] = []
        var localReferences: [LocalReference] = []

        mutating func append(_ other: Sink) {
            // Mostly empty (a value that satisfies an `anyOf` branch), and appending nothing is not free.
            if !other.violations.isEmpty { violations += other.violations }
            if !other.dates.isEmpty { dates += other.dates }
            if !other.localReferences.isEmpty { localReferences += other.localReferences }
        }

        mutating func add(_ rule: String, _ message: String, help: String? = nil, at range: SourceRange) {
            violations.append(SchemaViolation(rule: rule, message: message, help: help, range: range))
        }

        /// How much has been found so far: what an `anyOf` branch finds comes after it.
        struct Mark {
            var violations: Int
            var dates: Int
            var localReferences: Int
        }

        var mark: Mark {
            Mark(violations: violations.count, dates: dates.count, localReferences: localReferences.count)
        }

        /// Whether a violation found since `mark` makes the value fail.
        func hasFailure(since mark: Mark) -> Bool {
            violations[mark.violations...].contains { $0.isFailure }
        }

        /// Forgets what was found since `mark`.
        mutating func truncate(to mark: Mark) {
            if violations.count > mark.violations { violations.removeSubrange(mark.violations...) }
            if dates.count > mark.dates { dates.removeSubrange(mark.dates...) }
            if localReferences.count > mark.localReferences { localReferences.removeSubrange(mark.localReferences...) }
        }

        /// Takes out what was found since `mark`.
        mutating func split(from mark: Mark) -> Sink {
            let part = Sink(violations: Array(violations[mark.violations...]), dates: Array(dates[mark.dates...]),
                            localReferences: Array(localReferences[mark.localReferences...]))
            truncate(to: mark)
            return part
        }
    }

    /// Where a value sits: the top-level field it belongs to and the steps to it, for messages. Keys are kept
    /// as their nodes and the field as its index: the text is rendered only for a reported violation, so
    /// pushing a step costs no string retain.
    struct FieldPath {
        enum Step { case key(NodeID), index(Int) }
        /// The top-level field: an index into `settings.fields`.
        var field = 0
        /// The top-level key, as written. It is not among the steps, so that checking a top-level value
        /// pushes nothing.
        var key: NodeID = 0
        /// The first step below the top-level key, kept apart: most front matter is nested at most one level
        /// below its keys (a list's items), and keeping that step in `deeper` cost every file an allocation.
        private var first: Step?
        /// The steps below the first.
        private var deeper: [Step] = []

        var isEmpty: Bool { first == nil }

        mutating func push(_ step: Step) {
            if first == nil { first = step } else { deeper.append(step) }
        }

        mutating func pop() {
            if deeper.isEmpty { first = nil } else { deeper.removeLast() }
        }

        /// Replaces the last step (the index of the item being checked, as a list is walked).
        mutating func replaceLast(with step: Step) {
            if deeper.isEmpty { first = step } else { deeper[deeper.count - 1] = step }
        }

        /// The steps below the top-level key, for messages.
        var steps: [Step] { first.map { [$0] + deeper } ?? [] }
    }

    /// The canonical name of the top-level field the value being checked belongs to.
    func fieldName(_ path: FieldPath) -> String { settings.fields[path.field].name }

    /// The text of a key on the path.
    private func keyText(_ key: NodeID) -> String { document.scalar(key)?.value ?? "" }

    /// The last key on the path, for `write key: value` suggestions.
    func lastKey(_ path: FieldPath) -> String {
        for step in path.steps.reversed() { if case .key(let k) = step { return keyText(k) } }
        return keyText(path.key)
    }

    /// Where the value being checked sits: `` `comments` ``, `` `thumbnail.src` ``, `` item 2 of `widgets` ``.
    func subject(_ path: FieldPath) -> String {
        func render(_ steps: ArraySlice<FieldPath.Step>) -> String {
            var text = keyText(path.key)
            for step in steps {
                switch step {
                case .key(let k): text += text.isEmpty ? keyText(k) : "." + keyText(k)
                case .index(let i): text += "[\(i + 1)]"
                }
            }
            return text
        }
        if case .index(let i)? = path.steps.last {
            return "item \(i + 1) of `\(render(path.steps.dropLast()))`"
        }
        return "`\(render(path.steps[...]))`"
    }

    /// Validates the root mapping against `settings.layer.fields`.
    func run() -> SchemaReport {
        var report = SchemaReport()
        guard !settings.layer.fields.isEmpty, document.problems.isEmpty, let root = document.root,
              let entries = document.entries(root) else { return report }
        // What field-required reports: the required fields among the keys, written or merged in. Kept as
        // bits while there are at most 64 of them (always, in practice), so that a file that has them all
        // shares the settings' array rather than allocating one.
        let requiredCount = settings.requiredFields.count
        var presentBits: UInt64 = 0
        var present = requiredCount > 64 ? [Bool](repeating: false, count: requiredCount) : []
        var walk = Walk(budget: budget)
        // The keys written in the mapping, then those its merge keys bring in.
        var hasMergeKeys = false
        for entry in entries {
            // The key's bytes are looked up in place: a string of the key is made only for a message.
            guard let keyID = document.resolved(entry.key), let key = document[keyID].scalar else { continue }
            let field = document.withValueBytes(of: key) { settings.fieldIndex(forKey: $0) }
            if let field, let position = settings.requiredPositions[field] {
                if present.isEmpty { presentBits |= 1 << UInt64(position) } else { present[position] = true }
            }
            if key.count == 2, document.isMergeKey(entry) {
                hasMergeKeys = true
            } else if walk.exhaustedAt == nil {
                checkField(entry, field, into: &walk)
            }
        }
        for entry in hasMergeKeys ? document.mergedEntries(entries) : [] {
            guard let key = document.keyText(entry) else { continue }
            let field = settings.fieldIndex(forKey: key)
            if let field, let position = settings.requiredPositions[field] {
                if present.isEmpty { presentBits |= 1 << UInt64(position) } else { present[position] = true }
            }
            if walk.exhaustedAt == nil { checkField(entry, field, into: &walk) }
        }
        report.violations = deduplicated(walk.sink.violations)
        report.dates = walk.sink.dates
        report.localReferences = walk.sink.localReferences
        report.budgetExhaustedAt = walk.exhaustedAt
        report.requiredFieldsPresent = requiredCount > 64 ? present : settings.requiredFieldsPresent(presentBits)
        return report
    }

    /// Checks a top-level entry whose key stands for `settings.fields[field]`, or reports the key as unknown.
    private func checkField(_ entry: MappingEntry, _ field: Int?, into walk: inout Walk) {
        guard let field else {
            let key = document.keyText(entry) ?? ""
            let suggestion = DidYouMean.suggest(key, from: settings.layer.fieldOrder)
            walk.add(SchemaRuleID.keyUnknown,
                     "`\(key)` is not a known field" + (suggestion.map { " (did you mean `\($0)`?)" } ?? ""),
                     help: suggestion != nil
                        ? "fix the spelling; Hugo keeps a misspelt key silently as a custom parameter"
                        : "declare it under `fields:` in .frontlint.yml (`\(key): {}` accepts any value)",
                     at: document.range(of: entry.key))
            return
        }
        // Hugo treats an empty top-level value as unset, like a missing key.
        let value = read(entry.value)
        if case .null? = value.reading { return }
        walk.path.field = field
        walk.path.key = entry.key
        // The plan is passed on without a retain: the settings' array holds it, and the validator holds the
        // settings, for the whole walk. Passed as `settings.fields[field].plan`, it was retained and released
        // around the walk of every top-level value (the optimiser cannot tell that the walk leaves the
        // settings' array alone).
        Unmanaged.passUnretained(settings.fields[field].plan)._withUnsafeGuaranteedRef { plan in
            validate(entry.value, value, plan, into: &walk)
        }
    }

    /// A node reached through several aliases is reported once per rule, under the first path that reached
    /// it: an alias bomb yields at most one finding per node and rule, not one per path.
    private func deduplicated(_ violations: [SchemaViolation]) -> [SchemaViolation] {
        guard violations.count > 1 else { return violations }
        struct Key: Hashable { var rule: String; var start: Int; var end: Int }
        var seen = Set<Key>()
        return violations.filter {
            seen.insert(Key(rule: $0.rule, start: $0.range.start.offset, end: $0.range.end.offset)).inserted
        }
    }

    // MARK: - The walk

    /// A value as the walk reads it, once for all the schemas it is checked against (its `anyOf` branches,
    /// the empty-item and unique-item checks of its list): the node its aliases lead to, what kind of node
    /// that is, and a scalar's reading and text. Neither the node's kind nor a `ResolvedValue`: copying and
    /// destroying that enum of strings and arrays, or an enum that owns a string, for every value cost more
    /// than most checks; a check that needs a list's items reads them from the node.
    struct Value {
        /// What the node is; `undefined` for an alias whose anchor is not defined (the loader's business),
        /// which is not checked. Not an optional `Value`: destroying one went through the runtime's generic
        /// value witnesses, for every value.
        enum Shape { case scalar, sequence, mapping, undefined }
        var target: NodeID
        var shape: Shape
        /// A scalar's type and value as Hugo reads it; nil for a list or a mapping.
        var reading: ValueReading?
        /// Where a scalar's text (its value as libyaml reads it) is in the document's `valueBytes`; empty for
        /// a list or a mapping. `text(of:)` makes a string of it for the checks and messages that need one.
        var textRange: Range<Int>

        var type: ValueType {
            switch shape {
            case .sequence: return .array
            case .mapping: return .object
            case .scalar, .undefined: return reading?.valueType ?? .null
            }
        }
    }

    /// The value `id` stands for; nil for an undefined alias (the loader's business).
    func read(_ id: NodeID) -> Value {
        guard let target = document.resolved(id) else {
            return Value(target: id, shape: .undefined, reading: nil, textRange: 0..<0)
        }
        switch document[target].kind {
        case .scalar(let scalar):
            let type = document.withValueBytes(of: scalar) { FrontLint.resolve($0, style: scalar.style, tag: document.tag(of: target)) }
            return Value(target: target, shape: .scalar, reading: ValueReading(type), textRange: scalar.byteRange)
        case .sequence:
            return Value(target: target, shape: .sequence, reading: nil, textRange: 0..<0)
        case .mapping:
            return Value(target: target, shape: .mapping, reading: nil, textRange: 0..<0)
        case .alias:
            return Value(target: id, shape: .undefined, reading: nil, textRange: 0..<0)  // not after `resolved`
        }
    }

    /// The scalar node `target` holds, whose text is `text`, once the walk has found that it holds one.
    private func scalar(at target: NodeID, text: String) -> YAMLScalar {
        guard case .scalar(let scalar) = document[target].kind else { preconditionFailure("not a scalar") }
        return YAMLScalar(value: text, style: scalar.style, tag: document.tag(of: target))
    }

    /// A scalar value's text, made from the document's bytes.
    func text(of value: Value) -> String {
        document.valueText(value.textRange)
    }

    /// What `ValueResolution.resolve` gives the value: for messages, which show a string's text.
    func resolved(_ value: Value) -> ResolvedValue? {
        value.reading?.resolved(text: text(of: value))
    }

    /// Checks the value of node `id` (at `path`), as `read(id)` gave it, against `schema`.
    func validate(_ id: NodeID, _ value: Value, _ schema: SchemaPlan, into walk: inout Walk) {
        guard countVisit(id, &walk), value.shape != .undefined else { return }
        let target = value.target

        if schema.hasDeprecationOrBranches {
            if let message = schema.deprecated {
                walk.add(SchemaRuleID.fieldDeprecated,
                         "\(subject(walk.path)) is deprecated" + (message.isEmpty ? "" : ": \(message)"), at: document.range(of: id))
            }
            if let branches = schema.anyOf, !branches.isEmpty {
                validateAnyOf(id, value, branches, into: &walk)
            }
        }

        if let types = schema.types, !schema.acceptsType(value.type, value.reading) {
            typeMismatch(expected: types, node: document[target], resolved: resolved(value),
                         range: document.range(of: id), path: walk.path, into: &walk.sink)
            return
        }
        if schema.hasAllowedValues {
            if let constant = schema.constValue, !isAllowed(value, by: constant) {
                enumMismatch(allowed: [constant], node: document[target], resolved: resolved(value),
                             range: document.range(of: id), path: walk.path, into: &walk.sink)
                return
            }
            if let values = schema.enumValues, !isAllowed(value, among: values) {
                enumMismatch(allowed: values, node: document[target], resolved: resolved(value),
                             range: document.range(of: id), path: walk.path, into: &walk.sink)
                return
            }
        }

        switch value.shape {
        case .scalar:
            if schema.checksScalars { checkScalar(id, value, schema, into: &walk) }
        case .sequence:
            guard case .sequence(let items) = document[target].kind else { return }
            checkSequence(document.items(of: items), schema, at: id, into: &walk)
        case .mapping:
            checkMapping(target, schema, at: id, into: &walk)
        case .undefined:
            break  // not reached: turned away above
        }
    }

    /// Out of line: matching a regex sets up a match on the stack, and every scalar check paid for that frame
    /// when it was inlined, pattern or not.
    @inline(never)
    private func checkPattern(_ pattern: SchemaPattern, _ text: String, _ schema: SchemaPlan, at node: NodeID,
                              into walk: inout Walk) {
        guard !pattern.matches(text) else { return }
        walk.add(SchemaRuleID.fieldPattern,
                 "\(subject(walk.path)) is \(quoted(text)), which does not match the pattern `\(pattern.source)`",
                 help: schema.source.description, at: document.range(of: node))
    }

    /// Counts a visit to `id` against the budget: false when the walk stops here, the budget being spent.
    private func countVisit(_ id: NodeID, _ walk: inout Walk) -> Bool {
        guard walk.exhaustedAt == nil else { return false }
        walk.budget -= 1
        guard walk.budget >= 0 else {
            walk.exhaustedAt = document.range(of: id)
            return false
        }
        return true
    }

    /// Checks the scalar `value` that node `id` stands for against `schema`.
    private func checkScalar(_ id: NodeID, _ scalarValue: Value, _ schema: SchemaPlan, into walk: inout Walk) {
        let value = scalarValue.reading!
        let target = scalarValue.target
        switch value {
        case .string where schema.checksStrings:
            // A string has between a quarter of its UTF-8 bytes and all of them as Unicode scalars: when both
            // bounds are within the limits, the scalars need not be counted.
            let bytes = scalarValue.textRange.count
            if (bytes + 3) / 4 < schema.minLength ?? 0 || bytes > schema.maxLength ?? .max {
                let length = text(of: scalarValue).unicodeScalars.count
                if let min = schema.minLength, length < min {
                    walk.add(SchemaRuleID.fieldLength, min == 1 && length == 0
                                ? "\(subject(walk.path)) is empty; it needs at least 1 character"
                                : "\(subject(walk.path)) is \(characters(length)) long; it needs at least \(min)",
                             at: document.range(of: id))
                } else if let max = schema.maxLength, length > max {
                    walk.add(SchemaRuleID.fieldLength,
                             "\(subject(walk.path)) is \(characters(length)) long; it may have at most \(max)",
                             help: "shorten it by \(characters(length - max))", at: document.range(of: id))
                }
            }
            if let pattern = schema.pattern { checkPattern(pattern.value, text(of: scalarValue), schema, at: id, into: &walk) }
        case .integer, .number:
            guard schema.checksNumbers else { break }
            let number: Double
            if case .integer(let i) = value { number = Double(i) } else if case .number(let d) = value { number = d } else { number = 0 }
            if let min = schema.minimum, number < min {
                walk.add(SchemaRuleID.fieldRange, "\(subject(walk.path)) is \(text(of: scalarValue)); it must be at least \(show(min))", at: document.range(of: id))
            } else if let max = schema.maximum, number > max {
                walk.add(SchemaRuleID.fieldRange, "\(subject(walk.path)) is \(text(of: scalarValue)); it must be at most \(show(max))", at: document.range(of: id))
            }
        case .null, .boolean, .string:
            break
        }
        if let format = schema.formatKind, value != .null {
            checkFormat(format, target, text(of: scalarValue), schema, at: id, into: &walk)
        }
    }

    private func checkSequence(_ items: YAMLChildren<NodeID>, _ schema: SchemaPlan,
                                        at node: NodeID, into walk: inout Walk) {
        if let min = schema.minItems, items.count < min {
            walk.add(SchemaRuleID.fieldLength, "\(subject(walk.path)) has \(count(items.count, "item")); it needs at least \(min)", at: document.range(of: node))
        } else if let max = schema.maxItems, items.count > max {
            walk.add(SchemaRuleID.fieldLength, "\(subject(walk.path)) has \(count(items.count, "item")); it may have at most \(max)", at: document.range(of: node))
        }
        // Passed to each item's walk without a retain and release per item: `schema`, which the caller
        // keeps alive, holds it.
        let itemSchema = schema.items.map(Unmanaged.passUnretained)
        let uniqueItems = schema.uniqueItems
        // The list's values, for `uniqueItems`, in memory on the stack: a list holds at most `linearLimit + 1`
        // of them before they move into a dictionary.
        withUnsafeTemporaryAllocation(of: SeenValues.Entry.self,
                                      capacity: uniqueItems ? min(items.count, SeenValues.linearLimit + 1) : 0) { buffer in
            var seenValues = SeenValues(buffer)
            defer { seenValues.removeAll() }
            var seenIndex: [SchemaConstant: Int]?  // a long list's values, once hashing beats a linear scan
            walk.path.push(.index(0))
            defer { walk.path.pop() }
            for (index, item) in items.enumerated() {
                guard walk.exhaustedAt == nil else { return }
                walk.path.replaceLast(with: .index(index))
                let itemValue = read(item)
                if schema.refusesEmptyItems, let reading = itemValue.reading,
                   reading == .null || reading == .string && itemValue.textRange.isEmpty {
                    walk.add(SchemaRuleID.listEmptyItem,
                             "\(subject(walk.path)) is \(reading == .null ? "null (an empty list item)" : "an empty string")",
                             help: "remove the empty item", at: document.range(of: item))
                    continue
                }
                if let itemSchema {
                    itemSchema._withUnsafeGuaranteedRef { validate(item, itemValue, $0, into: &walk) }
                }
                if uniqueItems, let reading = itemValue.reading {
                    let seen = SeenValue(reading: reading, textRange: itemValue.textRange)
                    let first = seenIndex != nil ? seenIndex![constant(seen)] : seenValues.firstIndex(of: seen, in: document)
                    if let first {
                        walk.add(SchemaRuleID.listDuplicate,
                                 "\(subject(walk.path)) repeats \(describeConstant(constant(seen))), already item \(first + 1)",
                                 help: "remove the repeated item", at: document.range(of: item))
                    } else if seenIndex != nil {
                        seenIndex![constant(seen)] = index
                    } else {
                        seenValues.push(seen, at: index)
                        if seenValues.count > SeenValues.linearLimit {
                            seenIndex = Dictionary(seenValues.entries.map { (constant($0.value), $0.index) },
                                                   uniquingKeysWith: { first, _ in first })
                            seenValues.removeAll()
                        }
                    }
                }
            }
        }
    }

    /// A list item's value, for `uniqueItems`: how it reads and where its text is in the document's values.
    struct SeenValue {
        var reading: ValueReading
        var textRange: Range<Int>

        /// Whether two values are equal as their `SchemaConstant`s are: the same reading and, for strings,
        /// equal text.
        func equals(_ other: SeenValue, in document: YAMLDocument) -> Bool {
            reading == other.reading && (reading != .string || document.valueText(textRange, equals: other.textRange))
        }
    }

    /// The constant an item's value equals, as `SchemaConstant` compares and hashes values.
    private func constant(_ value: SeenValue) -> SchemaConstant {
        SchemaConstant(value.reading.resolved(text: document.valueText(value.textRange)))
    }

    /// The values of one list seen so far, for `uniqueItems`, each with the item it was first seen at. Front
    /// matter lists are short (tags, a few aliases), where a linear scan beats hashing; a dictionary takes over
    /// for a long list. The values lie in memory the list lends (on the stack), rather than in an array
    /// allocated, and its values destroyed through the runtime, for every file.
    fileprivate struct SeenValues {
        struct Entry {
            var value: SeenValue
            var index: Int
        }
        private let buffer: UnsafeMutableBufferPointer<Entry>
        /// How many entries of `buffer` hold a value: they are initialised, the rest are not.
        private(set) var count = 0
        /// How many values of one list are scanned before they move into a dictionary.
        static let linearLimit = 16

        init(_ buffer: UnsafeMutableBufferPointer<Entry>) { self.buffer = buffer }

        /// The item at which `value` was seen.
        func firstIndex(of value: SeenValue, in document: YAMLDocument) -> Int? {
            for position in 0..<count where buffer[position].value.equals(value, in: document) { return buffer[position].index }
            return nil
        }

        /// The values noted, with the items they were seen at.
        var entries: UnsafeMutableBufferPointer<Entry>.SubSequence { buffer[..<count] }

        /// Notes a value; there must be room for it.
        mutating func push(_ value: SeenValue, at position: Int) {
            precondition(count < buffer.count, "more seen values than the list's room")
            (buffer.baseAddress! + count).initialize(to: Entry(value: value, index: position))
            count += 1
        }

        /// Forgets every value, destroying them; the list must call it before its memory goes.
        mutating func removeAll() {
            // Moved out one by one, and destroyed by code that knows their type: `deinitialize(count:)` destroys
            // them through the runtime's value witnesses.
            for position in 0..<count { _ = (buffer.baseAddress! + position).move() }
            count = 0
        }
    }

    private func checkMapping(_ id: NodeID, _ schema: SchemaPlan,
                                       at node: NodeID, into walk: inout Walk) {
        guard schema.checksProperties else { return }
        let properties = schema.properties ?? [:]
        let entries = document.effectiveEntries(id) ?? YAMLChildren([])
        var present = Set<String>()
        for entry in entries {
            guard walk.exhaustedAt == nil else { return }
            guard let key = document.keyText(entry) else { continue }
            let name = properties[key] != nil ? key : schema.propertyOrder.first { $0.lowercased() == key.lowercased() }
            if let name, let propertySchema = properties[name] {
                if schema.hasRequiredProperties { present.insert(name) }
                let value = read(entry.value)
                if case .null? = value.reading { continue }
                walk.path.push(.key(entry.key))
                validate(entry.value, value, propertySchema, into: &walk)
                walk.path.pop()
                continue
            }
            if schema.refusesAdditionalProperties {
                let suggestion = DidYouMean.suggest(key, from: schema.propertyOrder)
                let known = schema.propertyOrder.map { "`\($0)`" }.joined(separator: ", ")
                walk.add(SchemaRuleID.keyUnknown,
                         "\(subject(walk.path)) has no property `\(key)`" + (suggestion.map { " (did you mean `\($0)`?)" } ?? ""),
                         help: known.isEmpty ? "it takes no properties" : "its properties are \(known)",
                         at: document.range(of: entry.key))
            } else if let extra = schema.additionalSchema {
                walk.path.push(.key(entry.key))
                validate(entry.value, read(entry.value), extra, into: &walk)
                walk.path.pop()
            }
        }
        for name in schema.propertyOrder where schema.hasRequiredProperties
            && properties[name]?.isRequired == true && !present.contains(name) {
            walk.add(SchemaRuleID.fieldRequired, "\(subject(walk.path)) needs `\(name)`, which is missing",
                     help: "add `\(name): …` to \(subject(walk.path))", at: document.range(of: node))
        }
    }

    // MARK: - anyOf

    /// The first branch that the value satisfies wins (its deprecation and other advisories are kept). When
    /// none does: if exactly one branch accepts the value's type, its errors are the ones that explain the
    /// problem; otherwise one message lists what was expected.
    private func validateAnyOf(_ id: NodeID, _ value: Value, _ branches: [SchemaPlan],
                                        into walk: inout Walk) {
        // A branch that only lists allowed values is met when the value is among them: that is looked up
        // without walking the branch, and what the branch would report (nil here) is worked out only when no
        // branch is met, rather than a did-you-mean built for a value that a later branch allows.
        var outcomes: [Sink?] = []
        for branch in branches {
            if branch.isOnlyAllowedValues {
                guard countVisit(id, &walk) else { return }
                if isAllowed(value, by: branch) { return }
                outcomes.append(nil)
                continue
            }
            // The branch reports after what is already found; its findings stay there if it is met (as
            // appending them would have put them), and are taken out otherwise.
            let mark = walk.sink.mark
            validate(id, value, branch, into: &walk)
            if walk.exhaustedAt != nil {
                walk.sink.truncate(to: mark)
                return
            }
            if !walk.sink.hasFailure(since: mark) { return }
            outcomes.append(walk.sink.split(from: mark))
        }
        let node = document[value.target]
        let resolved = resolved(value)
        let range = document.range(of: id)
        /// What branch `index` reports, as `validate` would have found it.
        func outcome(_ index: Int) -> Sink {
            if let checked = outcomes[index] { return checked }
            var notAllowed = Sink()
            let branch = branches[index]
            if let constant = branch.constValue, !isAllowed(value, by: constant) {
                enumMismatch(allowed: [constant], node: node, resolved: resolved, range: range,
                             path: walk.path, into: &notAllowed)
            } else {
                enumMismatch(allowed: branch.enumValues ?? [], node: node, resolved: resolved,
                             range: range, path: walk.path, into: &notAllowed)
            }
            return notAllowed
        }
        let type = value.type
        let compatible = branches.indices.filter { branches[$0].admits(type, value.reading) }
        if compatible.count == 1 {
            walk.sink.append(outcome(compatible[0]))
            return
        }
        let candidates = compatible.isEmpty ? Array(branches.indices) : compatible
        // Branches that are lists of allowed values read best as one list.
        let constants = candidates.map { branches[$0].enumValues ?? branches[$0].constValue.map { [$0] } }
        if !compatible.isEmpty, constants.allSatisfy({ $0 != nil }) {
            enumMismatch(allowed: constants.flatMap { $0! }, node: node, resolved: resolved,
                         range: range, path: walk.path, into: &walk.sink)
            return
        }
        if !compatible.isEmpty {
            // Several branches take this type and all fail: show the errors of the first, which is the
            // closest the author is likely to have meant.
            walk.sink.append(outcome(compatible[0]))
            return
        }
        let expected = candidates.map { describe(branches[$0]) }
        walk.add(SchemaRuleID.fieldType,
                 "\(subject(walk.path)) must be \(alternatives(expected)), found \(found(node, resolved))", at: range)
    }

    // MARK: - Formats

    /// Checks the scalar `target`, whose text is `text`, against a format. Only a Hugo date needs the scalar
    /// itself (its style and tag decide how Hugo reads it); it is not copied out of the node for the others.
    private func checkFormat(_ format: SchemaFormat, _ target: NodeID, _ text: String, _ schema: SchemaPlan,
                             at node: NodeID, into walk: inout Walk) {
        switch format {
        case .hugoDate:
            switch HugoDate.check(scalar(at: target, text: text)) {
            case .absent:
                break
            case .rejected(let reason):
                walk.add(SchemaRuleID.dateFormat, "\(subject(walk.path)) is not a date Hugo accepts: \(reason)",
                         help: "write YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or YYYY-MM-DDTHH:MM:SS+08:00", at: document.range(of: node))
            case .acceptedSuspicious(_, let reason):
                walk.add(SchemaRuleID.dateSuspicious, "\(subject(walk.path)): \(reason)", at: document.range(of: node))
            case .accepted(let value):
                if value.year == 0 && !value.layout.contains("2006") && !value.layout.contains("06") {
                    walk.add(SchemaRuleID.dateSuspicious,
                             "\(subject(walk.path)) is \(quoted(text)), which has no year: Hugo reads it as \(value.rfc3339()), in year 0000",
                             help: "write the full date, e.g. YYYY-MM-DD HH:MM:SS", at: document.range(of: node))
                } else if walk.path.isEmpty {
                    walk.sink.dates.append(FieldDate(field: fieldName(walk.path), key: lastKey(walk.path), value: value, node: node))
                }
            }
        case .date:
            if let problem = FormatCheck.date(text) { walk.add(SchemaRuleID.dateFormat, "\(subject(walk.path)): \(problem)", at: document.range(of: node)) }
        case .dateTime:
            if let problem = FormatCheck.dateTime(text) { walk.add(SchemaRuleID.dateFormat, "\(subject(walk.path)): \(problem)", at: document.range(of: node)) }
        case .dateLayout:
            let layouts = schema.layouts
            guard !layouts.isEmpty else { break }
            var problems: [String] = []
            for layout in layouts {
                guard let problem = layout.check(text) else { problems.removeAll(); break }
                problems.append(problem)
            }
            guard !problems.isEmpty else { break }
            // A calendar problem (a day that does not exist) says more than "does not match".
            let mismatch = "\"\(text)\" does not match"
            if let specific = problems.first(where: { !$0.hasPrefix(mismatch) }) {
                walk.add(SchemaRuleID.dateFormat, "\(subject(walk.path)): \(specific)", at: document.range(of: node))
            } else if layouts.count == 1 {
                walk.add(SchemaRuleID.dateFormat, "\(subject(walk.path)): \(problems[0])", at: document.range(of: node))
            } else {
                walk.add(SchemaRuleID.dateFormat,
                         "\(subject(walk.path)) is \(quoted(text)), which matches none of the date layouts "
                            + layouts.map(\.layout).joined(separator: ", "), at: document.range(of: node))
            }
        case .uri, .uriReference:
            checkURI(text, absolute: format == .uri, schema, at: node, into: &walk)
        case .email:
            if let problem = FormatCheck.email(text) {
                walk.add(SchemaRuleID.fieldFormat, "\(subject(walk.path)) is not an email address: \(problem)", at: document.range(of: node))
            }
        case .bcp47:
            if let problem = FormatCheck.bcp47(text) {
                walk.add(SchemaRuleID.fieldFormat, "\(subject(walk.path)) is not a language tag: \(problem)",
                         help: "write a BCP 47 tag such as en, zh-CN or pt-BR", at: document.range(of: node))
            }
        }
    }

    private func checkURI(_ text: String, absolute: Bool, _ schema: SchemaPlan,
                                   at node: NodeID, into walk: inout Walk) {
        let allowed = schema.allowedSchemes
        if let misspelt = FormatCheck.misspeltHTTPScheme(text) {
            walk.add(SchemaRuleID.urlScheme, "\(subject(walk.path)) is \(quoted(text)): \(misspelt)",
                     help: "write the URL as http://… or https://…", at: document.range(of: node))
            return
        }
        let problem = absolute ? FormatCheck.uri(text) : FormatCheck.uriReference(text)
        if let problem {
            walk.add(SchemaRuleID.urlInvalid, "\(subject(walk.path)) is not a valid URL: \(problem)",
                     help: containsWord(problem, "space") ? "percent-encode spaces as %20" : nil, at: document.range(of: node))
            return
        }
        guard let scheme = FormatCheck.uriScheme(text) else {
            // A relative reference: a path on this site, unless it is protocol-relative or only a query/fragment.
            let first = text.utf8.first
            if !text.hasPrefix("//"), first != UInt8(ascii: "#"), first != UInt8(ascii: "?"), first != nil {
                walk.sink.localReferences.append(LocalReference(field: fieldName(walk.path), path: text, range: document.range(of: node)))
            }
            return
        }
        if !allowed.contains(scheme) {
            walk.add(SchemaRuleID.urlScheme,
                     "\(subject(walk.path)) uses the scheme `\(scheme)`; allowed: " + allowed.joined(separator: ", "),
                     help: schema.source.schemes == nil ? "set `schemes:` on the field to allow others" : nil, at: document.range(of: node))
        } else if scheme == "http", allowed.contains("https") {
            walk.add(SchemaRuleID.urlInsecure, "\(subject(walk.path)) uses http; use https",
                     help: "browsers block or warn about http resources on https pages", at: document.range(of: node))
        }
    }

    /// Whether `text` holds the ASCII `word`, as `String.contains` tells (comparing Characters), mostly from its
    /// bytes: `String.contains` costs tens of thousands of instructions. Bytes of the word with ASCII bytes (or
    /// nothing) on both sides are the word's Characters; a match next to other bytes (a combining mark could
    /// join its last letter) is left to `String.contains`, and text without the bytes cannot hold the Characters.
    func containsWord(_ text: String, _ word: StaticString) -> Bool {
        let found: Bool? = withUTF8Bytes(text) { b in
            let n = word.utf8CodeUnitCount
            var undecided = false
            var at = 0
            while at + n <= b.count {
                if (0..<n).allSatisfy({ b[at + $0] == word.utf8Start[$0] }) {
                    if (at == 0 || b[at - 1] < 0x80) && (at + n == b.count || b[at + n] < 0x80) { return true }
                    undecided = true
                }
                at += 1
            }
            return undecided ? nil : false
        }
        return found ?? text.contains(word.description)
    }

    // MARK: - Types and values

    /// Whether a value is among those a schema of allowed values lists (its `const` and its `enum`).
    func isAllowed(_ value: Value, by schema: SchemaPlan) -> Bool {
        if let constant = schema.constValue, !isAllowed(value, by: constant) { return false }
        if let values = schema.enumValues, !isAllowed(value, among: values) { return false }
        return true
    }

    func isAllowed(_ value: Value, by constant: SchemaConstant) -> Bool {
        guard let reading = value.reading else { return false }
        return matches(reading, text(of: value), constant)
    }

    func isAllowed(_ value: Value, among values: [SchemaConstant]) -> Bool {
        guard let reading = value.reading else { return false }
        let text = text(of: value)
        return values.contains { matches(reading, text, $0) }
    }

    /// Whether a scalar read as `reading`, with text `text`, equals `constant` as `equal(_:_:)` compares
    /// constants (an integer equals a number of the same value), without building a constant of it.
    private func matches(_ reading: ValueReading, _ text: String, _ constant: SchemaConstant) -> Bool {
        switch (reading, constant) {
        case (.string, .string(let allowed)): return text == allowed
        case (.null, .null): return true
        case (.boolean(let b), .boolean(let allowed)): return b == allowed
        case (.integer(let i), .integer(let allowed)): return i == allowed
        case (.number(let d), .number(let allowed)): return d == allowed
        case (.integer(let i), .number(let allowed)): return Double(i) == allowed
        case (.number(let d), .integer(let allowed)): return d == Double(allowed)
        default: return false
        }
    }

    func equal(_ a: SchemaConstant, _ b: SchemaConstant) -> Bool {
        switch (a, b) {
        case (.integer(let x), .number(let y)), (.number(let y), .integer(let x)): return Double(x) == y
        default: return a == b
        }
    }

    private func typeMismatch(expected: [ValueType], node: YAMLNode, resolved: ResolvedValue?,
                              range: SourceRange, path: FieldPath, into sink: inout Sink) {
        let names = expected.map(typeName)
        var message = "\(subject(path)) must be \(alternatives(names)), found \(found(node, resolved))"
        let key = lastKey(path)
        let isItem: Bool = { if case .index? = path.steps.last { return true } else { return false } }()
        var help: String?
        if case .scalar(let scalar) = node.kind, let resolved {
            let text = document.value(of: scalar)
            if expected.contains(.boolean), case .string = resolved,
               let word = ["true", "false"].first(where: { $0 == text.lowercased() }) {
                message += isItem ? "; write \(word) without quotes" : "; write `\(key): \(word)`"
                help = "a quoted \"\(text)\" is text, and a non-empty text counts as true in templates"
            } else if expected.contains(.boolean), case .string = resolved,
                      let word = ["yes": "true", "on": "true", "y": "true", "no": "false", "off": "false", "n": "false"][text.lowercased()] {
                message += isItem ? "; write \(word)" : "; write `\(key): \(word)`"
            } else if case .string = resolved, scalar.style != .plain,
                      let number = ValueResolution.resolve(YAMLScalar(value: text, style: .plain)).numberOrNil,
                      expected.contains(where: { $0.accepts(number.valueType, ValueReading(number)) }) {
                message += isItem ? "; write \(text) without quotes" : "; write `\(key): \(text)`"
            } else if expected.contains(.string), resolved != .null {
                message += isItem ? "; quote it: \"\(text)\"" : "; write `\(key): \"\(text)\"`"
            } else if expected == [.array] || expected.contains(.array) && !expected.contains(.string) {
                if resolved != .null { message += "; write `\(key): [\(text)]`" }
                help = "a single value where a list is expected is not read as a one-item list"
            }
        }
        sink.add(SchemaRuleID.fieldType, message, help: help, at: range)
    }

    private func enumMismatch(allowed: [SchemaConstant], node: YAMLNode, resolved: ResolvedValue?,
                              range: SourceRange, path: FieldPath, into sink: inout Sink) {
        let list = allowed.map(describeConstant).joined(separator: ", ")
        var message = allowed.count == 1
            ? "\(subject(path)) must be \(list), found \(found(node, resolved))"
            : "\(subject(path)) must be one of \(list); found \(found(node, resolved))"
        var help: String?
        if case .string(let text)? = resolved {
            let quotedScalar = node.scalar.map { $0.style != .plain } ?? false
            if quotedScalar, let match = allowed.first(where: { equal($0, SchemaConstant(ValueResolution.resolve(YAMLScalar(value: text, style: .plain)))) && $0.isNotString }) {
                message += "; write \(describeConstant(match)) without quotes"
                help = "a quoted \"\(text)\" is text, not \(describeConstant(match))"
            } else {
                let strings = allowed.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                if let suggestion = DidYouMean.suggest(text, from: strings) {
                    message += " (did you mean \"\(suggestion)\"?)"
                }
            }
        }
        sink.add(SchemaRuleID.fieldEnum, message, help: help, at: range)
    }

    // MARK: - Words

    func typeName(_ type: ValueType) -> String {
        switch type {
        case .string: return "a string"
        case .boolean: return "a boolean"
        case .integer: return "an integer"
        case .number: return "a number"
        case .array: return "a list"
        case .object: return "a mapping"
        case .null: return "empty (null)"
        }
    }

    func found(_ node: YAMLNode, _ resolved: ResolvedValue?) -> String {
        switch node.kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch resolved ?? .null {
            case .null: return "an empty value"
            case .boolean(let b): return "the boolean \(b)"
            case .integer(let i): return document.value(of: scalar) == String(i) ? "the integer \(i)" : "the integer \(i) (written \(document.value(of: scalar)))"
            case .number: return "the number \(document.value(of: scalar))"
            case .string(let s):
                switch scalar.style {
                case .plain: return "the string \(quoted(s))"
                case .singleQuoted, .doubleQuoted: return "the string \(quoted(s)) (quoted)"
                case .literal, .folded: return "a block of text"
                }
            }
        }
    }

    func describe(_ schema: SchemaPlan) -> String {
        if let constant = schema.constValue { return describeConstant(constant) }
        if let values = schema.enumValues { return "one of " + values.map(describeConstant).joined(separator: ", ") }
        var text: String
        if let types = schema.types { text = alternatives(types.map(typeName)) } else if schema.properties != nil {
            text = "a mapping"
        } else if schema.items != nil { text = "a list" } else { text = "a value" }
        if let format = schema.source.format { text += " (\(format))" }
        if !schema.propertyOrder.isEmpty { text += " with " + schema.propertyOrder.map { "`\($0)`" }.joined(separator: ", ") }
        return text
    }

    func describeConstant(_ constant: SchemaConstant) -> String {
        if case .string(let s) = constant { return quoted(s) }
        return constant.description
    }

    func alternatives(_ items: [String]) -> String {
        switch items.count {
        case 0: return "nothing"
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " or " + items.last!
        }
    }

    /// A string as a message shows it: in double quotes, long values shortened.
    func quoted(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 60 else { return "\"\(text)\"" }
        return "\"" + String(String.UnicodeScalarView(scalars.prefix(57))) + "…\""
    }

    func characters(_ n: Int) -> String { count(n, "character") }

    func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    func show(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension ResolvedValue {
    /// The value when it is a number (integer or not), for "write it without quotes" hints.
    var numberOrNil: ResolvedValue? {
        switch self {
        case .integer, .number: return self
        default: return nil
        }
    }
}

extension SchemaConstant {
    /// The constant a resolved front matter value equals.
    init(_ value: ResolvedValue) {
        switch value {
        case .null: self = .null
        case .boolean(let b): self = .boolean(b)
        case .integer(let i): self = .integer(i)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s)
        }
    }

    var isNotString: Bool {
        if case .string = self { return false }
        return true
    }
}
