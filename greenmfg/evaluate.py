"""Precision and recall of the text extractors against the labelled set (tests/eval/labels.yaml),
reported apart for the tuned part and the development holdout (tests/eval/holdout.txt), on the
real field pages (tests/eval/field/: a development half and a check half) and on the invented
whole articles (tests/eval/invented/: a development half and a check half each).

Matching is by set per document: counts on (designation type, value); targets on
(designation type, value, unit for percentages, target year, region); names on
(designation type, normalized name). Numeric targets that are neither a designation nor a
percentage (e.g. 技改项目300个) are not labelled and not scored.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field
from pathlib import Path

from greenmfg.extract.document import records
from greenmfg.extract.normalize import match_key
from greenmfg.extract.records import Document, document_rows
from greenmfg.files import read_yaml
from greenmfg.settings import CORPUS_DIR, PROJECT_ROOT
from scrapers import source_for_url

EVAL_DIR = PROJECT_ROOT / "tests" / "eval"
LABELS = EVAL_DIR / "labels.yaml"
HOLDOUT = EVAL_DIR / "holdout.txt"
INVENTED = EVAL_DIR / "invented"
FIELD = EVAL_DIR / "field"  # real pages gathered after the rules (its README says when and how)
# Invented articles by the round that wrote them (numbers from, to): a fresh set is written after
# the rules it measures, so its figures say how they generalize before any rule is written on it.
INVENTED_SETS = {
    "invented": (501, 800),
    "fresh": (801, 900),
    "fresh2": (901, 1000),
    "fresh3": (1001, 1100),
    "fresh4": (1101, 1200),
    "fresh5": (1201, 1300),
    "fresh6": (1301, 1400),
    "fresh7": (1401, 1500),
    "fresh8": (1501, 1600),
    "fresh9": (1601, 1700),
    "fresh10": (1701, 1800),
    "fresh11": (1801, 1900),
}
# Real field pages by the round that gathered them (numbers from, to)
FIELD_SETS = {"field": (1, 199), "field2": (201, 399), "field3": (401, 599), "field4": (601, 799)}
HALVES = ("dev", "check")
PARTS = (
    "tuned",
    "holdout",
    *(f"{name}_{half}" for name in FIELD_SETS for half in HALVES),
    *(f"{name}_{half}" for name in INVENTED_SETS for half in HALVES),
)
# check halves read to write rules since (their README says when): development halves from then on
SPENT = (
    "fresh7_check",
    "fresh10_check",
    "field2_check",
    "fresh9_check",
    "fresh_check",
    "fresh2_check",
    "fresh5_check",
    "fresh6_check",
    "field_check",
    "field3_check",
)
SHOWN = (
    "tuned",
    *(f"{name}_dev" for name in (*FIELD_SETS, *INVENTED_SETS)),
    *SPENT,
)  # the parts whose misses --details lists


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    labelled: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.labelled if self.labelled else 1.0

    def add(self, doc: str, predicted: set, labelled: set) -> None:
        self.true_positives += len(predicted & labelled)
        self.predicted += len(predicted)
        self.labelled += len(labelled)
        self.misses += [(doc, x) for x in labelled - predicted]
        self.extras += [(doc, x) for x in predicted - labelled]


def document_path(ref: str) -> Path:
    """seed:000 → reference/seeds/000_*.txt; p2:206 → reference/pages2/206_*.txt; 034 → reference/pages/034_*.txt;
    inv:501 → tests/eval/invented/docs/501_*.txt; fld:001 → tests/eval/field/docs/001_*.txt."""
    folder, _, stem = ref.rpartition(":")
    if labelled_set := {"inv": INVENTED, "fld": FIELD}.get(folder):
        return next((labelled_set / "docs").glob(f"{stem}_*.txt"))
    folder = {"": "pages", "p2": "pages2", "seed": "seeds"}[folder]
    return next((CORPUS_DIR / "reference" / folder).glob(f"{stem}_*.txt"))


def document_text(ref: str) -> str:
    text = document_path(ref).read_text(encoding="utf-8")
    if ref.startswith("seed:"):
        return text
    return "\n".join(text.splitlines()[3:])  # lines 1-3: URL, description, provenance note


def holdout_ids(path: Path = HOLDOUT) -> frozenset[str]:
    """The development holdout: documents no rule is written or tuned against."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _target_key(dtype, value, unit, year, region):
    return (dtype, float(value), unit if unit == "%" else None, year, region)


def labelled_documents(labels_path: Path = LABELS) -> list[dict]:
    return read_yaml(labels_path)


def evaluate_parts(labels_path: Path = LABELS, holdout_path: Path = HOLDOUT) -> dict[str, dict[str, Score]]:
    """Scores of the tuned part and of the development holdout, apart."""
    holdout = holdout_ids(holdout_path)
    docs = labelled_documents(labels_path)
    invented = labelled_documents(INVENTED / "labels.yaml")
    parts = {
        "tuned": evaluate([d for d in docs if str(d["doc"]) not in holdout]),
        "holdout": evaluate([d for d in docs if str(d["doc"]) in holdout]),
    }
    field = field_documents()
    for name, (first, last) in FIELD_SETS.items():
        parts |= _halves(name, [d for d in field if first <= int(d["doc"][4:]) <= last])
    for name, (first, last) in INVENTED_SETS.items():
        parts |= _halves(name, [d for d in invented if first <= int(d["doc"][4:]) <= last])
    return parts


def field_documents() -> list[dict]:
    """The real field pages' labels (tests/eval/field/labels*.yaml), none where the set is absent."""
    return [doc for path in sorted(FIELD.glob("labels*.yaml")) for doc in labelled_documents(path) or []]


def _halves(name: str, docs: list[dict]) -> dict[str, dict[str, Score]]:
    """The development half (even numbers: rules are written against it) and the check half (odd)."""
    return {
        f"{name}_dev": evaluate([d for d in docs if int(d["doc"][4:]) % 2 == 0]),
        f"{name}_check": evaluate([d for d in docs if int(d["doc"][4:]) % 2 == 1]),
    }


def evaluate(docs: list[dict] | None = None) -> dict[str, Score]:
    scores = {"reported_count": Score(), "policy_target": Score(), "designation": Score()}
    for doc in labelled_documents() if docs is None else docs:
        records = assembled_records(str(doc["doc"]), doc.get("year"))
        counts = {
            (r["designation_type"], float(r["value"]))
            for r in records
            if r["record_type"] == "reported_count" and r["designation_type"] and r["indicator"] != "renamed"
        }
        targets = {
            _target_key(r["designation_type"], r["value"], r["unit"], r["target_year"], r["region_name"])
            for r in records
            if r["record_type"] == "policy_target" and (r["designation_type"] or r["unit"] == "%")
        }
        names = {
            (r["designation_type"], match_key(r["entity_name"]))
            for r in records
            if r["record_type"] == "designation" and r["entity_name"]
        }
        scores["reported_count"].add(doc["doc"], counts, {(t, float(v)) for t, v in doc.get("counts", [])})
        scores["policy_target"].add(doc["doc"], targets, {_target_key(*t) for t in doc.get("targets", [])})
        if "names" in doc:
            scores["designation"].add(doc["doc"], names, {(t, match_key(n)) for t, n in doc["names"]})
    return scores


def assembled_records(ref: str, year: int | None) -> list[dict]:
    """A labelled text as a user's new source would reach the warehouse: a plain HTML article
    (its URL, its title, its date) read by the pipeline's one assembly, the records that
    `greenmfg extract` prints."""
    lines = document_path(ref).read_text(encoding="utf-8").splitlines()
    url, title, body = (None, "", lines) if ref.startswith("seed:") else (lines[0].strip(), lines[1], lines[3:])
    page = article_html(title, body, year)
    source = source_for_url(url)
    document = Document(
        "article",
        source.id,
        url or f"file:///reference/{ref}",
        hashlib.sha256(page).hexdigest(),
        content_type="text/html; charset=utf-8",
    )
    return records(document_rows(document, page), document, source)


def article_html(title: str, lines: list[str], year: int | None) -> bytes:
    """A plain article page: the title in <title> and <h1>, the date, a paragraph per line."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    date = f'<meta name="PubDate" content="{year}-06-30">' if year else ""
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>{date}</head>'
        f'<body><div class="nav"><a href="/">首页</a></div><h1>{html.escape(title)}</h1>'
        f'<div class="article">{paragraphs}</div></body></html>'
    ).encode()


def report_parts(parts: dict[str, dict[str, Score]], verbose: bool = False) -> str:
    """Every part; misses and extras are listed for the parts rules are written on only (the holdout
    and the check half are not to tune on)."""
    return "\n\n".join(f"{name} part\n{report(parts[name], verbose and name in SHOWN)}" for name in PARTS)


def report(scores: dict[str, Score], verbose: bool = False) -> str:
    lines = [f"{'record type':<16} {'precision':>9} {'recall':>7} {'tp':>5} {'pred':>5} {'label':>5}"]
    for name, s in scores.items():
        lines.append(
            f"{name:<16} {s.precision:>9.3f} {s.recall:>7.3f} {s.true_positives:>5} {s.predicted:>5} {s.labelled:>5}"
        )
        if verbose:
            lines += [f"    miss  {d}: {x}" for d, x in s.misses] + [f"    extra {d}: {x}" for d, x in s.extras]
    return "\n".join(lines)
