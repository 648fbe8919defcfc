"""The Great Expectations Data Docs, offline: their CSS, JS and fonts served from the site itself.

GX's page templates load bootstrap, jquery, bootstrap-table, font-awesome, vega … from CDNs and
its logo from S3; offline the index lists no validation and the status icons are blank. So:

- `fetch` (once, at install: `python -m greenmfg.docs_assets fetch`) downloads the pinned npm
  packages below from the npm registry, checks each tarball against its pinned integrity, and
  keeps the files the pages use in the vendor folder (`vendor_dir`: inside the virtualenv);
- `localize` (after each Data Docs build, by the gate) copies them into the site
  (static/vendor/) and rewrites every CDN link of the site's pages and styles to its local copy.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import os
import re
import shutil
import sys
import tarfile
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from greenmfg.files import write_atomic
from greenmfg.settings import setting

log = logging.getLogger(__name__)

REGISTRY = "https://registry.npmjs.org"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    integrity: str  # the registry's dist.integrity of the tarball
    files: tuple[str, ...]  # what the pages use, as paths inside the package; a trailing / takes the folder

    @property
    def folder(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def tarball_url(self) -> str:
        return f"{REGISTRY}/{self.name}/-/{self.name.split('/')[-1]}-{self.version}.tgz"


PACKAGES = (
    Package(
        "jquery",
        "3.7.1",
        "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
        ("dist/jquery.min.js",),
    ),
    Package(
        "popper.js",
        "1.12.9",
        "sha512-s0EEi9xiSCdqz9lV4IiVH5yIZnDX/U1t0tCjB+0jXx9jW8lrR7kOpVupiUg175ogqVoudpDXHF1p6dKATCHMeg==",
        ("dist/umd/popper.min.js",),
    ),
    Package(
        "bootstrap",
        "4.3.1",
        "sha512-rXqOmH1VilAt2DyPzluTi2blhk17bO7ef+zLLPlWvG494pDxcM234pJ8wTc/6R40UWizAIIMgxjvxZg5kmsbag==",
        ("dist/css/bootstrap.min.css", "dist/js/bootstrap.min.js"),
    ),
    Package(
        "bootstrap-table",
        "1.19.1",
        "sha512-WvV+l1AI/C+zThaKmfHmi/IuayVNB0qdFyEhFx1jyZhO0oLtNJNANkCR3rvJf6Dkh72dsLElxpE/bzK9seEQLA==",
        (
            "dist/bootstrap-table.min.css",
            "dist/bootstrap-table.min.js",
            "dist/extensions/filter-control/bootstrap-table-filter-control.css",
            "dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
            "dist/extensions/filter-control/bootstrap-table-filter-control.min.js",
        ),
    ),
    Package(
        "bootstrap-datepicker",
        "1.9.0",
        "sha512-9rYYbaVOheGYxjOr/+bJCmRPihfy+LkLSg4fIFMT9Od8WwWB/MB50w0JO1eBgKUMbb7PFHQD5uAfI3ArAxZRXA==",
        ("dist/css/bootstrap-datepicker.min.css", "dist/js/bootstrap-datepicker.min.js"),
    ),
    Package(
        "@forevolve/bootstrap-dark",
        "1.1.0",
        "sha512-A3ucpEpxPoTVO490lZZCfjPXxv832l7mm1IxX3bXyxvgwnPGXDLyh7dWrphXKO8YBAu3EswbBEu3VSW8NRMW3A==",
        ("dist/css/bootstrap-prefers-dark.css",),
    ),
    Package(
        "@fortawesome/fontawesome-free",
        "6.6.0",
        "sha512-60G28ke/sXdtS9KZCpZSHHkCbdsOGEhIUGlwq6yhY74UpTiToIh8np7A8yphhM4BWsvNFtIvLpi4co+h9Mr9Ow==",
        ("css/all.min.css", "webfonts/"),
    ),
    # the newest of the major versions GX asks jsdelivr for (vega@5, vega-lite@5, vega-embed@6)
    Package(
        "vega",
        "5.33.1",
        "sha512-1fArfVDUqVbb5z8n+/nVQb+VNBzx8svY6CrsyTK4Ujm4yrd9I1auoKxBAPXLCavY1LcrbHUskQbGUP8gXOzyQw==",
        ("build/vega.min.js",),
    ),
    Package(
        "vega-lite",
        "5.23.0",
        "sha512-l4J6+AWE3DIjvovEoHl2LdtCUkfm4zs8Xxx7INwZEAv+XVb6kR6vIN1gt3t2gN2gs/y4DYTs/RPoTeYAuEg6mA==",
        ("build/vega-lite.min.js",),
    ),
    Package(
        "vega-embed",
        "6.29.0",
        "sha512-PmlshTLtLFLgWtF/b23T1OwX53AugJ9RZ3qPE2c01VFAbgt3/GSNI/etzA/GzdrkceXFma+FDHNXUppKuM0U6Q==",
        ("build/vega-embed.min.js",),
    ),
)
_BY_NAME = {p.name: p for p in PACKAGES}


def _local(name: str, path: str) -> str:
    return f"{_BY_NAME[name].folder}/{path}"


# Every CDN address of GX's templates (great_expectations/render/view/templates), with its local copy
# (a path under static/vendor/); the bootstrap-table 1.19.0 stylesheet is served by 1.19.1's.
CDN_FILES = {
    "https://code.jquery.com/jquery-3.7.1.min.js": _local("jquery", "dist/jquery.min.js"),
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": _local(
        "popper.js", "dist/umd/popper.min.js"
    ),
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": _local(
        "bootstrap", "dist/css/bootstrap.min.css"
    ),
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": _local(
        "bootstrap", "dist/js/bootstrap.min.js"
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": _local(
        "bootstrap-table", "dist/bootstrap-table.min.css"
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": _local(
        "bootstrap-table", "dist/bootstrap-table.min.js"
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js": _local(
        "bootstrap-table", "dist/extensions/filter-control/bootstrap-table-filter-control.min.js"
    ),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css": _local(
        "bootstrap-table", "dist/extensions/filter-control/bootstrap-table-filter-control.css"
    ),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css": _local(
        "bootstrap-table", "dist/extensions/filter-control/bootstrap-table-filter-control.min.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css": _local(
        "bootstrap-datepicker", "dist/css/bootstrap-datepicker.min.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js": _local(
        "bootstrap-datepicker", "dist/js/bootstrap-datepicker.min.js"
    ),
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css": _local(
        "@forevolve/bootstrap-dark", "dist/css/bootstrap-prefers-dark.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": _local(
        "@fortawesome/fontawesome-free", "css/all.min.css"
    ),
    "https://cdn.jsdelivr.net/npm/vega@5": _local("vega", "build/vega.min.js"),
    "https://cdn.jsdelivr.net/npm/vega-lite@5": _local("vega-lite", "build/vega-lite.min.js"),
    "https://cdn.jsdelivr.net/npm/vega-embed@6": _local("vega-embed", "build/vega-embed.min.js"),
}
# GX's logos on S3 (with a ?d=…&dataContextId=… tail), served from the site's own static/images/
S3_IMAGES = re.compile(r"https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/([\w.-]+)(\?[^\"')\s]*)?")
LOCAL_LOGO = {"full_logo_dark.png": "logo-long.png"}  # an image GX does not ship: its nearest local logo
# a tag loading a CDN file: its integrity and crossorigin attributes go with the CDN (a file:// page
# may not load a script with crossorigin set, and the copy's integrity was checked when fetched)
TAG = re.compile(r"<(?:script|link)\b[^>]*>")
CHECK_ATTRIBUTES = re.compile(r"\s+(?:integrity|crossorigin)=\"[^\"]*\"")

VENDOR = "static/vendor"  # in the Data Docs site


class AssetsMissing(RuntimeError):
    pass


def vendor_dir() -> Path:
    """Where `fetch` keeps the packages' files: GREENMFG_DOCS_ASSETS, else inside the virtualenv."""
    configured = setting("GREENMFG_DOCS_ASSETS")
    return Path(configured) if configured else Path(sys.prefix) / "share" / "greenmfg" / "docs_assets"


def missing(source: Path | None = None) -> list[str]:
    """The vendored files absent from `source` (none: every CDN file has its copy)."""
    source = source or vendor_dir()
    wanted = {f"{p.folder}/{f}" for p in PACKAGES for f in p.files}
    return sorted(f for f in wanted if not (source / f).exists())


def verify(data: bytes, integrity: str) -> None:
    """Raise ValueError unless `data` has the (Subresource Integrity style) `integrity`."""
    algorithm, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise ValueError(f"integrity mismatch: expected {integrity}, got {algorithm}-{actual}")


def unpack(package: Package, tarball: bytes, target: Path) -> list[Path]:
    """The package's wanted files out of its npm tarball (where every path starts with package/)."""
    verify(tarball, package.integrity)
    written = []
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            inner = member.name.split("/", 1)[-1]
            if not member.isfile() or not any(
                inner == f or (f.endswith("/") and inner.startswith(f)) for f in package.files
            ):
                continue
            path = target / package.folder / inner
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(archive.extractfile(member).read())
            written.append(path)
    return written


def download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def fetch(target: Path | None = None, get=download) -> list[str]:
    """Download and unpack the packages not already in `target`; returns their folders. Unpacked
    into a temporary folder first, so a failure leaves no half package."""
    target = target or vendor_dir()
    fetched = []
    for package in PACKAGES:
        if not missing_from(package, target):
            continue
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target) as work:
            unpack(package, get(package.tarball_url), Path(work))
            _install(Path(work) / package.folder, target / package.folder)
        fetched.append(package.folder)
    return fetched


def _install(folder: Path, final: Path) -> None:
    """`folder` copied to `final` whole, in place of what was there: a crash leaves the old
    folder or the new one (or none), never part of one."""
    final.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=final.parent, prefix=".copy-") as work:
        shutil.copytree(folder, Path(work) / "copy")
        if final.exists():
            shutil.rmtree(final)
        os.replace(Path(work) / "copy", final)


def missing_from(package: Package, target: Path) -> bool:
    folder = target / package.folder
    return not all((folder / f).is_dir() if f.endswith("/") else (folder / f).is_file() for f in package.files)


def localize(site: Path, source: Path | None = None) -> int:
    """Copy the vendored files into the Data Docs `site` and point every page and stylesheet of
    it at them; returns how many files were rewritten. Only what changed since the last pass is
    read (GX adds pages at each run and rewrites the index). AssetsMissing when `fetch` never ran."""
    source = source or vendor_dir()
    if absent := missing(source):
        raise AssetsMissing(
            f"{len(absent)} Data Docs assets are not vendored in {source} "
            f"(run: python -m greenmfg.docs_assets fetch), e.g. {absent[0]}"
        )
    vendor = site / VENDOR
    for package in PACKAGES:
        if missing_from(package, vendor):
            _install(source / package.folder, vendor / package.folder)
    stamp, started = vendor / ".localized", time.time()
    since = stamp.stat().st_mtime - 1 if stamp.exists() else 0.0  # (1 s: a file system's coarse mtimes)
    rewritten = 0
    for path in sorted(site.rglob("*")):
        if (
            path.suffix in (".html", ".css")
            and path.is_file()
            and vendor not in path.parents
            and path.stat().st_mtime >= since
        ):
            text = path.read_text(encoding="utf-8")
            local = local_links(text, site, path.parent)
            if local != text:
                write_atomic(path, local)
                rewritten += 1
    stamp.touch()
    os.utime(stamp, (started, started))  # pages GX writes from now on are newer
    return rewritten


def local_links(text: str, site: Path, folder: Path) -> str:
    """`text` (a page or stylesheet in `folder` of the site) with each CDN address replaced by
    the relative path of its copy in the site."""

    def relative(target: str) -> str:
        return Path(os.path.relpath(site / target, folder)).as_posix()

    def tag(match: re.Match) -> str:
        html = match.group(0)
        if not any(url in html for url in CDN_FILES):
            return html
        for url, target in CDN_FILES.items():
            html = html.replace(f'"{url}"', f'"{relative(f"{VENDOR}/{target}")}"')
        return CHECK_ATTRIBUTES.sub("", html)

    text = TAG.sub(tag, text)
    for url, target in CDN_FILES.items():  # anywhere else (an @import, a script's string)
        text = text.replace(url, relative(f"{VENDOR}/{target}"))
    return S3_IMAGES.sub(lambda m: relative(f"static/images/{LOCAL_LOGO.get(m.group(1), m.group(1))}"), text)


def main(argv: list[str]) -> int:
    if argv != ["fetch"]:
        print(
            "usage: python -m greenmfg.docs_assets fetch   (the Data Docs' CSS, JS and fonts, from the npm registry)",
            file=sys.stderr,
        )
        return 2
    try:
        fetched = fetch()
    except (OSError, ValueError, tarfile.TarError) as exc:
        print(f"docs_assets: cannot vendor the Data Docs assets: {exc}", file=sys.stderr)
        return 1
    print(f"Data Docs assets in {vendor_dir()}: " + (f"fetched {', '.join(fetched)}" if fetched else "all present"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
