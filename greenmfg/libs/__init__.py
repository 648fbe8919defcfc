"""Adapters to the private parts of libraries the project relies on, one module per library.
Each names the version it was written against (TESTED_WITH); tests/test_library_adapters.py pins
that version and the behaviour used, so an upgrade fails there, at the adapter, not silently."""
