"""The `resalign` command: a thin front end over the `align` library."""


def package_version() -> str:
    """The installed version (read from the package metadata only when asked)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("resalign")
    except PackageNotFoundError:  # a source tree that was not installed
        return "0+unknown"
