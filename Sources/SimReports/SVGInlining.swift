/// Turns a standalone SVG document, as Ripple's drawings write it for a file of its own, into
/// the `<svg>` element an HTML page inlines: the same bytes without the `xmlns` attribute, which
/// the page's parser supplies itself. A report draws each chart once and inlines that drawing,
/// rather than drawing it a second time for the page.
enum SVGInlining {
    /// The attribute a standalone document carries right after `<svg`, and an inlined element leaves out.
    static let namespace: XMLWriter.Attribute = ("xmlns", "http://www.w3.org/2000/svg")

    /// `document` (which starts `<svg xmlns="http://www.w3.org/2000/svg"`) without its `xmlns` attribute.
    /// - Complexity: O(n) in the length of `document`.
    static func element(fromDocument document: String) -> String {
        let opening = "<svg " + namespace.name + "=\"" + namespace.value + "\""
        precondition(document.hasPrefix(opening), "not a standalone SVG document as Ripple writes it")
        let rest = document.utf8.index(document.utf8.startIndex, offsetBy: opening.utf8.count)
        return "<svg" + document[rest...]
    }
}
