/// The Python side of a PDF worker: imports WeasyPrint once (about a second of start-up), then
/// renders one PDF per JSON request line on stdin and answers with one JSON line on stdout.
/// Kept in Swift so the binary needs no extra file to find at run time.
///
/// After WeasyPrint, pikepdf finishes the file: table header cells get an explicit `/Scope`
/// (column headers in `<thead>`, row headers elsewhere), because WeasyPrint links data cells to
/// headers with `/Headers` only and PDF/UA checkers look for the scope on the header cell; and
/// the XMP metadata gets `dc:language`, which WeasyPrint writes only into the catalog's `/Lang`.
enum PDFWorkerScript {
    static let source = #"""
import json, os, sys, time
try:
    import pikepdf
except Exception:
    pikepdf = None

def finish_pdf(path):
    if pikepdf is None:
        return
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        add_table_scopes(pdf)
        language = str(pdf.Root.get("/Lang", ""))
        if language:
            with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as metadata:
                metadata["dc:language"] = [language]
        pdf.save(path, deterministic_id=True)

def add_table_scopes(pdf):
    tree = pdf.Root.get("/StructTreeRoot")
    stack = [(tree, False)] if tree is not None else []
    while stack:
        node, in_head = stack.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        kind = str(node.get("/S", ""))
        if kind == "/TH":
            attributes = node.get("/A")
            if attributes is None:
                attributes = pikepdf.Dictionary(O=pikepdf.Name.Table)
                node.A = attributes
            if isinstance(attributes, pikepdf.Dictionary) and "/Scope" not in attributes:
                attributes.Scope = pikepdf.Name.Column if in_head else pikepdf.Name.Row
        kids = node.get("/K")
        children = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        stack.extend((child, in_head or kind == "/THead") for child in children if child is not None)

try:
    import weasyprint
except Exception as error:
    sys.stdout.write(json.dumps({"ready": False, "error": "%s: %s" % (type(error).__name__, error)}) + "\n")
    sys.stdout.flush()
    sys.exit(3)
# One font configuration and image cache for every document of this worker: loading the
# theme's fonts is most of the cost of a PDF (0.7 s instead of 0.26 s per brief without reuse).
from weasyprint.text.fonts import FontConfiguration
fonts = FontConfiguration()
images = {}
sys.stdout.write(json.dumps({"ready": True, "version": weasyprint.__version__}) + "\n")
sys.stdout.flush()
for line in sys.stdin:
    request = json.loads(line)
    started = time.monotonic()
    partial = request["output"] + ".part"
    try:
        document = weasyprint.HTML(string=request["html"], base_url=request["base_url"])
        document.write_pdf(partial, pdf_variant="pdf/ua-1", pdf_identifier=request["id"].encode("ascii"),
                           font_config=fonts, cache=images)
        finish_pdf(partial)
        os.replace(partial, request["output"])
        answer = {"ok": True, "seconds": time.monotonic() - started}
    except Exception as error:
        answer = {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
"""#
}
