// MARK: - Footnotes

extension HTMLRenderer {
    /// Marks where a definition's back-links go; they are known only after every
    /// definition is rendered, since notes may refer to each other. cmark turns NUL
    /// in the input into U+FFFD, so the marker cannot occur in rendered content.
    private func backLinkMarker(_ number: Int) -> String {
        "\u{0}\(number)\u{0}"
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
            output += escape("[^\(label)]")
            return
        }
        let noteID = footnoteID(number: number, label: label)
        let referenceID = page.claim("fnref-" + idStem(number: number, label: label))
        anchors.append(referenceID)
        backReferences[number, default: []].append(referenceID)
        output += "<sup class=\"footnote-ref\"><a href=\"#\(escape(noteID))\" id=\"\(escape(referenceID))\" "
            + "role=\"doc-noteref\">\(footnoteOffset + number)</a></sup>"
    }

    /// Writes the definitions as one ordered list numbered on from the page's count.
    mutating func renderFootnotes(_ definitions: [MarkdownNode]) {
        guard !definitions.isEmpty else { return }
        let mainOutput = output
        // Each note is rendered into its own buffer so its back-link marker can be
        // replaced there, at a cost proportional to the note, not the section.
        var notes: [(number: Int, html: String)] = []
        for definition in definitions {
            guard case let .footnoteDefinition(number, label) = definition.kind else { continue }
            output = "<li id=\"\(escape(footnoteID(number: number, label: label)))\">"
            renderDefinitionBody(definition.children, marker: backLinkMarker(number))
            output += "</li>\n"
            notes.append((number, output))
        }
        output = mainOutput
        newline()
        output += "<section class=\"footnotes\" role=\"doc-endnotes\" "
            + "aria-label=\"\(escape(options.strings.footnotesLabel))\">\n"
        output += "<ol start=\"\(footnoteOffset + 1)\">\n"
        for note in notes {
            // The marker stands near the end of the note: found from there, spliced on bytes.
            let marker = Array(backLinkMarker(note.number).utf8)
            let html = Array(note.html.utf8)
            var position = html.count - marker.count
            while position >= 0, !html[position..<position + marker.count].elementsEqual(marker) { position -= 1 }
            if position >= 0 {
                output += String(decoding: html[..<position], as: UTF8.self) + backLinks(note.number)
                    + String(decoding: html[(position + marker.count)...], as: UTF8.self)
            } else {
                output += note.html
            }
        }
        output += "</ol>\n</section>\n"
    }

    /// The blocks of a definition, with the back-link marker at the end of the last
    /// paragraph (where readers expect it) or after the last block.
    private mutating func renderDefinitionBody(_ blocks: [MarkdownNode], marker: String) {
        for (index, block) in blocks.enumerated() {
            if index == blocks.count - 1 && block.kind == .paragraph {
                renderParagraph(block, tight: false, trailing: " " + marker)
                return
            }
            renderBlock(block, tight: false)
        }
        newline()
        output += "<p>\(marker)</p>\n"
    }

    private func backLinks(_ number: Int) -> String {
        let label = options.strings.footnoteBackLabel
        let references = backReferences[number] ?? []
        return references.enumerated().map { index, referenceID in
            // A note cited twice gets a second back-link, told apart by a number.
            let suffix = index == 0 ? "" : "<sup>\(index + 1)</sup>"
            let ariaLabel = index == 0 ? label : "\(label) \(index + 1)"
            return "<a href=\"#\(escape(referenceID))\" class=\"footnote-back\" role=\"doc-backlink\" "
                + "aria-label=\"\(escape(ariaLabel))\">\u{21A9}\u{FE0E}\(suffix)</a>"
        }.joined(separator: " ")
    }
}
