"""`greenmfg sql` is read-only in every sense: no write, no file outside the warehouse, no extension."""

import hashlib

import duckdb
import pytest

from greenmfg.cli import main


@pytest.fixture
def published(tmp_path, monkeypatch):
    monkeypatch.setenv("GREENMFG_HOME", str(tmp_path / "home"))
    from greenmfg.settings import paths

    path = paths().published_db
    path.parent.mkdir(parents=True)
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts; create table marts.fct_designations as select range as id from range(5)")
    return path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "attack",
    [
        "attach '{db}' as w (read_write); delete from w.marts.fct_designations",
        "delete from marts.fct_designations",
        "drop table marts.fct_designations",
        "copy marts.fct_designations to '{out}'",
        "select * from read_csv('/etc/passwd')",
        "export database '{out}'",
        "install httpfs",
        "load httpfs",
        "set enable_external_access = true",
        "attach '{out}' as other",
    ],
)
def test_attacks_fail_with_one_line_and_change_nothing(published, tmp_path, capsys, attack):
    before = digest(published)
    out = tmp_path / "leak.csv"
    assert main(["sql", attack.format(db=published, out=out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("greenmfg sql:") and "Traceback" not in err
    assert digest(published) == before and not out.exists()


def test_reads_still_work(published, capsys):
    assert main(["sql", "select count(*) as n from marts.fct_designations"]) == 0
    assert "5" in capsys.readouterr().out


def test_bad_sql_is_one_line(published, capsys):
    assert main(["sql", "selec nothing"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
