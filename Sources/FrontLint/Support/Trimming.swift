extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public func trimmingWhitespace() -> String {
        func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" || c.isNewline }
        var s = Substring(self)
        while let first = s.first, isBlank(first) { s.removeFirst() }
        while let last = s.last, isBlank(last) { s.removeLast() }
        return String(s)
    }
}
