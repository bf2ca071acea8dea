"""resalign's tests (a package: a dependency's wheel installs a top-level `tests` package of its
own, fast-diff-match-patch 2.1, which would otherwise be found first)."""
