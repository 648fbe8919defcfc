"""One pipeline stage in a process of its own, so the harness can time it and read its peak
memory (ru_maxrss of the process and what it waited for). Prints the stage's result as JSON.

    python -m bench.stage fetch|load|extract|transform|validate|publish --run-id R [--concurrency 4]

A transform that finds nothing new prints {"nothing_new": …}: the harness then skips
validate and publish, as the pipeline does. The environment says where: GREENMFG_HOME, GREENMFG_SOURCES_PATH (the scaled corpus's
sources), GREENMFG_MIRROR_URL.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from greenmfg import pipeline
from greenmfg.settings import paths


def bench_sources() -> list[str]:
    from scrapers import registry

    return sorted(s for s in registry() if s.startswith("bench_"))


def _scrape_one(run_id: str, source_id: str) -> dict:
    from greenmfg import run_lock

    with run_lock.hold(paths(), f"bench scrape {source_id}", shared=True):  # as the DAG's mapped scrape tasks
        return pipeline.scrape_source(paths(), run_id, source_id)


def fetch(run_id: str, concurrency: int) -> dict:
    """Every bench source, `concurrency` at a time in processes of their own, as Airflow's
    mapped scrape tasks run (one source is one polite, sequential crawl)."""
    with ProcessPoolExecutor(concurrency) as pool:
        results = list(pool.map(_scrape_one, [run_id] * len(bench_sources()), bench_sources()))
    keys = ("requests", "articles", "attachments", "not_modified", "known_skipped", "failed")
    return {k: sum(r.get(k, 0) for r in results) for k in keys} | {"sources": len(results)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("stage", choices=["fetch", "load", "extract", "transform", "validate", "publish"])
    parser.add_argument("--run-id", required=True)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    if args.stage == "extract":  # its progress lines (a few per 10,000 documents): bench.pages reads them
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    started = time.perf_counter()  # the stage's own work, without Python's start-up and imports
    try:
        if args.stage == "fetch":
            result = fetch(args.run_id, args.concurrency)
        else:
            result = getattr(pipeline, args.stage)(paths(), args.run_id)
    except pipeline.NothingNew as nothing:  # the pipeline skips the rest of the run
        result = {"nothing_new": str(nothing)}
    result["work_seconds"] = round(time.perf_counter() - started, 3)
    print(json.dumps(result, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
