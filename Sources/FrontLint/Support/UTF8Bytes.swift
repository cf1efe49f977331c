/// Runs `body` over the UTF-8 bytes of `text` without copying when the string is native.
@inline(__always)
func withUTF8Bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    // Read in place when the storage is contiguous, as a native string's always is: `withUTF8` needs a
    // mutable copy of the string, and making it cost more than many of the checks that read the bytes.
    if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var text = text
    return try text.withUTF8(body)
}
