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
