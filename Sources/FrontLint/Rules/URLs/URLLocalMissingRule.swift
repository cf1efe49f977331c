/// `url-local-missing`: a relative image path must name a file of the site.
public struct URLLocalMissingRule: Rule {
    static let configuration = "fields:\n  thumbnail: {type: string, format: uri-reference}\n"

    public static let description = RuleDescription(
        id: "url-local-missing",
        summary: "Relative image paths (thumbnail …) must exist under static/ or beside the page",
        enabledByDefault: false,
        tags: ["urls", "fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                Relative `uri-reference` values of the fields in `fields` (by default `thumbnail`, `image`, \
                `images`, `cover`, `featured_image`, nested values included): a path starting with `/` must \
                exist under the site's `static/` folder; any other relative path under `static/` or beside the \
                page (a page bundle). The site is the folder of the configuration file, and a path is resolved \
                there textually: one that climbs out of it with `..` is reported and never looked up, and a \
                symbolic link under it that leads out is not followed (reported too). Query \
                strings and fragments are ignored and `%XX` escapes decoded. Nothing is checked without a \
                configuration file.
                """,
            whyItMatters: "Hugo copies the path into the page as it is: a typo in a file name is a broken image.",
            example: "---\nthumbnail: /img/covr.jpg\n---\n",
            useInstead: "---\nthumbnail: /img/cover.jpg   # static/img/cover.jpg exists\n---\n"),
        options: [
            RuleOptionDescription("fields", "The top-level fields whose relative paths are checked",
                                  default: "[thumbnail, image, images, cover, featured_image]"),
        ],
        triggering: [
            RuleExample("---\nthumbnail: ↓/img/frontlint-no-such-file.png\n---\n", configuration: configuration),
            RuleExample("---\nthumbnail: ↓../../../../../../../../etc/hostname\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nthumbnail: https://img.example.com/a.png\n---\n", configuration: configuration),
            RuleExample("---\nthumbnail: /img/frontlint-no-such-file.png\n---\n",
                        configuration: configuration + "rules:\n  url-local-missing: {fields: [image]}\n"),
        ])

    let fields: Set<String>

    public init(options: RuleOptions) throws(ConfigurationError) {
        fields = Set(try options.strings("fields", default: ["thumbnail", "image", "images", "cover", "featured_image"]))
    }

    public func check(_ file: LintContext) -> [Finding] {
        guard let root = file.settings.projectRoot else { return [] }
        let references = file.schemaReport.localReferences.filter { fields.contains($0.field) }
        guard !references.isEmpty else { return [] }
        let pageDirectory = PathNames.parent(PathNames.absolute(file.source.path))
        var findings: [Finding] = []
        for reference in references {
            let path = URLLocalMissingRule.filePath(of: reference.path)
            guard !path.isEmpty else { continue }
            let candidates = path.hasPrefix("/")
                ? [root + "/static" + path]
                : [pageDirectory + "/" + path, root + "/static/" + path]
            let inside = candidates.map(PathNames.normalize).filter { PathNames.relative($0, to: root) != nil }
            // Looked up beneath the site folder only: a symbolic link that leads out of it is not followed.
            let found = inside.map { FileSystem.lookUp(PathNames.relative($0, to: root)!, beneath: root) }
            if inside.isEmpty {
                findings.append(Finding("`\(reference.path)` points outside the site folder \(root)",
                                        help: "write a path under static/ (e.g. /img/a.png) or beside the page",
                                        at: reference.range))
            } else if found.contains(.exists) {
                continue
            } else if !found.contains(.missing) {
                findings.append(Finding("`\(reference.path)` leads outside the site folder \(root) through a symbolic link",
                                        help: "frontlint does not follow links out of the site; put the file under static/ or beside the page",
                                        at: reference.range))
            } else {
                let places = inside.map { PathNames.relative($0, to: root) ?? $0 }.joined(separator: " or ")
                findings.append(Finding("`\(reference.path)` does not exist: looked for \(places)",
                                        help: "check the file name, or put the file in static/ or beside the page",
                                        at: reference.range))
            }
        }
        return findings
    }

    /// The path part of a relative reference, without query or fragment, `%XX` escapes decoded.
    static func filePath(of reference: String) -> String {
        let bytes = Array(reference.utf8.prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") })
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                decoded.append(value)
                i += 3
            } else {
                decoded.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
