"""The source registry: one YAML file per source in scrapers/sources/.

A source names its site, issuer, level and region, its real list-page URLs, and how to read
its pages (CSS selectors), or an adapter class for a site with real quirks. Adding a
department is writing one YAML file (and saving a few of its pages for its test).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from greenmfg.files import read_yaml
from greenmfg.settings import setting
from greenmfg.vocabulary import LEVEL_CODES

SOURCES_DIR = Path(__file__).with_name("sources")
LEVELS = LEVEL_CODES
REQUIRED = ("id", "name", "issuer", "level", "list_urls")


class RegistryError(ValueError):
    pass


@dataclass(frozen=True)
class ListSelectors:
    item: str = "li"
    link: str = "a[href]"
    date: str | None = "span"
    next: str | None = None


@dataclass(frozen=True)
class ArticleSelectors:
    title: str = "h1"
    body: str = "body"
    date: str | None = None
    attachments: str | None = None  # default: attachment-looking links in the body


@dataclass(frozen=True)
class SourceConfig:
    id: str
    name: str
    issuer: str
    level: str
    list_urls: tuple[str, ...]
    region_code: str | None = None
    adapter: str = "generic"
    base_url: str | None = None
    list: ListSelectors = field(default_factory=ListSelectors)
    article: ArticleSelectors = field(default_factory=ArticleSelectors)
    encoding: str | None = None  # a hint for sites that lie about their charset
    requests_per_second: float = 1.0
    max_list_pages: int = 20
    empty_ok: bool = False  # a source may declare that it can legitimately list nothing
    mirror_of: tuple[str, ...] = ()  # for mirror sources: the original issuers' source ids
    # attachments known to hold fewer rows than their notice states: ((url, reason), …);
    # the reconciliation gate skips them (expectations/suites/lake.list_reconciliation.json)
    partial_lists: tuple[tuple[str, str], ...] = ()
    # hosts besides its list pages' (and base_url's) that its articles and attachments may come
    # from (MIIT posts on wap.miit.gov.cn); links to any other host are skipped, not fetched
    attachment_hosts: tuple[str, ...] = ()
    path: str | None = None

    def allowed_hosts(self) -> frozenset[str]:
        """The hosts the spider may fetch from: its list pages', its base URL's, its attachment_hosts."""
        hosts = {urlsplit(url).hostname for url in (*self.list_urls, self.base_url) if url}
        return frozenset(h.lower() for h in (*hosts, *self.attachment_hosts) if h)


def parse(data: dict, path: str | None = None) -> SourceConfig:
    missing = [k for k in REQUIRED if not data.get(k)]
    if missing:
        raise RegistryError(f"{path or data.get('id')}: missing {', '.join(missing)}")
    if data["level"] not in LEVELS:
        raise RegistryError(f"{path}: level must be one of {LEVELS}, not {data['level']!r}")
    if "schedule" in data:
        raise RegistryError(f"{path}: no schedule per source: greenmfg_ingest crawls them all on GREENMFG_INGEST_CRON")
    known = set(SourceConfig.__dataclass_fields__)
    unknown = set(data) - known
    if unknown:
        raise RegistryError(f"{path}: unknown keys {sorted(unknown)}")
    values = dict(data)
    values["list_urls"] = tuple(data["list_urls"])
    values["mirror_of"] = tuple(data.get("mirror_of") or ())
    values["attachment_hosts"] = tuple(str(h).strip().lower() for h in data.get("attachment_hosts") or ())
    if any(not h or "/" in h for h in values["attachment_hosts"]):
        raise RegistryError(f"{path}: attachment_hosts are host names (wap.miit.gov.cn), not URLs")
    values["partial_lists"] = tuple((p["url"], p["reason"]) for p in data.get("partial_lists") or ())
    values["list"] = ListSelectors(**(data.get("list") or {}))
    values["article"] = ArticleSelectors(**(data.get("article") or {}))
    values["region_code"] = str(data["region_code"]) if data.get("region_code") else None
    values["path"] = path
    return SourceConfig(**values)


def source_dirs() -> list[Path]:
    """Built-in sources plus any folders in GREENMFG_SOURCES_PATH (os.pathsep separated)."""
    extra = [Path(p) for p in setting("GREENMFG_SOURCES_PATH").split(os.pathsep) if p]
    return [SOURCES_DIR, *extra]


def load_registry() -> dict[str, SourceConfig]:
    sources: dict[str, SourceConfig] = {}
    for directory in source_dirs():
        for path in sorted(directory.glob("*.yaml")):
            config = parse(read_yaml(path) or {}, str(path))
            if config.id in sources:
                raise RegistryError(f"{path}: duplicate source id {config.id!r}")
            sources[config.id] = config
    return sources


# A site the registry does not know (`greenmfg extract` without a registered URL): no level, no
# issuer's region, no selectors: every page is read by the generic article finder.
GENERIC_SOURCE = SourceConfig(
    id="generic",
    name="a site not in the registry",
    issuer="",
    level=None,
    list_urls=(),
    article=ArticleSelectors(title=None, body=None),
)


def registry() -> dict[str, SourceConfig]:
    return _registry(setting("GREENMFG_SOURCES_PATH"))


@lru_cache(maxsize=8)
def _registry(_extra_path: str) -> dict[str, SourceConfig]:
    return load_registry()


def source_config(source_id: str) -> SourceConfig:
    """The registered source, or the generic one (GENERIC_SOURCE: no level, no issuer's region,
    every page read by the generic article finder) for an id the registry does not know."""
    return registry().get(source_id) or GENERIC_SOURCE


def source_for_url(url: str | None) -> SourceConfig:
    """The source whose site serves this URL: the host of its list pages, base URL or declared
    attachment_hosts (MIIT posts on wap.miit.gov.cn), else that host without a www./wap./m.
    prefix; GENERIC_SOURCE for no URL or a host the registry does not know."""
    host = urlsplit(url).hostname if url else None
    if not host:
        return GENERIC_SOURCE
    exact, sites = _hosts(setting("GREENMFG_SOURCES_PATH"))
    return exact.get(host) or sites.get(_site(host)) or GENERIC_SOURCE


@lru_cache(maxsize=8)
def _hosts(_extra_path: str) -> tuple[dict[str, SourceConfig], dict[str, SourceConfig]]:
    exact: dict[str, SourceConfig] = {}
    for config in registry().values():
        urls_hosts = [urlsplit(url).hostname for url in (*config.list_urls, config.base_url) if url]
        for host in (*urls_hosts, *getattr(config, "attachment_hosts", ())):
            if host:
                exact.setdefault(host.lower(), config)
    sites: dict[str, SourceConfig] = {}
    for host, config in exact.items():
        sites.setdefault(_site(host), config)
    return exact, sites


def _site(host: str) -> str:
    first, _, rest = host.partition(".")
    return rest if first in ("www", "wap", "m") and rest.count(".") >= 1 else host
