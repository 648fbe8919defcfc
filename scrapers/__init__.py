"""One spider per source, on a shared base (scrapers.base.Spider).

Sources are declared in scrapers/sources/<id>.yaml (see scrapers/registry.py). Most use the
configurable spider; a site with real quirks names an adapter class from ADAPTERS. Reading the
registry imports no spider: they are imported when one is asked for.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from scrapers.registry import GENERIC_SOURCE, SourceConfig, registry, source_config, source_for_url

__all__ = [
    "ADAPTERS",
    "GENERIC_SOURCE",
    "get_spider",
    "registry",
    "source_config",
    "source_for_url",
    "spider_for",
    "spider_of",
]

ADAPTERS: dict[str, str] = {  # adapter name → its spider class
    "generic": "scrapers.generic:ConfiguredSpider",
    "jcms_cdata": "scrapers.generic:JcmsCdataSpider",
    "miit": "scrapers.miit:MiitSpider",
}


def spider_for(config: SourceConfig):
    """A new spider (scrapers.base.Spider) for the source."""
    try:
        module, _, name = ADAPTERS[config.adapter].partition(":")
    except KeyError:
        raise KeyError(f"{config.id}: unknown adapter {config.adapter!r}; known: {sorted(ADAPTERS)}") from None
    return getattr(import_module(module), name)(config)


def get_spider(source_id: str):
    sources = registry()
    if source_id not in sources:
        raise KeyError(f"unknown source {source_id!r}; known: {sorted(sources)}")
    return _spider(sources[source_id])


@lru_cache(maxsize=1024)  # one per source's configuration: extraction asks for it once per page
def _spider(config: SourceConfig):
    return spider_for(config)


def spider_of(config: SourceConfig):
    """The source's spider, made once per configuration."""
    return _spider(config)
