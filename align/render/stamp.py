"""What every written file says about its making: when (`SOURCE_DATE_EPOCH` fixes it,
for reproducible output) and by which version of resalign."""

from __future__ import annotations

import os
import time


def moment() -> time.struct_time:
    """Now in UTC, or the moment SOURCE_DATE_EPOCH names when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()


def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("resalign")
    except PackageNotFoundError:
        return "0+unknown"
