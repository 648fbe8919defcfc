"""Extraction: bytes of pages and attachments → text, tables, rows, facts."""
