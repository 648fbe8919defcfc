"""Green Manufacturing Warehouse: scrape, land, load, transform, gate, publish."""

__version__ = "0.1.0"
