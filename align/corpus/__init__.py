"""A collection at once: read every document, group them (language sets, series,
adoptions), align every group and write a parallel corpus and the series' lineages.

`inputs` (what a run is given) → `tasks` on an `engines` engine (read, then align, in
workers) → `catalog` and `groups` (in the client, from small records) → `records` (what
each group makes) → `assemble` (the outputs, in a fixed order). `pipeline` runs it.
"""
