"""One spider per source, on a shared base (scrapers.base.Spider).

Sources are declared in scrapers/sources/<id>.yaml (see scrapers/registry.py). Most use the
configurable spider; a site with real quirks names an adapter class from ADAPTERS.
"""

from __future__ import annotations

import os
from functools import lru_cache
from urllib.parse import urlsplit

from scrapers.base import Spider
from scrapers.generic import GENERIC_SOURCE, ConfiguredSpider, JcmsCdataSpider
from scrapers.miit import MiitSpider
from scrapers.registry import SourceConfig, load_registry

ADAPTERS: dict[str, type[Spider]] = {
    "generic": ConfiguredSpider,
    "jcms_cdata": JcmsCdataSpider,
    "miit": MiitSpider,
}


def registry() -> dict[str, SourceConfig]:
    return _registry(os.environ.get("GREENMFG_SOURCES_PATH", ""))


@lru_cache(maxsize=8)
def _registry(_extra_path: str) -> dict[str, SourceConfig]:
    return load_registry()


def spider_for(config: SourceConfig) -> Spider:
    try:
        return ADAPTERS[config.adapter](config)
    except KeyError:
        raise KeyError(f"{config.id}: unknown adapter {config.adapter!r}; known: {sorted(ADAPTERS)}") from None


def get_spider(source_id: str) -> Spider:
    sources = registry()
    if source_id not in sources:
        raise KeyError(f"unknown source {source_id!r}; known: {sorted(sources)}")
    return _spider(sources[source_id])


@lru_cache(maxsize=1024)  # one per source's configuration: extraction asks for it once per page
def _spider(config: SourceConfig) -> Spider:
    return spider_for(config)


def source_config(source_id: str) -> SourceConfig:
    """The registered source, or the generic one (GENERIC_SOURCE: no level, no issuer's region,
    every page read by the generic article finder) for an id the registry does not know."""
    return registry().get(source_id) or GENERIC_SOURCE


def spider_of(config: SourceConfig) -> Spider:
    """The source's spider, made once per configuration."""
    return _spider(config)


def source_for_url(url: str | None) -> SourceConfig:
    """The source whose site serves this URL: the host of its list pages, base URL or declared
    attachment_hosts (MIIT posts on wap.miit.gov.cn), else that host without a www./wap./m.
    prefix; GENERIC_SOURCE for no URL or a host the registry does not know."""
    host = urlsplit(url).hostname if url else None
    if not host:
        return GENERIC_SOURCE
    exact, sites = _hosts(os.environ.get("GREENMFG_SOURCES_PATH", ""))
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
