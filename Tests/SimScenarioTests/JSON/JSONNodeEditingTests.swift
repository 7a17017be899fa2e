import Testing
@testable import SimScenario

/// Editing a parsed document and writing it back keeps what the author wrote: member order,
/// number text, strings; small containers stay on one line.
struct JSONNodeEditingTests {
    let text = """
    {"name": "x", "b": 1e3, "a": [1, 2.50, {"k": "v"}], "nested": {"z": null, "y": true, "s": "é \\" \\n"}}
    """

    @Test func writingBackKeepsOrderAndNumberText() throws {
        let root = try JSONTest.parse(text)
        let written = root.renderedInOrder()
        #expect(written == "{\n  \"name\": \"x\",\n  \"b\": 1e3,\n  \"a\": [1, 2.50, {\"k\": \"v\"}],\n  \"nested\": {\"z\": null, \"y\": true, \"s\": \"é \\\" \\n\"}\n}\n")
        #expect(root.renderedInOrder(width: 200) == root.inline + "\n")
        #expect(JSONTest.canonical(try JSONTest.parse(written).value) == JSONTest.canonical(root.value))
        // Narrow: containers that do not fit open up, level by level.
        let narrow = root.renderedInOrder(width: 30)
        #expect(narrow.hasPrefix("{\n  \"name\": \"x\",\n  \"b\": 1e3,\n  \"a\": [1, 2.50, {\"k\": \"v\"}],\n  \"nested\": {\n    \"z\": null,\n"))
        #expect(JSONTest.canonical(try JSONTest.parse(narrow).value) == JSONTest.canonical(root.value))
    }

    @Test func settingAndRemovingMembersAndElements() throws {
        let root = try JSONTest.parse(text)
        let edited = root.setting("b", to: nil).setting("name", to: root.string("y")).setting("seed", to: root.member("b"), after: "name")
        #expect(edited.objectMembers?.map(\.key) == ["name", "seed", "a", "nested"])
        #expect(edited.member("name")?.stringValue == "y" && edited.member("seed")?.numberText == "1e3")
        #expect(root.setting("new", to: root.string("last")).objectMembers?.last?.key == "new")
        let array = try #require(root.member("a"))
        #expect(array.settingElement(0, to: nil).arrayElements?.count == 2)
        #expect(array.settingElement(5, to: nil).arrayElements?.count == 3)  // out of range: unchanged
        #expect(root.member("missing") == nil && array.member("k") == nil)
    }
}
