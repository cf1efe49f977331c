import Testing
@testable import FrontLint

@Suite struct DateFormatTests {
    @Test(arguments: ["2025-02-13", "2024-02-29", "2000-02-29", "0000-01-01", "9999-12-31"])
    func validDates(text: String) { #expect(FormatCheck.date(text) == nil) }

    @Test(arguments: [
        ("2025-02-29", "\"2025-02-29\" is not a real day (February 2025 has 28 days)"),
        ("2100-02-29", "\"2100-02-29\" is not a real day (February 2100 has 28 days)"),
        ("2025-13-01", "month 13 does not exist"),
        ("2025-2-13", "\"2025-2-13\" is not a date in the form YYYY-MM-DD"),
        ("2025/02/13", "\"2025/02/13\" does not start with a date in the form YYYY-MM-DD"),
        ("2025-02-13T00:00:00Z", "\"2025-02-13T00:00:00Z\" is not a date in the form YYYY-MM-DD"),
    ])
    func invalidDates(text: String, reason: String) { #expect(FormatCheck.date(text) == reason) }

    @Test(arguments: ["2025-02-13T23:39:14Z", "2025-02-13t23:39:14z", "2025-02-13T23:39:14.123+08:00",
                      "2025-02-13T23:39:14-07:00", "2016-12-31T23:59:60Z", "2016-12-31T15:59:60-08:00"])
    func validDateTimes(text: String) { #expect(FormatCheck.dateTime(text) == nil, "\(text)") }

    @Test(arguments: [
        ("2025-02-30T00:00:00Z", "\"2025-02-30\" is not a real day (February 2025 has 28 days)"),
        ("2025-02-13 23:39:14Z", "\"2025-02-13 23:39:14Z\" needs a T between date and time, not a space"),
        ("2025-02-13T23:39:14", "\"2025-02-13T23:39:14\" is not an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ or with an offset like +08:00)"),
        ("2025-02-13T23:39:14+0800", "\"2025-02-13T23:39:14+0800\" has an offset that is not in the form +HH:MM"),
        ("2025-02-13T24:00:00Z", "hour 24 is out of range"),
        ("2025-02-13T23:39:60Z", "second 60 (a leap second) is only possible at 23:59:60 UTC"),
        ("2025-02-13T23:39:14.Z", "\"2025-02-13T23:39:14.Z\" has a dot after the seconds but no fraction digits"),
        ("2025-02-13", "\"2025-02-13\" is not an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ or with an offset like +08:00)"),
    ])
    func invalidDateTimes(text: String, reason: String) { #expect(FormatCheck.dateTime(text) == reason) }

    @Test func dateLayoutTokens() throws {
        let layout = try #require(DateLayout("YYYY-MM-DD HH:mm:ss"))
        #expect(layout.check("2025-02-13 23:39:14") == nil)
        #expect(layout.check("2025-02-13") == "\"2025-02-13\" does not match the date layout YYYY-MM-DD HH:mm:ss")
        #expect(layout.check("2025-02-30 10:00:00") == "\"2025-02-30\" is not a real day (February 2025 has 28 days)")
        #expect(layout.check("2025-02-13 24:00:00") == "hour 24 is out of range")
        let zoned = try #require(DateLayout("YYYY-MM-DDTHH:mm:ssZ"))
        #expect(zoned.check("2025-02-13T23:39:14Z") == nil)
        #expect(zoned.check("2025-02-13T23:39:14+08:00") == nil)
        #expect(zoned.check("2025-02-13T23:39:14+0800") != nil)
        let compact = try #require(DateLayout("YYYY/MM/DD HH:mm ZZ"))
        #expect(compact.check("2025/02/13 23:39 -0700") == nil)
        #expect(DateLayout("DD.MM.YYYY")?.check("13.02.2025") == nil)
    }

    @Test(arguments: [
        ("yyyy-MM-dd", "\"yyyy\" in the date layout \"yyyy-MM-dd\" is not a token; use YYYY, MM, DD, HH, mm, ss, Z or ZZ"),
        ("", "the date layout is empty"),
        ("YYYY-DD", "the date layout \"YYYY-DD\" needs YYYY, MM and DD together"),
        ("YYYY-MM-DD-DD", "the date layout \"YYYY-MM-DD-DD\" uses DD twice"),
        ("HH:ss", "the date layout \"HH:ss\" needs HH, mm and ss in order of size"),
        ("--", "the date layout \"--\" has no date or time tokens"),
    ])
    func badLayouts(layout: String, reason: String) {
        #expect(DateLayout.problem(in: layout) == reason)
        #expect(DateLayout(layout) == nil)
    }
}

@Suite struct URIFormatTests {
    @Test(arguments: [
        "https://img.example.com/a.jpg", "http://example.com", "https://example.com:8443/a?b=c&d=%20e#frag",
        "mailto:someone@example.com", "urn:isbn:0451450523", "file:///etc/hosts", "https://[2001:db8::1]/x",
        "https://user:pw@example.com/", "https://例子.cn/文章", "htps://img.example.com/a.jpg", "tel:+1-555-0100",
        "https://example.com/a_(b)", "HTTPS://EXAMPLE.COM",
        // The query runs to the first "#", and a "?" after it belongs to the fragment.
        "https://example.com/a?b?c#d?e", "https://[::1]:8080/p", "https://example.com./", "https://ex_ample.com/",
        "https://example.com/$&'()*+,;=@:",
    ])
    func validURIs(text: String) { #expect(FormatCheck.uri(text) == nil, "\(text)") }

    @Test(arguments: [
        ("https://img example.com/a.jpg", "the host contains a space, which must be percent-encoded as %20"),
        ("https://example.com/a b.jpg", "the path contains a space, which must be percent-encoded as %20"),
        ("https://", "the host is empty: a https URI needs a host after \"//\""),
        ("https:///a.jpg", "the host is empty: a https URI needs a host after \"//\""),
        ("::not a url::", "\"::not a url::\" does not start with a scheme such as https:"),
        ("example.com/a.jpg", "\"example.com/a.jpg\" has no scheme; write https://example.com/a.jpg for a web address"),
        ("/img/a.jpg", "\"/img/a.jpg\" does not start with a scheme such as https:"),
        ("https://example.com/%zz", "\"%zz\" in the path is not a valid percent-escape (% must be followed by two hex digits)"),
        ("https://example.com/a%2", "\"%2\" in the path is not a valid percent-escape (% must be followed by two hex digits)"),
        ("https://example.com:80a/", "the port \"80a\" is not a number"),
        ("https://example.com:70000/", "the port 70000 is out of range (0–65535)"),
        ("https://exa..mple.com/", "the host \"exa..mple.com\" has an empty label (two dots in a row, or a leading dot)"),
        ("https://-a.com/", "the host \"-a.com\" has a label that starts or ends with a hyphen"),
        ("https://example.com/<x>", "the path contains the character \"<\", which must be percent-encoded"),
        ("https:example.com", "a https URI needs \"//\" and a host after \"https:\""),
        ("", "the URI is empty"),
        // A percent-escape is cut off where its component ends.
        ("https://example.com/?q=%4#x", "\"%4\" in the query is not a valid percent-escape (% must be followed by two hex digits)"),
        ("https://example.com/a%4?x", "\"%4\" in the path is not a valid percent-escape (% must be followed by two hex digits)"),
        ("https://example.com/#a#b", "the fragment contains the character \"#\", which must be percent-encoded"),
        ("https://user@host@example.com/", "the user information contains the character \"@\", which must be percent-encoded"),
        ("https://us er@example.com/", "the user information contains a space, which must be percent-encoded as %20"),
        ("https://ex!ample.com/", "the host \"ex!ample.com\" contains the character \"!\""),
        ("https://example-.com/", "the host \"example-.com\" has a label that starts or ends with a hyphen"),
        ("https://.example.com/", "the host \".example.com\" has an empty label (two dots in a row, or a leading dot)"),
    ])
    func invalidURIs(text: String, reason: String) { #expect(FormatCheck.uri(text) == reason) }

    /// `needsHost` compares packed words: the five schemes that need a host do, in any case, and their near
    /// neighbours (a letter more, a letter less, a prefix) do not.
    @Test(arguments: [("http", true), ("HTTPS", true), ("Ws", true), ("wss", true), ("fTp", true),
                      ("htt", false), ("httpss", false), ("ftps", false), ("w", false), ("wsss", false),
                      ("sftp", false), ("mailto", false), ("h", false)])
    func schemesThatNeedAHost(scheme: String, needsHost: Bool) {
        let text = scheme + ":x"
        #expect(Array(text.utf8).withUnsafeBufferPointer { URIParser.needsHost($0, schemeEnd: scheme.utf8.count) }
            == needsHost, "\(scheme)")
        #expect((FormatCheck.uri(text) != nil) == needsHost, "\(text)")
    }

    @Test(arguments: ["/img/a.jpg", "../a.png", "a.png", "?q=1", "#top", "//cdn.example.com/x.js", "",
                      "https://example.com/", "./a:b", "images/2025/中文.png"])
    func validReferences(text: String) { #expect(FormatCheck.uriReference(text) == nil, "\(text)") }

    @Test func invalidReferences() {
        #expect(FormatCheck.uriReference("::not a url::")
            == "\"::not a url::\" is neither a URI with a scheme nor a relative reference (a colon in the first path segment needs ./ in front)")
        #expect(FormatCheck.uriReference("/a b") == "the path contains a space, which must be percent-encoded as %20")
        #expect(FormatCheck.uriReference("//") == nil)  // empty authority is allowed without an http scheme
    }

    @Test func schemes() {
        #expect(FormatCheck.uriScheme("HTTPS://x") == "https")
        #expect(FormatCheck.uriScheme("htps://img.example.com/a.jpg") == "htps")
        #expect(FormatCheck.uriScheme("/a/b") == nil)
        #expect(FormatCheck.uriScheme("::x") == nil)
        #expect(FormatCheck.uriScheme("mailto:a@b.c") == "mailto")
    }

    @Test(arguments: [("htps", "https"), ("htp", "http"), ("hhttps", "https"), ("httsp", "https"), ("htttp", "http"),
                      ("hptts", "https"), ("ttps", "https"), ("httpss", "https"), ("HTPS", "https")])
    func misspeltSchemes(scheme: String, intended: String) {
        #expect(FormatCheck.likelyHTTPScheme(scheme) == intended)
    }

    @Test(arguments: ["http", "https", "ftp", "ftps", "sftp", "ws", "wss", "mailto", "tel", "file", "data", "urn", "git"])
    func realSchemesAreNotMisspellings(scheme: String) { #expect(FormatCheck.likelyHTTPScheme(scheme) == nil) }

    @Test func misspeltHTTPSchemeMessages() {
        #expect(FormatCheck.misspeltHTTPScheme("htps://img.example.com/a.jpg")
            == "the scheme \"htps\" looks like a misspelling of \"https\"")
        #expect(FormatCheck.misspeltHTTPScheme("https//img.example.com") == "\"https//\" is missing the colon: write https://")
        #expect(FormatCheck.misspeltHTTPScheme("https:/img.example.com") == "https: must be followed by exactly two slashes: write https://")
        #expect(FormatCheck.misspeltHTTPScheme("https:///img.example.com") == "https: must be followed by exactly two slashes: write https://")
        #expect(FormatCheck.misspeltHTTPScheme("https://img.example.com") == nil)
        #expect(FormatCheck.misspeltHTTPScheme("ftp://x.org") == nil)
        #expect(FormatCheck.misspeltHTTPScheme("/relative") == nil)
    }
}

@Suite struct EmailAndLanguageTests {
    @Test(arguments: ["a@example.com", "first.last+tag@sub.example.co.uk", "\"odd name\"@example.com",
                      "user@[192.0.2.1]", "o'brien@example.ie", "用户@例子.中国"])
    func validEmails(text: String) { #expect(FormatCheck.email(text) == nil, "\(text)") }

    @Test(arguments: [
        ("example.com", "\"example.com\" has no @"),
        ("@example.com", "\"@example.com\" has nothing before the @"),
        ("a@", "\"a@\" has nothing after the @"),
        ("a@b@example.com", "\"a@b@example.com\" has more than one @"),
        ("a b@example.com", "\"a b@example.com\" contains a space"),
        ("a..b@example.com", "the part before the @ has two dots in a row"),
        (".a@example.com", "the part before the @ may not start or end with a dot"),
        ("a@localhost", "the domain \"localhost\" has no dot"),
        ("a@example..com", "the domain \"example..com\" has an empty label"),
        ("a@-example.com", "the domain \"-example.com\" has a label that starts or ends with a hyphen"),
        ("a(b)@example.com", "the part before the @ contains the character \"(\""),
        ("", "the email address is empty"),
    ])
    func invalidEmails(text: String, reason: String) { #expect(FormatCheck.email(text) == reason) }

    @Test(arguments: ["en", "zh-CN", "zh-Hant-TW", "x-private", "en-US", "en-us", "sr-Latn-RS", "de-CH-1996",
                      "en-US-u-ca-gregory", "es-419", "zh-yue-HK", "i-klingon", "en-GB-oed", "zh-min-nan",
                      "en-x-custom-tag", "ast", "sl-rozaj-biske", "de-DE-u-co-phonebk-x-private"])
    func validLanguageTags(text: String) { #expect(FormatCheck.bcp47(text) == nil, "\(text)") }

    @Test(arguments: [
        ("zh_CN", "\"zh_CN\" uses an underscore; language tags use hyphens (zh-CN)"),
        ("english", "\"english\" is not a language code; use a 2- or 3-letter code such as en"),
        ("e", "\"e\" must start with a 2- or 3-letter language code such as en or zh"),
        ("en-", "\"en-\" has an empty subtag (a doubled or trailing hyphen)"),
        ("en--US", "\"en--US\" has an empty subtag (a doubled or trailing hyphen)"),
        ("en-US-CA", "the subtag \"CA\" is out of place in \"en-US-CA\" (expected language-Script-REGION-variant, e.g. zh-Hant-TW)"),
        ("de-1996-1996", "the variant \"1996\" appears twice"),
        ("en-u-ca-a-x-u-nu", "the extension \"a\" has no subtags after it"),
        ("en-u-ca-u-nu", "the extension \"u\" appears twice"),
        ("en-u", "the extension \"u\" has no subtags after it"),
        ("x", "the private-use part of \"x\" has no subtags after x"),
        ("12", "\"12\" must start with a 2- or 3-letter language code such as en or zh"),
        ("en-ÜS", "the subtag \"ÜS\" may only hold ASCII letters and digits"),
        ("en-abcdefghi", "the subtag \"abcdefghi\" is longer than 8 characters"),
        ("", "the language tag is empty"),
    ] as [(String, String?)])
    func invalidLanguageTags(text: String, reason: String?) { #expect(FormatCheck.bcp47(text) == reason) }
}
