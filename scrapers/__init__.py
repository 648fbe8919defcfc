"""One spider per source, on a shared base (scrapers.base.Spider).

Sources are declared in scrapers/sources/<id>.yaml (see scrapers/registry.py). Most use the
configurable spider; a site with real quirks names an adapter class from ADAPTERS.
"""

from __future__ import annotations

import os
from functools import lru_cache

from scrapers.base import Spider
from scrapers.generic import ConfiguredSpider, JcmsCdataSpider
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
