// MARK: - Footnotes

extension HTMLRenderer {
    /// Marks where a definition's back-links go; they are known only after every
    /// definition is rendered, since notes may refer to each other. cmark turns NUL
    /// in the input into U+FFFD, so the marker cannot occur in rendered content.
    private func backLinkMarker(_ number: Int) -> [UInt8] {
        var marker = HTMLOutput(capacity: 8)
        marker.append(UInt8(0))
        marker.appendDecimal(number)
        marker.append(UInt8(0))
        return marker.bytes
    }

    /// The part of footnote ids after `fn-` / `fnref-`: prefix and sanitized label.
    private func idStem(number: Int, label: String) -> String {
        let slug = Slug.sanitize(label)
        let name = slug.isEmpty ? String(number) : slug
        let prefix = Slug.sanitize(options.idPrefix)
        return prefix.isEmpty ? name : "\(prefix)-\(name)"
    }

    /// The id of a footnote's definition, claimed on the page the first time it is needed.
    private mutating func footnoteID(number: Int, label: String) -> String {
        if let id = footnoteIDs[number] { return id }
        let id = page.claim("fn-" + idStem(number: number, label: label))
        anchors.append(id)
        footnoteIDs[number] = id
        return id
    }

    mutating func renderFootnoteReference(number: Int, label: String) {
        guard (1...max(footnoteCount, 1)).contains(number), footnoteCount > 0 else {
            // No definition to point at; show what the author wrote.
            output.appendLiteral("[^")
            output.appendEscaped(label)
            output.appendLiteral("]")
            return
        }
        let noteID = footnoteID(number: number, label: label)
        let referenceID = page.claim("fnref-" + idStem(number: number, label: label))
        anchors.append(referenceID)
        backReferences[number, default: []].append(referenceID)
        output.appendLiteral("<sup class=\"footnote-ref\"><a href=\"#")
        output.appendEscaped(noteID)
        output.appendLiteral("\" id=\"")
        output.appendEscaped(referenceID)
        output.appendLiteral("\" role=\"doc-noteref\">")
        output.appendDecimal(footnoteOffset + number)
        output.appendLiteral("</a></sup>")
    }

    /// Writes the definitions as one ordered list numbered on from the page's count.
    mutating func renderFootnotes(_ definitions: [MarkdownNode]) {
        guard !definitions.isEmpty else { return }
        // Swapped out, not copied: the page's bytes stay uniquely referenced, so appending
        // to them again afterwards does not copy them.
        var mainOutput = HTMLOutput()
        swap(&output, &mainOutput)
        // Each note is rendered into its own buffer so its back-link marker can be
        // replaced there, at a cost proportional to the note, not the section.
        var notes: [(number: Int, html: [UInt8])] = []
        for definition in definitions {
            guard case let .footnoteDefinition(number, label) = definition.kind else { continue }
            output = HTMLOutput()
            output.appendLiteral("<li id=\"")
            output.appendEscaped(footnoteID(number: number, label: label))
            output.appendLiteral("\">")
            renderDefinitionBody(definition.children, marker: backLinkMarker(number))
            output.appendLiteral("</li>\n")
            notes.append((number, output.bytes))
        }
        swap(&output, &mainOutput)
        newline()
        output.appendLiteral("<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"")
        output.appendEscaped(options.strings.footnotesLabel)
        output.appendLiteral("\">\n<ol start=\"")
        output.appendDecimal(footnoteOffset + 1)
        output.appendLiteral("\">\n")
        for note in notes {
            // The marker stands near the end of the note: found from there and spliced out.
            let marker = backLinkMarker(note.number)
            let html = note.html
            var position = html.count - marker.count
            while position >= 0, !html[position..<position + marker.count].elementsEqual(marker) { position -= 1 }
            if position >= 0 {
                output.append(html[..<position])
                writeBackLinks(note.number)
                output.append(html[(position + marker.count)...])
            } else {
                output.append(html[...])
            }
        }
        output.appendLiteral("</ol>\n</section>\n")
    }

    /// The blocks of a definition, with the back-link marker at the end of the last
    /// paragraph (where readers expect it) or after the last block.
    private mutating func renderDefinitionBody(_ blocks: [MarkdownNode], marker: [UInt8]) {
        for (index, block) in blocks.enumerated() {
            if index == blocks.count - 1 && block.kind == .paragraph {
                renderParagraph(block, tight: false, trailing: [UInt8(ascii: " ")] + marker)
                return
            }
            renderBlock(block, tight: false)
        }
        newline()
        output.appendLiteral("<p>")
        output.append(marker[...])
        output.appendLiteral("</p>\n")
    }

    /// The back-links to each reference of a note, separated by spaces.
    private mutating func writeBackLinks(_ number: Int) {
        let label = options.strings.footnoteBackLabel
        let references = backReferences[number] ?? []
        for (index, referenceID) in references.enumerated() {
            if index > 0 { output.append(UInt8(ascii: " ")) }
            output.appendLiteral("<a href=\"#")
            output.appendEscaped(referenceID)
            output.appendLiteral("\" class=\"footnote-back\" role=\"doc-backlink\" aria-label=\"")
            output.appendEscaped(label)
            // A note cited twice gets a second back-link, told apart by a number.
            if index > 0 {
                output.append(UInt8(ascii: " "))
                output.appendDecimal(index + 1)
            }
            output.appendLiteral("\">\u{21A9}\u{FE0E}")
            if index > 0 {
                output.appendLiteral("<sup>")
                output.appendDecimal(index + 1)
                output.appendLiteral("</sup>")
            }
            output.appendLiteral("</a>")
        }
    }
}
