#!/usr/bin/env python3
"""PDF/UA-1 checks for every PDF in the given output folders (part of `make test`).

Runs the `pdfua` checker (16 machine-checkable PDF/UA-1 rules; a rule that raises is reported
as skipped, not as passed) and asserts with pikepdf what the pdfua package does not cover:
tagged, StructTreeRoot with ParentTree, headings starting at H1 without skipped levels, /Lang
equal to the brief's language (read from its web page), DisplayDocTitle, XMP pdfuaid:part and
dc:title, every font embedded and none of Type 3, link annotations tagged, /Tabs /S, figures
with alternative text, not encrypted. Ends with the line 'N passed, N failed'.
"""
import pathlib
import re
import sys

import pikepdf
from pdfua import validate


def struct_elements(root):
    """All structure elements in document order (depth first), with their /S names."""
    stack = [root]
    seen = set()
    while stack:
        node = stack.pop(0)
        if isinstance(node, pikepdf.Dictionary):
            key = node.objgen if node.is_indirect else id(node)
            if key in seen:
                continue
            seen.add(key)
            if "/S" in node:
                yield node
            kids = node.get("/K")
            if kids is None:
                continue
            if isinstance(kids, pikepdf.Array):
                stack[0:0] = list(kids)
            else:
                stack.insert(0, kids)


def font_problems(pdf):
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        fonts = resources.get("/Font", pikepdf.Dictionary())
        for name, font in fonts.items():
            subtype = str(font.get("/Subtype"))
            if subtype == "/Type3":
                problems.append(f"page {number}: font {name} is a Type 3 font")
                continue
            descriptors = []
            if subtype == "/Type0":
                for descendant in font.get("/DescendantFonts", []):
                    descriptors.append(descendant.get("/FontDescriptor"))
            else:
                descriptors.append(font.get("/FontDescriptor"))
            for descriptor in descriptors:
                if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    problems.append(f"page {number}: font {name} ({font.get('/BaseFont')}) is not embedded")
    return problems


def check(path, expected_lang):
    """Returns a list of (check name, problem or None)."""
    results = []

    def expect(name, condition, problem):
        results.append((name, None if condition else problem))

    report = validate(str(path))
    for finding in report.findings:
        results.append((f"pdfua {finding.rule_id}", f"{finding.severity.name}: {finding.message}"))
    results.append(("pdfua rules", None if report.exit_code == 0 else f"pdfua exit code {report.exit_code}"))
    skipped = [outcome.rule_id for outcome in report.skipped]

    with pikepdf.open(path) as pdf:
        root = pdf.Root
        expect("header", pdf.pdf_version <= "1.7", f"PDF version {pdf.pdf_version} is not PDF/UA-1's 1.7 or lower")
        expect("not encrypted", not pdf.is_encrypted, "the PDF is encrypted")
        mark = root.get("/MarkInfo", pikepdf.Dictionary())
        expect("tagged", bool(mark.get("/Marked", False)), "/MarkInfo /Marked is not true")
        expect("no suspects", not bool(mark.get("/Suspects", False)), "/MarkInfo /Suspects is true")
        tree = root.get("/StructTreeRoot")
        expect("structure tree", tree is not None and "/ParentTree" in tree, "no /StructTreeRoot with /ParentTree")
        lang = str(root.get("/Lang", ""))
        expect("language", lang == expected_lang, f"/Lang is '{lang}', the brief's language is '{expected_lang}'")
        prefs = root.get("/ViewerPreferences", pikepdf.Dictionary())
        expect("display title", bool(prefs.get("/DisplayDocTitle", False)), "/ViewerPreferences /DisplayDocTitle is not true")
        meta = pdf.open_metadata()
        expect("pdfuaid", meta.get("pdfuaid:part") == "1", f"XMP pdfuaid:part is {meta.get('pdfuaid:part')!r}, not '1'")
        expect("dc:title", bool(meta.get("dc:title")), "XMP dc:title is missing or empty")
        expect("dc:language", expected_lang in (meta.get("dc:language") or set()),
               f"XMP dc:language is {meta.get('dc:language')!r}, not '{expected_lang}'")
        expect("dc:creator", bool(meta.get("dc:creator")), "XMP dc:creator (the authors) is missing")
        info = pdf.docinfo
        page = path.parent / "index.html"
        keys = ["/Title", "/Author", "/Subject"]
        if page.exists() and 'name="citation_keywords"' in page.read_text(encoding="utf-8"):
            keys.append("/Keywords")
        for key in keys:
            expect(f"info {key[1:]}", bool(str(info.get(key, ""))), f"document info {key} is missing")
        expect("title agrees", str(info.get("/Title", "")) == str(meta.get("dc:title", "")),
               "document info /Title and XMP dc:title differ")
        for problem in font_problems(pdf) or [None]:
            results.append(("fonts embedded", problem))

        elements = list(struct_elements(tree)) if tree is not None else []
        levels = [int(str(e["/S"])[2:]) for e in elements if re.fullmatch(r"/H[1-6]", str(e["/S"]))]
        expect("first heading is H1", bool(levels) and levels[0] == 1, f"headings start with H{levels[0] if levels else '-'}")
        expect("one H1", levels.count(1) == 1, f"{levels.count(1)} H1 headings; the title should be the only one")
        skips = [f"H{a}→H{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
        expect("no skipped heading levels", not skips, "skipped heading levels: " + ", ".join(skips))
        figures = [e for e in elements if str(e["/S"]) == "/Figure"]
        expect("figures have alt text", all(e.get("/Alt") or e.get("/ActualText") for e in figures),
               "a /Figure has no /Alt")

        tagged_annotations = set()
        for element in elements:
            kids = element.get("/K")
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                if isinstance(kid, pikepdf.Dictionary) and str(kid.get("/Type")) == "/OBJR" and "/Obj" in kid:
                    tagged_annotations.add(kid["/Obj"].objgen)
        for number, page in enumerate(pdf.pages, start=1):
            links = [a for a in page.obj.get("/Annots", []) if str(a.get("/Subtype")) == "/Link"]
            if not links:
                continue
            expect(f"page {number} tab order", str(page.obj.get("/Tabs")) == "/S", f"page {number} has links but no /Tabs /S")
            untagged = [a for a in links if "/StructParent" not in a or a.objgen not in tagged_annotations]
            expect(f"page {number} links tagged", not untagged, f"page {number}: {len(untagged)} link annotation(s) not tagged as /Link")
    return results, skipped


def language_of(pdf_path):
    page = pdf_path.parent / "index.html"
    match = re.search(r'<html lang="([^"]+)"', page.read_text(encoding="utf-8")) if page.exists() else None
    return match.group(1) if match else ""


def main(folders):
    passed = failed = 0
    pdfs = sorted(p for folder in folders for p in pathlib.Path(folder).glob("briefs/*/*.pdf"))
    if not pdfs:
        print("no PDFs found in " + ", ".join(folders))
        print("0 passed, 1 failed")
        return 1
    for pdf_path in pdfs:
        results, skipped = check(pdf_path, language_of(pdf_path))
        problems = [(name, problem) for name, problem in results if problem]
        status = "ok  " if not problems else "FAIL"
        print(f"{status} {pdf_path} ({len(results)} checks" + (f"; pdfua skipped {', '.join(skipped)}" if skipped else "") + ")")
        for name, problem in problems:
            print(f"       {name}: {problem}")
        passed += len(results) - len(problems)
        failed += len(problems)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["output"]))
