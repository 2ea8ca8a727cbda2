#!/usr/bin/env python3
"""WCAG 2.2 AA checks for every HTML page in the given output folders (part of `make test`).

Loads each page in headless Chromium (Debian `chromium` + `chromium-driver`, driven by
selenium), runs axe-core 4.12 (bundled in the axe-playwright-python package; injected here
through selenium, without Playwright) with the WCAG 2.0/2.1/2.2 A and AA rules, and checks what
axe cannot: no horizontal scrolling at 320 CSS px, exactly one h1, a skip link that reaches
<main>, a visible focus outline. Ends with the line 'N passed, N failed'.
"""
import http.server
import importlib.util
import pathlib
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    return (pathlib.Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def serve(folder):
    """A static server on 127.0.0.1 and a free port, like the web team's hosting."""
    handler = lambda *args, **kwargs: http.server.SimpleHTTPRequestHandler(*args, directory=str(folder), **kwargs)
    http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def check_page(driver, url, axe):
    results = []

    def expect(name, condition, problem):
        results.append((name, None if condition else problem))

    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get(url)
    driver.execute_script(axe)
    outcome = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))})).catch(e => done({error: String(e)}));",
        TAGS)
    expect("axe ran", "error" not in outcome, f"axe failed: {outcome.get('error')}")
    for violation in outcome.get("violations", []):
        results.append((f"axe {violation['id']}", f"{violation['impact']}: {violation['help']} at {', '.join(violation['nodes'])}"))
    if not outcome.get("violations"):
        results.append(("axe WCAG 2.2 A/AA", None))

    landmarks = driver.execute_script(
        "return ['main', 'header', 'nav', 'footer'].map(t => document.querySelectorAll('body > ' + t + ', body > * > ' + t).length)")
    expect("landmarks", landmarks[0] == 1 and all(count >= 1 for count in landmarks),
           f"main/header/nav/footer counts are {landmarks}; a page needs one main and a header, nav and footer")
    h1 = driver.execute_script("return document.querySelectorAll('h1').length")
    expect("one h1", h1 == 1, f"{h1} h1 elements")
    skip = driver.execute_script(
        "const a = document.querySelector('a.skip-link'); if (!a) return 'missing';"
        "const t = document.querySelector(a.getAttribute('href')); return t && t.tagName === 'MAIN' ? 'ok' : 'target';")
    expect("skip link to main", skip == "ok", f"skip link: {skip}")
    focus = driver.execute_script(
        "const a = document.querySelector('main a') || document.querySelector('a'); if (!a) return 'none'; a.focus();"
        "const s = getComputedStyle(a); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'ok' : s.outlineStyle;")
    expect("visible focus", focus in ("ok", "none"), f"focused link has outline '{focus}'")

    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": True})
    driver.get(url)
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    expect("no horizontal scroll at 320 px", overflow <= 0, f"page is {overflow}px wider than a 320px screen")
    return results


def main(folders):
    passed = failed = 0
    axe = axe_source()
    driver = browser()
    try:
        for folder in folders:
            root = pathlib.Path(folder).resolve()
            pages = sorted(p.relative_to(root) for p in root.rglob("*.html"))
            if not pages:
                print(f"no pages in {folder}")
                failed += 1
                continue
            server = serve(root)
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            try:
                for page in pages:
                    path = str(page).replace("index.html", "")
                    results = check_page(driver, base + path, axe)
                    problems = [(name, problem) for name, problem in results if problem]
                    print(("ok   " if not problems else "FAIL ") + f"{folder}/{page} ({len(results)} checks)")
                    for name, problem in problems:
                        print(f"       {name}: {problem}")
                    passed += len(results) - len(problems)
                    failed += len(problems)
            finally:
                server.shutdown()
    finally:
        driver.quit()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["output"]))
