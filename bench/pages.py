"""Page extraction alone against its lxml baseline, at a scale: the full run's fetch and load,
then the extract stage's pages phase (attachments are not waited for), and the bare lxml
parse of the same fetched notice pages, timed in the same run.

    python -m bench.pages --notices 100000

The full harness (bench.run) measures every stage and the refreshes; this one answers the
page-extraction ratio in a fraction of its time.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time

from bench.run import OUT, baseline, bench_env, generate, mirror, timed

PAGES_DONE = re.compile(r"\[extract\] (\d+)/(\d+) pages")
PAGES_PENDING = re.compile(r"\[extract\] (\d+) pages pending")


def pages_phase(env: dict, run_id: str) -> dict:
    """Run the extract stage and stop it once every page is read; the phase's wall time from its
    pending line to its last page line, as the stage's own `seconds.pages` counts it."""
    command = [sys.executable, "-m", "bench.stage", "extract", "--run-id", run_id]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    started = done = None
    for line in process.stderr:
        if PAGES_PENDING.search(line):
            started = time.perf_counter()
        elif (match := PAGES_DONE.search(line)) and match.group(1) == match.group(2):
            done = time.perf_counter()
            break
    process.terminate()
    process.wait()
    if started is None or done is None:
        raise RuntimeError("the extract stage ended before its pages phase did")
    return {"seconds": round(done - started, 2), "pages": int(match.group(2))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=100000)
    parser.add_argument("--rows", type=int, default=10)
    parser.add_argument("--sources", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    corpus, home = OUT / f"corpus-{args.notices}", OUT / f"home-pages-{args.notices}"
    subprocess.run(["rm", "-rf", str(home)], check=True)
    env = bench_env(corpus, home)
    if not (corpus / "corpus.json").exists():
        generate(corpus, args.sources, args.notices, args.rows, env)
    server, env["GREENMFG_MIRROR_URL"] = mirror(corpus, env)
    try:
        fetch = timed(
            [sys.executable, "-m", "bench.stage", "fetch", "--run-id", "pages", "--concurrency", str(args.concurrency)],
            env,
        )
        load = timed([sys.executable, "-m", "bench.stage", "load", "--run-id", "pages"], env)
    finally:
        server.terminate()
    lxml = baseline("lxml", env, home=home)
    pages = pages_phase(env, "pages")
    result = {
        "notices": args.notices,
        "fetch_seconds": fetch["seconds"],
        "load_seconds": load["seconds"],
        "pages": pages,
        "lxml": lxml,
        "extract_pages_vs_lxml": round(pages["seconds"] / lxml["seconds"], 2),
    }
    (OUT / f"pages-{args.notices}.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
