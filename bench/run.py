"""The benchmark harness: a scaled corpus served by the mirror, every stage timed in a
process of its own with its peak memory, the baselines run on the same input in the same
run, then a no-change refresh and a 1% change refresh. Writes bench/out/results-<notices>.json.

    python -m bench.run --notices 1000            # add --rows, --sources, --concurrency
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
STAGES = ["fetch", "load", "extract", "transform", "validate", "publish"]


def timed(command: list[str], env: dict) -> dict:
    """Wall time, peak RSS (MiB, the process or its largest child) and the JSON it printed.

    Linux counts the memory of the forked copy of this process in the child's ru_maxrss, so
    the harness itself stays small: it imports nothing heavy and generates the corpus in a
    subprocess."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    out, err = process.stdout.read(), process.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command[2:])} failed:\n{err[-3000:]}")
    lines = [line for line in out.splitlines() if line.startswith("{")]
    return {
        "seconds": round(seconds, 2),
        "peak_mib": round(usage.ru_maxrss / 1024),
        **({"result": json.loads(lines[-1])} if lines else {}),
    }


def run_stages(env: dict, run_id: str, concurrency: int) -> dict:
    measured = {}
    for stage in STAGES:
        if "nothing_new" in measured.get("transform", {}).get("result", {}):
            measured[stage] = {"seconds": 0.0, "peak_mib": 0, "skipped": "nothing new"}
            continue
        command = [sys.executable, "-m", "bench.stage", stage, "--run-id", run_id, "--concurrency", str(concurrency)]
        measured[stage] = timed(command, env)
        work = measured[stage].get("result", {}).get("work_seconds", 0)
        print(
            f"  {stage:<10} {measured[stage]['seconds']:>8.1f}s (work {work:.1f}s)  "
            f"{measured[stage]['peak_mib']:>6} MiB",
            flush=True,
        )
    measured["total"] = {
        "seconds": round(sum(m["seconds"] for m in measured.values()), 2),
        "peak_mib": max(m["peak_mib"] for m in measured.values()),
    }
    return measured


def baseline(name: str, env: dict, **options) -> dict:
    command = [sys.executable, "-m", "bench.baselines", name]
    for key, value in options.items():
        command += [f"--{key}", str(value)]
    result = timed(command, env)
    return {**result["result"], "peak_mib": result["peak_mib"]}


def generate(corpus: Path, sources: int, notices: int, rows: int, env: dict) -> dict:
    return timed(
        [
            sys.executable,
            "-m",
            "bench.scale_corpus",
            "--out",
            str(corpus),
            "--sources",
            str(sources),
            "--notices",
            str(notices),
            "--rows",
            str(rows),
        ],
        env,
    )


def mirror(corpus: Path, env: dict) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "greenmfg.cli", "serve-mirror", "--root", str(corpus), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(2)
    return process, f"http://127.0.0.1:{port}"


def bench_env(corpus: Path, home: Path) -> dict:
    """The environment every stage of a bench run gets: its home, the scaled corpus's sources, no PostgreSQL."""
    return {
        **os.environ,
        "GREENMFG_HOME": str(home),
        "GREENMFG_SOURCES_PATH": str(corpus / "sources"),
        "GREENMFG_POSTGRES_DSN": "",
        "GREENMFG_REQUESTS_PER_SECOND": "0",
        "GX_ANALYTICS_ENABLED": "false",
    }


def bench(notices: int, rows: int, sources: int, concurrency: int) -> dict:
    corpus, home = OUT / f"corpus-{notices}", OUT / f"home-{notices}"
    subprocess.run(["rm", "-rf", str(home)], check=True)
    env = bench_env(corpus, home)
    made = generate(corpus, sources, notices, rows, env)
    generated = made["result"]
    print(
        f"corpus: {generated['notices']} notices, {generated['rows']} rows ({made['seconds']:.0f}s to generate)",
        flush=True,
    )
    server, env["GREENMFG_MIRROR_URL"] = mirror(corpus, env)
    try:
        print("full run", flush=True)
        results = {"corpus": generated, "concurrency": concurrency, "full": run_stages(env, "full", concurrency)}
        results["baselines"] = {  # on the corpus and manifests the full run read
            "lxml": baseline("lxml", env, home=home),
            "duckdb": baseline("duckdb", env, home=home),
            "attachments": baseline("attachments", env, home=home),
        }
        print("no-change refresh", flush=True)
        results["no_change"] = run_stages(env, "refresh0", concurrency)
        generate(corpus, sources, notices + max(notices // 100, 1), rows, env)  # 1% more notices
        print("1% change refresh", flush=True)
        results["one_percent"] = run_stages(env, "refresh1", concurrency)
        print("scrapy baseline", flush=True)  # last: the longest, and its rate does not need the refreshes
        results["baselines"]["scrapy"] = baseline(
            "scrapy", env, corpus=corpus, mirror=env["GREENMFG_MIRROR_URL"], concurrency=concurrency
        )
    finally:
        server.terminate()
    results["ratios"] = ratios(results)
    target = OUT / f"results-{notices}.json"
    target.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(results["ratios"], indent=2))
    return results


def ratios(results: dict) -> dict:
    """Each stage's own work (in-process time, as the baselines are timed) against its baseline."""
    full, base = results["full"], results["baselines"]
    extract = full["extract"]["result"]
    fetched_per_second = full["fetch"]["result"]["requests"] / full["fetch"]["seconds"]
    return {
        "extract_pages_vs_lxml": round(extract["seconds"]["pages"] / base["lxml"]["seconds"], 2),
        "extract_all_vs_lxml": round(extract["work_seconds"] / base["lxml"]["seconds"], 2),
        "extract_attachments_vs_bare": round(extract["seconds"]["attachments"] / base["attachments"]["seconds"], 2),
        "load_vs_duckdb": round(full["load"]["result"]["work_seconds"] / base["duckdb"]["seconds"], 2),
        "load_vs_duckdb_in_memory": round(
            full["load"]["result"]["work_seconds"] / base["duckdb"]["in_memory_seconds"], 2
        ),
        "fetch_pages_per_s": round(fetched_per_second, 1),
        "scrapy_pages_per_s": round(base["scrapy"]["items"] / base["scrapy"]["seconds"], 1),
        "no_change_vs_full": round(results["no_change"]["total"]["seconds"] / full["total"]["seconds"], 3),
        "one_percent_vs_full": round(results["one_percent"]["total"]["seconds"] / full["total"]["seconds"], 3),
        "peak_mib": max(r["total"]["peak_mib"] for r in (full, results["no_change"], results["one_percent"])),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=10)
    parser.add_argument("--sources", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    bench(args.notices, args.rows, args.sources, args.concurrency)


if __name__ == "__main__":
    main()
