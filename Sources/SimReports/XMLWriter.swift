import SimMetrics

/// Builds XML text (SVG, and HTML written as well-formed markup) element by element,
/// escaping every attribute value and text node, so callers cannot produce a malformed document.
struct XMLWriter {
    /// The text written so far.
    private(set) var text = ""

    /// An attribute: a name and its (unescaped) value.
    typealias Attribute = (name: String, value: String)

    /// Writes `<name attributes>` and leaves it open.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        start(name, attributes)
        text += ">\n"
    }

    /// Writes `</name>`.
    mutating func close(_ name: String) {
        text += "</" + name + ">\n"
    }

    /// Writes a whole element: empty (`<name .../>`) or holding `content` as text.
    mutating func element(_ name: String, _ attributes: [Attribute], content: String? = nil) {
        start(name, attributes)
        if let content {
            text += ">"
            text += XMLEscaping.escaped(content)
            text += "</" + name + ">\n"
        } else {
            text += "/>\n"
        }
    }

    /// Appends `markup` as it is, unescaped: only for text that is well-formed on its own
    /// (another writer's output) or that holds none of `<`, `>` and `&` (a style sheet).
    mutating func append(markup: String) {
        text += markup
    }

    /// Writes `<name` and the attributes, escaped, leaving the tag to be ended.
    private mutating func start(_ name: String, _ attributes: [Attribute]) {
        text += "<"
        text += name
        for attribute in attributes {
            text += " "
            text += attribute.name
            text += "=\""
            text += XMLEscaping.escaped(attribute.value)
            text += "\""
        }
    }

    /// A coordinate or length in pixels, to a tenth of a pixel.
    static func pixels(_ value: Double) -> String { Format.fixed(value, decimals: 1) }
}

extension XMLWriter {
    /// Writes a definition list's terms and values, each pair in a `div` (the page's "facts" line).
    mutating func facts(_ facts: [(term: String, value: String)]) {
        for (term, value) in facts {
            open("div")
            element("dt", [], content: term)
            element("dd", [], content: value)
            close("div")
        }
    }
}
