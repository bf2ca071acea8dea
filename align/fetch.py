"""Official documents fetched by symbol and language from the UN's document system.

`https://documents.un.org/api/symbol/access?s=A/RES/72/195&l=es&t=pdf` answers with a
redirect to the file itself. A `Fetcher` asks for a document (a Word file first, the PDF
where there is none, unless told which), follows the redirect only to the UN's hosts over
https (or to the base it was given), retries with exponential backoff when the server or
the connection fails (never on 404), caps the size, checks by its first bytes that what
arrived is a PDF or a Word file and not an error page, and keeps it in a cache folder
written atomically, so that two processes fetching the same document never leave half a
file. The standard library's HTTP client does the talking (proxies from the usual
environment variables).
"""

from __future__ import annotations

import http.client
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from resalign.align.errors import ExitCode, OutputError, ResalignError, UsageError
from resalign.align.output import write_output

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
DEFAULT_BASE = "https://documents.un.org"
UN_HOSTS = ("un.org",)
"""Hosts (and their subdomains) a redirect may lead to: the UN's own."""
MAX_BYTES = 64 * 1024 * 1024
CHUNK = 64 * 1024
SYMBOL = re.compile(r"[A-Z]{1,4}(?:/[A-Za-z0-9.\-]+)+(?: \(\d{4}\))?")
"""`A/RES/72/195`, `A/C.3/80/L.20/Rev.1`, `A/RES/ES-11/1`, `S/RES/2231 (2015)`."""
MAGIC = {b"%PDF-": "pdf", b"PK\x03\x04": "docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "doc"}
"""What a file's first bytes say it is; a `.doc` is what older documents send for Word."""
EXTENSIONS = {"pdf": ("pdf",), "docx": ("docx", "doc")}

Progress = Callable[[int, int | None], None]
"""Told the bytes received so far and the total, when the server says it."""


class FetchError(ResalignError):
    """The document system could not give the document (exit code 4)."""

    exit_code = ExitCode.NETWORK


class NoSuchDocument(FetchError):
    """The document system has no such document in that language and format."""


@dataclass(frozen=True, slots=True)
class Request:
    """One document in one language: `A/RES/72/195` in `es`."""

    symbol: str
    language: str

    def __str__(self) -> str:
        return f"{self.symbol} [{self.language}]"

    def file_name(self, extension: str) -> str:
        """`A_RES_72_195.es.pdf`; `S_RES_2231_2015.en.docx`."""
        stem = re.sub(r"[^A-Za-z0-9.\-]+", "_", self.symbol).strip("_")
        return f"{stem}.{self.language}.{extension}"


def request(symbol: str, language: str) -> Request:
    """A checked request; UsageError (exit code 2) for a symbol or language that is not one."""
    symbol = " ".join(symbol.split())
    if not SYMBOL.fullmatch(symbol):
        raise UsageError(f"not a UN document symbol: {symbol!r} (e.g. A/RES/72/195)")
    if language not in LANGUAGES:
        raise UsageError(f"not an official language: {language!r} (use {' '.join(LANGUAGES)})")
    return Request(symbol, language)


def parse_request(text: str) -> Request | None:
    """`A/RES/72/195:es` as a Request; None when the text is no `SYMBOL:LANG` (a file name)."""
    symbol, colon, language = text.rpartition(":")
    if not colon or not SYMBOL.fullmatch(symbol) or language not in LANGUAGES:
        return None
    return Request(symbol, language)


def languages(spec: str) -> tuple[str, ...]:
    """`es,en` or `all` as language codes, in the order given."""
    if spec.strip() == "all":
        return LANGUAGES
    codes = tuple(dict.fromkeys(code.strip() for code in spec.split(",") if code.strip()))
    for code in codes:
        if code not in LANGUAGES:
            raise UsageError(f"not an official language: {code!r} (use {' '.join(LANGUAGES)})")
    if not codes:
        raise UsageError("no language given (use e.g. --lang es,en or --lang all)")
    return codes


def cache_folder() -> Path:
    """Where fetched documents are kept: `$XDG_CACHE_HOME/resalign/documents`."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "resalign" / "documents"


@dataclass(frozen=True)
class Fetcher:
    """Fetches documents into `cache`; `base` is the document system's address."""

    cache: Path = field(default_factory=cache_folder)
    base: str = DEFAULT_BASE
    timeout: float = 30.0
    """Seconds to wait for the connection and for each read."""
    retries: int = 3
    """How many times to try again after a server or connection failure."""
    backoff: float = 1.0
    """Seconds before the first retry; each next one waits twice as long."""
    max_bytes: int = MAX_BYTES
    hosts: tuple[str, ...] = UN_HOSTS
    """Hosts a redirect may lead to (with their subdomains), besides the base's own."""

    @classmethod
    def from_environment(cls, *, timeout: float = 30.0) -> Fetcher:
        """`RESALIGN_ODS_URL` for the base (tests, mirrors), `RESALIGN_ODS_HOSTS` (comma
        separated) for more hosts a redirect may lead to, `RESALIGN_FETCH_RETRIES` for how
        many times to try again (default 3)."""
        extra = tuple(h.strip() for h in os.environ.get("RESALIGN_ODS_HOSTS", "").split(",") if h)
        base = os.environ.get("RESALIGN_ODS_URL") or DEFAULT_BASE
        retries = os.environ.get("RESALIGN_FETCH_RETRIES", "")
        return cls(
            base=base.rstrip("/"),
            hosts=UN_HOSTS + extra,
            timeout=timeout,
            retries=int(retries) if retries.isdigit() else 3,
        )

    def cached(self, wanted: Request, kind: str = "auto") -> Path | None:
        """The document's file in the cache, if it is there (a Word file first for auto)."""
        for extension in (e for k in _kinds(kind) for e in EXTENSIONS[k]):
            path = self.cache / wanted.file_name(extension)
            if path.is_file() and path.stat().st_size:
                return path
        return None

    def get(
        self,
        wanted: Request,
        kind: str = "auto",
        *,
        refresh: bool = False,
        offline: bool = False,
        progress: Progress | None = None,
    ) -> Path:
        """The document's file: from the cache unless `refresh`, else fetched into it."""
        if not refresh and (path := self.cached(wanted, kind)):
            return path
        if offline:
            raise FetchError(f"{wanted} is not in the cache ({self.cache}) and --offline is set")
        *first, last = _kinds(kind)
        for each in first:  # a Word file, where there is one
            try:
                return self._store(wanted, self._download(wanted, each, progress))
            except NoSuchDocument:
                continue
        return self._store(wanted, self._download(wanted, last, progress))

    def _store(self, wanted: Request, data: bytes) -> Path:
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"{self.cache}: cannot make the cache ({error.strerror})") from None
        return write_output(self.cache / wanted.file_name(_extension(data)), data, force=True)

    def _download(self, wanted: Request, kind: str, progress: Progress | None) -> bytes:
        """The checked file, tried again after each failure worth it, waiting longer each
        time; the last failure is the error."""
        query = f"s={urllib.parse.quote(wanted.symbol, safe='/')}&l={wanted.language}&t={kind}"
        url = f"{self.base}/api/symbol/access?{query}"
        delay = self.backoff
        for _ in range(self.retries):
            try:
                return _check(self._once(url, wanted, kind, progress), wanted, kind)
            except _Transient:
                time.sleep(delay)
                delay *= 2
        try:
            return _check(self._once(url, wanted, kind, progress), wanted, kind)
        except _Transient as failure:
            raise FetchError(f"{wanted}: {failure}") from None

    def _once(self, url: str, wanted: Request, kind: str, progress: Progress | None) -> bytes:
        opener = urllib.request.build_opener(_Redirects(self.base, self.hosts))
        deadline = time.monotonic() + self.timeout
        try:
            with opener.open(url, timeout=self.timeout) as response:
                return self._body(response, wanted, progress, deadline)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                raise NoSuchDocument(f"no such document: {wanted} ({kind})") from None
            if error.code >= 500:
                raise _Transient(f"the server failed (HTTP {error.code})") from None
            raise FetchError(f"{wanted}: the server refused (HTTP {error.code})") from None
        except TimeoutError:
            raise _Transient(f"timed out after {self.timeout:g} s") from None
        except http.client.IncompleteRead as error:
            raise _Transient(f"the download was cut short ({len(error.partial)} bytes)") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise _Transient(f"timed out after {self.timeout:g} s") from None
            raise _Transient(f"cannot reach {self.base} ({error.reason})") from None
        except (ConnectionError, http.client.HTTPException) as error:
            raise _Transient(f"the connection failed ({error.__class__.__name__})") from None

    def _body(
        self,
        response: http.client.HTTPResponse,
        wanted: Request,
        progress: Progress | None,
        deadline: float,
    ) -> bytes:
        """The response's body, read by chunks until `deadline`: a server that sends a
        byte at a time cannot stretch a download past the timeout."""
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        if total is not None and total > self.max_bytes:
            raise FetchError(f"{wanted}: {total} bytes, over the {_mib(self.max_bytes)} cap")
        chunks: list[bytes] = []
        received = 0
        while chunk := _read(response, deadline):
            chunks.append(chunk)
            received += len(chunk)
            if received > self.max_bytes:
                raise FetchError(f"{wanted}: over the {_mib(self.max_bytes)} cap")
            if progress:
                progress(received, total)
        if total is not None and received < total:
            raise _Transient(f"the download was cut short ({received} of {total} bytes)")
        return b"".join(chunks)


def _read(response: http.client.HTTPResponse, deadline: float) -> bytes:
    """The next chunk of a body, waiting no longer than until `deadline` (TimeoutError
    once it has passed)."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    connection = getattr(getattr(response.fp, "raw", None), "_sock", None)
    if connection is not None:  # CPython's socket under the response: wait no longer
        connection.settimeout(left)
    return response.read1(CHUNK)


class _Transient(Exception):
    """A failure worth trying again: the server's, the connection's, a timeout."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed only to the base's own host or, over https, the UN's hosts."""

    def __init__(self, base: str, hosts: tuple[str, ...]) -> None:
        self.origin = urllib.parse.urlsplit(base)
        self.hosts = hosts

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        target = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl))
        same = (target.scheme, target.netloc) == (self.origin.scheme, self.origin.netloc)
        host = target.hostname or ""
        trusted = target.scheme == "https" and any(
            host == allowed or host.endswith(f".{allowed}") for allowed in self.hosts
        )
        if not (same or trusted):
            raise FetchError(
                f"refused a redirect to {target.scheme}://{target.netloc}: not a UN host over "
                "https (RESALIGN_ODS_HOSTS adds hosts)"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _kinds(kind: str) -> tuple[str, ...]:
    if kind == "auto":
        return ("docx", "pdf")
    if kind not in EXTENSIONS:
        raise UsageError(f"unknown format {kind!r}: use docx, pdf or auto")
    return (kind,)


def _check(data: bytes, wanted: Request, kind: str) -> bytes:
    """The data if it is a PDF or Word file, else a one-line error saying what came."""
    if not data:
        raise FetchError(f"{wanted}: the server sent an empty answer, not a {kind.upper()}")
    if any(data.startswith(magic) for magic in MAGIC):
        if not _whole(data):  # a server that said a shorter length than it sent
            raise _Transient(f"the download was cut short (a {kind.upper()} without its end)")
        return data
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        raise FetchError(f"{wanted}: the server sent an HTML page, not a {kind.upper()}")
    raise FetchError(f"{wanted}: the server sent something that is not a PDF or Word file")


def _whole(data: bytes) -> bool:
    """A PDF ends with its `%%EOF` mark; a Word file, a zip, with its central directory's
    end: what a download cut short lacks, whatever length the server said."""
    if data.startswith(b"%PDF-"):
        return b"%%EOF" in data[-1024:]
    if data.startswith(b"PK\x03\x04"):
        return b"PK\x05\x06" in data[-(65536 + 22) :]
    return True


def _extension(data: bytes) -> str:
    return next(kind for magic, kind in MAGIC.items() if data.startswith(magic))


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:g} MiB"
