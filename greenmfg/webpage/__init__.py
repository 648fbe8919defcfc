"""Web pages as the scrapers and extraction both read them: bytes to text (encoding.py) and HTML
to trees, selectors, text and the generic article finder (html.py). Depends on nothing else
of the project."""
