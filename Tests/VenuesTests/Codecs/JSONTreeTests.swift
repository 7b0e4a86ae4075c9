import PropCore
import PropertyBased
import Testing
@testable import Venues

@Suite struct JSONTreeTests {
    /// `s` as a JSON string literal with every scalar written as `\uXXXX` UTF-16 escapes.
    static func escapedLiteral(_ s: String) -> String {
        "\"" + s.utf16.map { "\\u" + String(repeating: "0", count: 4 - String($0, radix: 16).count) + String($0, radix: 16) }.joined() + "\""
    }

    @Test func anyStringSurvivesUnicodeEscapes() async {
        await propertyCheck(input: Gen.int(in: 0...0x10FFFF).array(of: 0...24)) { codes in
            // Surrogate code points are not scalars; fold them into the basic plane's private-use area.
            let scalars = codes.map { Unicode.Scalar(UInt32($0)) ?? Unicode.Scalar(0xE000)! }
            let s = String(String.UnicodeScalarView(scalars))
            #expect(JSONTree.parse(Self.escapedLiteral(s)) == .string(s))
            #expect(JSONTree.parse(#"{"k":"# + Self.escapedLiteral(s) + "}")?["k"]?.text == s)
        }
    }

    @Test func writtenLiteralsParseBackToTheSameString() async {
        await propertyCheck(input: Gen.int(in: 0...0x10FFFF).array(of: 0...24)) { codes in
            let s = String(String.UnicodeScalarView(codes.map { Unicode.Scalar(UInt32($0)) ?? Unicode.Scalar(0x22)! }))
            #expect(JSONTree.parse(JSONLiteral.string(s)) == .string(s))
        }
        #expect(JSONLiteral.string("a\"b\\c\n\u{1}") == #""a\"b\\c\u000a\u0001""#)
        #expect(PercentEncoding.encode("a b/~é") == "a%20b%2F~%C3%A9")
    }

    @Test func malformedEscapesNeverTrap() {
        #expect(JSONTree.parse(#""a\u12x4b""#) == .string(#"a\u12x4b"#), "a malformed escape is kept as written")
        #expect(JSONTree.parse(#""\ud83d!""#) == .string("\u{FFFD}!"), "a lone high surrogate")
        #expect(JSONTree.parse(#""\ude00""#) == .string("\u{FFFD}"), "a lone low surrogate")
        #expect(JSONTree.parse(#""\ud83d\u0041""#) == .string("\u{FFFD}A"), "a high surrogate followed by a non-surrogate")
        #expect(JSONTree.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func scalarsKeepTheirExactText() throws {
        let j = try #require(JSONTree.parse(#" {"n":-1.5e3,"i":123456789012345678,"s":"42","t":true,"f":"false","z":null,"a":[],"o":{}} "#))
        #expect(j["n"] == .number("-1.5e3"))
        #expect(j["i"]?.int64 == 123456789012345678)
        #expect(j["s"]?.int64 == 42)
        #expect(j["t"]?.bool == true && j["f"]?.bool == false && j["s"]?.bool == nil)
        #expect(j["z"] == .null && j["z"]?.text == nil && j.literal("z") == "null")
        #expect(j.literal("t") == "true" && j.literal("n") == "-1.5e3" && j.literal("a") == nil && j.literal("missing") == nil)
        #expect(j["a"]?.array == [] && j["o"]?.isObject == true && j.isObject && j["a"]?.isObject == false)
        #expect(JSONTree.parse(#"{"e":""}"#)?["e"]?.nonEmptyText == nil)
    }

    @Test func refusesAnythingButOneCompleteValue() {
        for bad in ["", " ", "{} {}", "{} x", "[1,]", "{\"a\":}", "{\"a\" 1}", "tru", "nul", "[1 2]", "\"open", "x", "{\"a\":1,}"] {
            #expect(JSONTree.parse(bad) == nil, "\(bad)")
        }
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(JSONTree.parse(deep) == nil, "deeper than the nesting limit")
        let ok = String(repeating: "[", count: 8) + String(repeating: "]", count: 8)
        #expect(JSONTree.parse(ok) != nil)
    }

    @Test func truncatedMessagesAreRefused() {
        let text = #"{"a":[{"b":"c\"d","n":1.25},true,null],"e":{"f":"\u00e9"}}"#
        #expect(JSONTree.parse(text) != nil)
        for cut in 0..<text.utf8.count {
            #expect(JSONTree.parse(Array(text.utf8.prefix(cut))) == nil, "cut at \(cut)")
        }
    }
}
