"""The `resalign` command: a thin front end over the `align` library."""


def package_version() -> str:
    """The installed version (read from the package metadata only when asked)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("resalign")
    except PackageNotFoundError:  # a source tree that was not installed
        return "0+unknown"


def run() -> None:
    """The `resalign` command. The CLI is imported here, so that Ctrl-C while it loads ends
    the program quietly with exit code 130, as it does once the program runs."""
    import sys

    try:
        from resalign.cli import main

        code = main()
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
