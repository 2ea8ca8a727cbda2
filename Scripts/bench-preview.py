#!/usr/bin/env python3
"""Preview benchmark: time from saving one brief to the reload event, on a site of N briefs.

Usage: Scripts/bench-preview.py path/to/briefpress [N]. Starts `briefpress serve` on a free
port for a generated site (N copies of the example brief), listens to the event stream, saves
one brief five times (an editor's atomic save: write a temporary file, rename it), and prints
a Markdown table row with the median and the worst save-to-reload time.
"""
import http.client, os, pathlib, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/briefpress"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
repo = pathlib.Path(__file__).resolve().parent.parent
work = pathlib.Path(tempfile.mkdtemp())
try:
    briefs = work / "content" / "briefs"
    briefs.mkdir(parents=True)
    shutil.copy(repo / "content" / "site.yaml", work / "content" / "site.yaml")
    example = (repo / "content" / "briefs" / "integrationschampions.md").read_text(encoding="utf-8")
    for i in range(1, count + 1):
        text = example.replace("title: Integrationschampions", f"title: Integrationschampions {i}", 1)
        text = re.sub(r"^doi: .*$", f"doi: 10.59350/bench.{i}", text, count=1, flags=re.M)
        (briefs / f"brief-{i:05d}.md").write_text(text, encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, BRIEFPRESS_HOME=str(repo))
    started = time.monotonic()
    server = subprocess.Popen([binary, "serve", str(work), "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in server.stderr:
        if "preview at" in line:
            break
    first_build = time.monotonic() - started
    reloads = []
    event = threading.Event()

    def listen():
        connection = http.client.HTTPConnection("127.0.0.1", port)
        connection.request("GET", "/_briefpress/events")
        response = connection.getresponse()
        while True:
            line = response.fp.readline()
            if not line:
                return
            if line.startswith(b"event: reload"):
                reloads.append(time.monotonic())
                event.set()

    threading.Thread(target=listen, daemon=True).start()
    time.sleep(1.0)
    target = briefs / "brief-00001.md"
    times = []
    for round in range(5):
        event.clear()
        text = target.read_text(encoding="utf-8").replace(f"title: Integrationschampions 1", f"title: Integrationschampions 1 r{round}", 1)
        text = re.sub(r"title: Integrationschampions 1 r\d+ r", "title: Integrationschampions 1 r", text)
        temporary = briefs / ".brief-00001.md.tmp"
        temporary.write_text(text, encoding="utf-8")
        saved = time.monotonic()
        os.replace(temporary, target)
        if not event.wait(30):
            print("no reload event within 30 s")
            break
        times.append((reloads[-1] - saved) * 1000)
        time.sleep(0.5)
    server.terminate()
    try:
        server.wait(10)
        stopped = "yes"
    except subprocess.TimeoutExpired:
        server.kill()
        stopped = "no (killed)"
    print("| machine | date | briefs | first build (s) | save → reload, median (ms) | worst of 5 (ms) | clean stop on SIGTERM |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {os.cpu_count()} cores | {time.strftime('%Y-%m-%d')} | {count} | {first_build:.2f} | "
          f"{statistics.median(times):.0f} | {max(times):.0f} | {stopped} |")
finally:
    shutil.rmtree(work, ignore_errors=True)
