"""The command's subcommands, one module each: `add` puts its options on the parser, `run`
runs it (the `COMMANDS` of `resalign.cli` lists them)."""
