"""Writers of a corpus run's outputs: Parquet, TMX and the lineage pages, each reading the
records `align.corpus.records` makes, a group at a time."""
