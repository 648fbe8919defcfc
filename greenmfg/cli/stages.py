"""The pipeline's stages as commands: scrape, load, transform, validate, publish, and run (all).

By default scraping goes to the offline corpus: a mirror is started in-process unless
GREENMFG_MIRROR_URL points at one already; `--live` fetches the real sites."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time

from greenmfg import pipeline
from greenmfg.cli.common import NotReady, UserError, add_command, require_sources, run_id_text
from greenmfg.settings import BUILD_FILE, Paths, setting


def register(sub) -> None:
    for name, func, help, examples in (
        (
            "scrape",
            scrape,
            "fetch the sources' new notices and attachments into the raw store",
            """greenmfg scrape                         # every source, from the offline corpus
                greenmfg scrape --source miit --source zj_jxt --run-id mine
                greenmfg scrape --live --source sn_gxt  # the real site (politely)""",
        ),
        (
            "run",
            run,
            "every stage: scrape, load, transform, validate, publish; then the summary",
            """greenmfg run                            # everything, on the offline corpus
                greenmfg run --source miit --run-id first
                greenmfg run --rebuild                  # build and publish even when nothing is new
                greenmfg run --live                     # the real sites""",
        ),
    ):
        command = add_command(sub, name, func, help, examples)
        command.add_argument(
            "--source",
            action="append",
            metavar="ID",
            help="a source id from `greenmfg sources list` (repeatable); default: every source",
        )
        command.add_argument("--live", action="store_true", help="fetch the real sites instead of the offline mirror")
        command.add_argument(
            "--run-id", type=run_id_text, help="name of the run's folder under runs/ (default: the time)"
        )
    load = add_command(
        sub,
        "load",
        load_and_extract,
        "load the raw store's new fetches into the lake and extract their records",
        """greenmfg load
                          greenmfg load --run-id mine        # the result goes to runs/mine/load.json""",
    )
    transform = add_command(
        sub,
        "transform",
        transform_lake,
        "build the warehouse from the lake with dbt, into a build file of the run",
        """greenmfg transform                 # then: validate and publish with the run id it prints
                               greenmfg transform --run-id mine --rebuild""",
    )
    for command in (load, transform):
        command.add_argument(
            "--run-id", type=run_id_text, help="name of the run's folder under runs/ (default: the time)"
        )
    validate = add_command(
        sub,
        "validate",
        validate_build,
        "check a run's build with the Great Expectations gate",
        "greenmfg validate --run-id mine      # the build of `greenmfg transform --run-id mine`",
    )
    publish = add_command(
        sub,
        "publish",
        publish_build,
        "publish a run's build: swap it in as the warehouse, write Parquet and the report",
        "greenmfg publish --run-id mine       # after `greenmfg validate --run-id mine`",
    )
    for command in (validate, publish):
        command.add_argument(
            "--run-id",
            type=run_id_text,
            required=True,
            help="the run whose build (warehouse/build/RUN_ID/build.duckdb) to take",
        )
    for command in (sub.choices["run"], transform):
        command.add_argument(
            "--rebuild",
            action="store_true",
            help="build, gate and publish even when nothing is new since the published build",
        )


def mirror_unless_live(live: bool):
    """The offline corpus served in-process, unless --live or GREENMFG_MIRROR_URL names a server."""
    if live or setting("GREENMFG_MIRROR_URL"):
        return contextlib.nullcontext()
    from greenmfg.mirror.server import MirrorThread

    mirror = MirrorThread()
    os.environ["GREENMFG_MIRROR_URL"] = mirror.url
    return mirror


def _finished(args, run_id: str, result, started: float) -> int:
    print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    print(f"\n{args.command} finished in {time.monotonic() - started:.1f}s (run {run_id})", file=sys.stderr)
    return 0


def scrape(args, paths: Paths) -> int:
    require_sources(args.source)
    run_id, started = args.run_id or pipeline.new_run_id(), time.monotonic()
    with mirror_unless_live(args.live):
        result = pipeline.scrape(paths, run_id, args.source)
    return _finished(args, run_id, result, started)


def run(args, paths: Paths) -> int:
    from greenmfg.cli.summary import summary_text
    from greenmfg.scrape import SourcesFailed

    require_sources(args.source)
    run_id, started = args.run_id or pipeline.new_run_id(), time.monotonic()
    try:
        with mirror_unless_live(args.live):
            result = pipeline.run(paths, run_id, args.source, rebuild=args.rebuild)
    except SourcesFailed:  # the other sources were published: show them, then the failure's line
        if paths.published_db.exists():
            print(summary_text(paths))
        raise
    if "nothing_new" in result:
        print(f"{pipeline.NothingNew(result['nothing_new'])}\n")
    print(summary_text(paths))
    print(f"\nrun finished in {time.monotonic() - started:.1f}s (run {run_id})", file=sys.stderr)
    return 0


def load_and_extract(args, paths: Paths) -> int:
    """The lake is only useful extracted: `load` does both stages."""
    run_id, started = args.run_id or pipeline.new_run_id(), time.monotonic()
    result = {"load": pipeline.load(paths, run_id), "extract": pipeline.extract(paths, run_id)}
    return _finished(args, run_id, result, started)


def transform_lake(args, paths: Paths) -> int:
    if not paths.lake_db.exists():
        raise NotReady(
            f"nothing loaded yet under {paths.home}: `greenmfg scrape` then `greenmfg load` "
            "(or `greenmfg run` for every stage)"
        )
    run_id, started = args.run_id or pipeline.new_run_id(), time.monotonic()
    try:
        result = pipeline.transform(paths, run_id, rebuild=args.rebuild)
    except pipeline.NothingNew as nothing:
        result = {"nothing_new": str(nothing)}
    return _finished(args, run_id, result, started)


def require_build(paths: Paths, run_id: str) -> None:
    """The run has a build waiting to be validated or published; else say what there is."""
    build = paths.build_db(run_id)
    if build.exists():
        return
    if paths.failed_build(run_id).exists():
        raise UserError(
            f"the build of run {run_id!r} failed the gate (kept in {paths.build_dir / 'failed'}): "
            "`greenmfg transform` makes a new one",
            code=1,
        )
    published = paths.warehouse_dir / "published.json"
    if published.exists() and json.loads(published.read_text(encoding="utf-8")).get("run_id") == run_id:
        raise UserError(f"the build of run {run_id!r} is already published", code=1)
    waiting = sorted(p.parent.name for p in paths.build_dir.glob(f"*/{BUILD_FILE}") if p.parent.name != "failed")
    raise UserError(
        f"no build of run {run_id!r} in {paths.build_dir}: "
        + (f"builds waiting: {', '.join(waiting)}" if waiting else "`greenmfg transform` makes one")
    )


def validate_build(args, paths: Paths) -> int:
    require_build(paths, args.run_id)
    started = time.monotonic()
    return _finished(args, args.run_id, pipeline.validate(paths, args.run_id), started)


def publish_build(args, paths: Paths) -> int:
    require_build(paths, args.run_id)
    started = time.monotonic()
    return _finished(args, args.run_id, pipeline.publish(paths, args.run_id), started)
