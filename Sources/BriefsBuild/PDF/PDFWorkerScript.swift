/// The Python side of a PDF worker: imports WeasyPrint once (about a second of start-up), then
/// renders one PDF per JSON request line on stdin and answers with one JSON line on stdout.
/// Kept in Swift so the binary needs no extra file to find at run time.
enum PDFWorkerScript {
    static let source = #"""
import json, os, sys, time
try:
    import weasyprint
except Exception as error:
    sys.stdout.write(json.dumps({"ready": False, "error": "%s: %s" % (type(error).__name__, error)}) + "\n")
    sys.stdout.flush()
    sys.exit(3)
sys.stdout.write(json.dumps({"ready": True, "version": weasyprint.__version__}) + "\n")
sys.stdout.flush()
for line in sys.stdin:
    request = json.loads(line)
    started = time.monotonic()
    partial = request["output"] + ".part"
    try:
        document = weasyprint.HTML(string=request["html"], base_url=request["base_url"])
        document.write_pdf(partial, pdf_variant="pdf/ua-1", pdf_identifier=request["id"].encode("ascii"))
        os.replace(partial, request["output"])
        answer = {"ok": True, "seconds": time.monotonic() - started}
    except Exception as error:
        answer = {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
"""#
}
