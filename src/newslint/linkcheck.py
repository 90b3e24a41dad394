"""The online link check (--check-links): is each web link alive?

Runs only when asked. Requests go out concurrently (a thread pool, at most
``per_host`` at a time to any one host), HEAD first and GET when HEAD fails,
following redirects up to ``max_redirects``, each request with a timeout.
Every hop's host is resolved here and the connection made to the address that was
checked, so a link (or a redirect) to a private, loopback or link-local address is not
fetched unless ``allow_private`` is set: linting an untrusted article in CI cannot be
used to reach internal services.

Results (alive or dead) are kept in a JSON cache file for ``cache_seconds``;
"unreachable" results (timeouts, 5xx) are transient and checked again next time.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import ipaddress
import json
import os
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from newslint import __version__
from newslint.link_states import ALIVE, DEAD, NOT_FETCHED, UNREACHABLE, LinkStatus

REDIRECTS = (301, 302, 303, 307, 308)
DEAD_STATUSES = (404, 410)
USER_AGENT = f"newslint/{__version__} (link check; +https://pypi.org/project/newslint/)"


@dataclass(frozen=True)
class LinkCheckSettings:
    timeout: float = 10.0  # seconds per request
    max_redirects: int = 5
    per_host: int = 2  # requests at a time to one host
    workers: int = 16  # requests at a time in all
    cache_seconds: float = 24 * 3600
    allow_private: bool = False


class LinkCache:
    """URL -> LinkStatus, in one JSON file; a damaged file is treated as empty."""

    def __init__(self, path: Path, max_age: float):
        self.path = path
        self.max_age = max_age
        self.entries: dict[str, dict] = {}
        self.problem: str | None = None
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict) and isinstance(loaded.get("links"), dict):
                self.entries = loaded["links"]
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            self.problem = f"{path}: link cache unreadable, starting afresh ({exc})"

    def get(self, url: str, now: float) -> LinkStatus | None:
        entry = self.entries.get(url)
        try:
            status = LinkStatus(**{**entry, "from_cache": True}) if isinstance(entry, dict) else None
        except TypeError:
            return None
        if status is None or now - status.checked_at > self.max_age:
            return None
        return status

    def put(self, url: str, status: LinkStatus) -> None:
        if status.state in (ALIVE, DEAD):
            entry = asdict(status)
            entry.pop("from_cache")
            self.entries[url] = entry

    def save(self) -> None:
        """Write the cache atomically: a temporary file in the same folder, renamed over it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".links-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump({"version": 1, "links": self.entries}, file, indent=0, sort_keys=True)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


class LinkChecker:
    def __init__(self, settings: LinkCheckSettings, cache: LinkCache | None = None):
        self.settings = settings
        self.cache = cache
        self._host_limits: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        self.requests_made = 0  # HTTP requests, redirects and GET fallbacks included

    def check_all(self, urls: Iterable[str]) -> dict[str, LinkStatus]:
        now = time.time()
        results: dict[str, LinkStatus] = {}
        to_fetch = []
        for url in dict.fromkeys(urls):
            cached = self.cache.get(url, now) if self.cache else None
            if cached is not None:
                results[url] = cached
            else:
                to_fetch.append(url)
        if to_fetch:
            with concurrent.futures.ThreadPoolExecutor(max_workers=self.settings.workers) as pool:
                for url, status in zip(to_fetch, pool.map(self.check, to_fetch), strict=True):
                    results[url] = status
                    if self.cache:
                        self.cache.put(url, status)
            if self.cache:
                self.cache.save()
        return results

    def check(self, url: str) -> LinkStatus:
        """Follow one URL to its end: alive, dead, unreachable, or not fetched."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            try:
                status, location = self._request_with_fallback(current)
            except _Refused as refused:
                return LinkStatus(NOT_FETCHED, str(refused), current, time.time())
            except _Failure as failure:
                return LinkStatus(failure.state, failure.detail, current, time.time())
            if status in REDIRECTS and location:
                current = urljoin(current, location)
                continue
            if status in DEAD_STATUSES:
                return LinkStatus(DEAD, f"HTTP {status}", current, time.time())
            if status >= 400:
                return LinkStatus(UNREACHABLE, f"HTTP {status}", current, time.time())
            return LinkStatus(ALIVE, f"HTTP {status}", current, time.time())
        return LinkStatus(UNREACHABLE, f"more than {self.settings.max_redirects} redirects", current, time.time())

    def _request_with_fallback(self, url: str) -> tuple[int, str | None]:
        status, location = self._request("HEAD", url)
        if status >= 400 and status not in (410,):  # many servers answer HEAD wrongly; GET decides
            status, location = self._request("GET", url)
        return status, location

    def _request(self, method: str, url: str) -> tuple[int, str | None]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise _Failure(DEAD, f"cannot fetch '{url}'")
        host = parts.hostname
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = self._resolve(host, port)
        with self._host_limit(host):
            with self._lock:
                self.requests_made += 1
            try:
                sock = socket.create_connection((address, port), timeout=self.settings.timeout)
            except TimeoutError:
                raise _Failure(UNREACHABLE, f"no answer within {self.settings.timeout:g} s") from None
            except ConnectionRefusedError:
                raise _Failure(DEAD, "connection refused") from None
            except OSError as exc:
                raise _Failure(UNREACHABLE, f"cannot connect: {exc.strerror or exc}") from None
            try:
                if parts.scheme == "https":
                    sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
                connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
                connection = connection_class(host, port, timeout=self.settings.timeout)
                connection.sock = sock  # connect to the address that was checked, not a fresh lookup
                path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
                connection.request(method, path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
                response = connection.getresponse()
                response.read(0)
                return response.status, response.getheader("Location")
            except TimeoutError:
                raise _Failure(UNREACHABLE, f"no answer within {self.settings.timeout:g} s") from None
            except ssl.SSLError as exc:
                raise _Failure(UNREACHABLE, f"TLS error: {exc.reason or exc}") from None
            except (OSError, http.client.HTTPException) as exc:
                raise _Failure(UNREACHABLE, f"bad answer: {type(exc).__name__}: {exc}") from None
            finally:
                sock.close()

    def _resolve(self, host: str, port: int) -> str:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror:
            raise _Failure(DEAD, f"no such host: {host}") from None
        addresses = [info[4][0] for info in infos]
        if not self.settings.allow_private:
            for address in addresses:
                if not ipaddress.ip_address(address.split("%")[0]).is_global:
                    raise _Refused(f"not fetched: {host} is a private or local address ({address}); "
                                   "allow it with --allow-private-links")
        return addresses[0]

    def _host_limit(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            if host not in self._host_limits:
                self._host_limits[host] = threading.BoundedSemaphore(self.settings.per_host)
            return self._host_limits[host]


class _Failure(Exception):
    def __init__(self, state: str, detail: str):
        super().__init__(detail)
        self.state, self.detail = state, detail


class _Refused(Exception):
    pass


def link_check_settings(config, allow_private: bool = False) -> LinkCheckSettings:
    """The [links] settings of a config, with --allow-private-links on top."""
    given = dict(config.links)
    defaults = LinkCheckSettings()
    return LinkCheckSettings(
        timeout=float(given.get("timeout", defaults.timeout)),
        max_redirects=int(given.get("max-redirects", defaults.max_redirects)),
        per_host=int(given.get("per-host", defaults.per_host)),
        cache_seconds=float(given.get("cache-hours", defaults.cache_seconds / 3600)) * 3600,
        allow_private=allow_private or bool(given.get("allow-private", False)),
    )
