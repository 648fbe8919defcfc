"""Immutable raw landing zone.

Every fetched body is stored once under its sha256 (content-addressed, never rewritten).
Every fetch gets a manifest row, partitioned by source and run:
    raw/manifests/source=<id>/run=<run_id>/manifest.jsonl
A manifest is written as `manifest.jsonl.part` and renamed when the scrape of that source
finishes, so loaders only ever see complete manifests.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from greenmfg.files import fsync_dir


@dataclass
class FetchRecord:
    url: str
    source_id: str
    run_id: str
    kind: str  # list | article | attachment
    fetched_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    http_status: int | None = None
    content_type: str | None = None
    sha256: str | None = None
    bytes: int | None = None
    parent_url: str | None = None
    link_text: str | None = None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class RawStore:
    def __init__(self, raw_dir: Path):
        self.objects = raw_dir / "objects"
        self.manifests = raw_dir / "manifests"
        self._objects = str(self.objects)  # read() joins strings: pathlib cost more than the read itself

    def object_path(self, sha256: str) -> Path:
        return self.objects / sha256[:2] / sha256

    def put(self, body: bytes) -> str:
        """Store a body; returns its sha256. An existing object is never rewritten."""
        digest = hashlib.sha256(body).hexdigest()
        target = self.object_path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o444)
        os.replace(tmp, target)
        return digest

    def read(self, sha256: str) -> bytes:
        # os-level reads: a buffered file object costs more system calls than a notice page's read
        fd = os.open(os.path.join(self._objects, sha256[:2], sha256), os.O_RDONLY)
        try:
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            os.close(fd)

    def manifest_dir(self, source_id: str, run_id: str) -> Path:
        return self.manifests / f"source={source_id}" / f"run={run_id}"

    def open_manifest(self, source_id: str, run_id: str) -> ManifestWriter:
        """A new manifest; a retried run gets run=<run_id>-2, -3 … beside the committed one."""
        directory, attempt = self.manifest_dir(source_id, run_id), 1
        while (directory / "manifest.jsonl").exists():
            attempt += 1
            directory = self.manifest_dir(source_id, f"{run_id}-{attempt}")
        return ManifestWriter(directory)

    def complete_manifests(self, source_id: str = "*") -> list[Path]:
        return sorted(self.manifests.glob(f"source={source_id}/run=*/manifest.jsonl"))

    def source_records(self, source_id: str) -> list[dict]:
        """Every committed fetch record of one source, oldest manifest first."""
        paths = sorted(self.complete_manifests(source_id), key=lambda p: p.stat().st_mtime)
        return [record for path in paths for record in read_manifest(path)]


class ManifestWriter:
    """Appends fetch records; `commit()` makes the manifest visible to loaders."""

    def __init__(self, directory: Path):
        directory.mkdir(parents=True, exist_ok=True)
        self.final = directory / "manifest.jsonl"
        if self.final.exists():
            raise FileExistsError(f"manifest already committed: {self.final}")
        self.part = directory / "manifest.jsonl.part"
        self._fh = open(self.part, "w", encoding="utf-8")

    def write(self, record: FetchRecord) -> None:
        self._fh.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")
        self._fh.flush()

    def commit(self) -> Path:
        """The part file, on disk, renamed to the manifest (a crash leaves the part or the whole)."""
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self.part, self.final)
        fsync_dir(self.final.parent)
        return self.final

    def abort(self) -> None:
        self._fh.close()


def read_manifest(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
