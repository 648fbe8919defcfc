"""dbt parses the project once: each later build reuses the parse (the profile is the same)."""

from greenmfg import transform
from greenmfg.settings import Paths


def parse(paths: Paths, run_id: str) -> str:
    build = paths.build_db(run_id)
    build.parent.mkdir(parents=True, exist_ok=True)
    parsed = transform.dbt(paths, build, "parse")
    assert parsed.returncode == 0, parsed.stdout[-2000:]
    return parsed.stdout


def test_the_next_run_s_build_reuses_the_parse_of_the_last(tmp_path):
    paths = Paths(tmp_path / "home")
    assert "Unable to do partial parsing because saved manifest not found" in parse(paths, "first")
    again = parse(paths, "second")
    assert "Unable to do partial parsing" not in again  # e.g. "because profile has changed"


def test_a_run_id_never_names_the_failed_builds_folder_nor_a_hidden_one():
    from greenmfg.pipeline import safe_run_id

    assert safe_run_id("failed") == "run_failed" and safe_run_id("..") == "run_.."
    assert safe_run_id(".x") == "run_.x" and safe_run_id("manual__2026-12-01T22:00:00+00:00") == (
        "manual__2026-12-01T22_00_00_00_00"
    )


def test_a_parse_made_in_another_project_folder_is_not_reused(tmp_path, monkeypatch):
    """A parse names its seeds by the project's folder: after the project moves, dbt parses again
    (else `dbt build` looks for the seeds where the project was)."""
    import shutil

    first = tmp_path / "release-1"
    shutil.copytree(transform.DBT_PROJECT_DIR, first, ignore=shutil.ignore_patterns("target", "logs"))
    paths = Paths(tmp_path / "home")
    monkeypatch.setattr(transform, "DBT_PROJECT_DIR", first)
    parse(paths, "first")
    moved = first.rename(tmp_path / "release-2")
    monkeypatch.setattr(transform, "DBT_PROJECT_DIR", moved)
    assert "Unable to do partial parsing" in parse(paths, "second")
