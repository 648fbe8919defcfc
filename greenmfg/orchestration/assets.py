"""The assets the DAGs hand off through."""

from airflow.sdk import Asset, AssetAlias

RAW_LANDED = Asset("greenmfg://raw/manifests")  # an ingest run has landed (transform's trigger)
SOURCES_LANDED = AssetAlias("greenmfg_raw_sources")  # one asset per source, greenmfg://raw/<source_id>
WAREHOUSE = Asset("greenmfg://warehouse/published")  # a new warehouse was published


def source_asset(source_id: str) -> Asset:
    return Asset(f"greenmfg://raw/{source_id}")
