"""Full-text search over notice texts with DuckDB's fts extension (from its PyPI package).

Chinese has no spaces between words, so titles and bodies are indexed as overlapping
character bigrams (after pinyin removal and traditional → simplified), and queries are
tokenized the same way: "绿色工厂 嘉兴" finds pages containing both words. The fts
tokenizer only keeps letters, so each bigram is written as its code points in letters
(绿色 → x7eff8272 → xneffoini, digits 0-9 as g-p), and numbers the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from greenmfg import db, duckdb_ext
from greenmfg.extract.clean import clean_body
from greenmfg.extract.normalize import clean_text

CJK_RUN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+")


DIGITS_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def _code(chars: str) -> str:
    return ("x" + "".join(f"{ord(c):x}" for c in chars)).translate(DIGITS_AS_LETTERS)


def tokens(text: str) -> list[str]:
    out = []
    for run in CJK_RUN.findall(clean_text(text or "")):
        if run[0].isascii():
            out.append(run.lower().translate(DIGITS_AS_LETTERS))
        elif len(run) == 1:
            out.append(_code(run))
        else:
            out += [_code(run[i : i + 2]) for i in range(len(run) - 1)]
    return out


CREATE_SEARCH = """create table if not exists marts.announcement_search
                   (announcement_key varchar, text_hash varchar, search_text varchar)"""
SEARCH_HAS_HASH = """select count(*) from information_schema.columns
                     where table_schema = 'marts' and table_name = 'announcement_search' and column_name = 'text_hash'"""
TEXT_HASH = "md5(coalesce(t.title, '') || chr(10) || coalesce(t.body_text, ''))"
DROP_STALE = f"""delete from marts.announcement_search s where not exists (
                     select 1 from marts.announcement_texts t
                     where t.announcement_key = s.announcement_key and {TEXT_HASH} = s.text_hash)"""
PENDING = f"""select t.announcement_key, {TEXT_HASH}, t.title, t.body_text from marts.announcement_texts t
              where not exists (select 1 from marts.announcement_search s
                                where s.announcement_key = t.announcement_key and s.text_hash = {TEXT_HASH})"""
INSERT_SEARCH = "insert into marts.announcement_search select unnest(?), unnest(?), unnest(?)"  # column lists
BATCH = 2000


def build_index(build_db: Path) -> int:
    """marts.announcement_search (bigram text) and its BM25 index, inside the build file.

    A build seeded from the published file keeps the tokens of every notice whose text is
    unchanged (text_hash) and tokenizes only the new ones, streamed in batches; the BM25
    index is then rebuilt over all. Returns the number of notices indexed."""
    with db.writer(build_db) as con:
        duckdb_ext.load(con, "fts")
        if con.execute(SEARCH_HAS_HASH).fetchone()[0] == 0:
            con.execute("drop table if exists marts.announcement_search")  # a layout without text_hash
        con.execute(CREATE_SEARCH)
        con.execute(DROP_STALE)
        with con.cursor() as reader:  # a snapshot to stream from while `con` inserts
            pending = reader.execute(PENDING)
            while rows := pending.fetchmany(BATCH):
                keys, hashes, titles, bodies = zip(*rows)
                texts = [
                    " ".join(tokens(f"{title}\n{title}\n{clean_body(body or '')}"))
                    for title, body in zip(titles, bodies)
                ]
                con.execute(INSERT_SEARCH, [list(keys), list(hashes), texts])
        con.execute(
            "PRAGMA create_fts_index('marts.announcement_search', 'announcement_key', 'search_text', "
            "stemmer = 'none', stopwords = 'none', strip_accents = 0, lower = 1, overwrite = 1)"
        )
        return con.execute("select count(*) from marts.announcement_search").fetchone()[0]


def search(database: Path, query: str, limit: int = 10) -> list[tuple]:
    """The best matches: (notice date, source, title, url, score, snippet of the text around the
    query's words)."""
    terms = " ".join(tokens(query))
    if not terms:
        return []
    with db.reader(database) as con:
        duckdb_ext.load(con, "fts")
        rows = con.execute(
            """select d.notice_date, d.source_id, d.title, d.announcement_url, round(s.score, 3) as score, t.body_text
               from (select announcement_key,
                            fts_marts_announcement_search.match_bm25(announcement_key, ?, conjunctive := 1) as score
                     from marts.announcement_search) as s
               join marts.dim_announcement d using (announcement_key)
               left join marts.announcement_texts t using (announcement_key)
               where s.score is not null
               order by s.score desc limit ?""",
            [terms, limit],
        ).fetchall()
    return [(*row[:5], snippet(row[5] or "", query)) for row in rows]


SNIPPET_CONTEXT = 30  # characters shown on each side of the first word matched


def query_words(query: str) -> list[str]:
    """The query's words as the index sees them (simplified script), longest first."""
    return sorted(set(CJK_RUN.findall(clean_text(query or ""))), key=len, reverse=True)


def snippet(text: str, query: str, context: int = SNIPPET_CONTEXT) -> str:
    """The passage of a notice's text that holds most of the query's words, each marked 【like
    this】; empty when the words are in the title only."""
    words = query_words(query)
    text = " ".join(clean_text(clean_body(text)).split())
    if not words or not text:
        return ""
    pattern = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
    hits = list(pattern.finditer(text))
    if not hits:
        return ""
    best = max(hits, key=lambda hit: (_words_near(hits, hit.start(), context), -hit.start()))
    start, end = max(best.start() - context, 0), min(best.end() + context, len(text))
    marked = pattern.sub(lambda m: f"【{m.group(0)}】", text[start:end])
    return ("…" if start else "") + marked + ("…" if end < len(text) else "")


def _words_near(hits, position: int, context: int) -> int:
    """How many different words are matched within `context` characters after `position`."""
    return len({h.group(0).lower() for h in hits if position <= h.start() <= position + context})
