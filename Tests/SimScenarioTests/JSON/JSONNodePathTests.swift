import Foundation
import Testing
@testable import SimScenario

/// A path names a value the way issues do (`services.email.work.constant`, `faults[0].for`);
/// replacing it changes that value alone, in place; a path that leads nowhere says where it
/// left the document and what was there.
struct JSONNodePathTests {
    static let text = """
    {"services": {"email": {"workers": 40, "work": {"constant": "100ms"}}, "mail.v2": {"work": "1ms"}},
     "faults": [{"slow": "email", "at": "60s", "for": "60s"}],
     "architectures": {"sync": {"chain": ["payment", "email"], "timeout": "2s"}}}
    """

    func document() throws -> JSONNode { try JSONTest.parse(Self.text) }

    @Test func findsObjectMembersArrayElementsAndKeysWithDots() throws {
        let root = try document()
        #expect(try root.node(at: "services.email.work.constant").stringValue == "100ms")
        #expect(try root.node(at: "services.email.workers").numberText == "40")
        #expect(try root.node(at: "faults[0].for").stringValue == "60s")
        #expect(try root.node(at: "architectures.sync.chain[1]").stringValue == "email")
        #expect(try root.node(at: "services.mail.v2.work").stringValue == "1ms")
        #expect(try root.node(at: "services.email.work").objectMembers?.count == 1)
    }

    @Test func replacingChangesOneValueAndKeepsEverythingElse() throws {
        let root = try document()
        let edited = try root.replacing(at: "services.email.work.constant", with: .string("4s"))
        #expect(try edited.node(at: "services.email.work.constant").stringValue == "4s")
        // The new value sits where the old one was written, so problems point at that line.
        #expect(try edited.node(at: "services.email.work.constant").location == root.node(at: "services.email.work.constant").location)
        let before = JSONTest.canonical(root.value), after = JSONTest.canonical(edited.value)
        #expect(after == before.replacingFirst("\"100ms\"", with: "\"4s\""))
        let element = try root.replacing(at: "faults[0].at", with: .string("1m"))
        #expect(try element.node(at: "faults[0].at").stringValue == "1m")
        #expect(try element.node(at: "faults[0].for").stringValue == "60s")
        #expect(try root.node(at: "faults[0].at").stringValue == "60s")  // the original is a value, untouched
    }

    @Test func aMissingFieldIsNamedWithTheKeysFoundThere() {
        #expect(message("architectures.sync.timout")
                == "no field \"timout\" in architectures.sync (did you mean \"timeout\"?); it has \"chain\" and \"timeout\"")
        #expect(message("servces.email.workers")
                == "no field \"servces\" at the top level (did you mean \"services\"?); it has \"services\", \"faults\" and \"architectures\"")
        #expect(message("services.email.work.constant.ms") == "services.email.work.constant is a string, which has no fields")
        #expect(message("faults[3].at") == "faults has 1 element, so [3] is out of range")
        #expect(message("faults.at") == "faults is an array; name an element by its index, as in faults[0]")
        #expect(message("faults[x]") == "expected an index such as [0] after faults, found [x]")
        #expect(message("services[0]").hasPrefix("services is an object, not an array; it has \"email\" and \"mail.v2\""))
        #expect(message("") == "the path is empty; name a field such as \"duration\"")
    }

    func message(_ path: String) -> String {
        do {
            _ = try document().node(at: path)
            return "found"
        } catch let error as JSONPathError {
            #expect(error.path == path)
            return error.message
        } catch {
            return "\(error)"
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
