"""What a link target is: a well-formed URL or not, its host, its registrable domain.

Offline only: nothing here resolves a name or opens a connection. The registrable
domain ("meti.go.jp" for "www.meti.go.jp") comes from the Public Suffix List bundled
with the publicsuffixlist package, loaded on first use.
"""

from __future__ import annotations

import functools
import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

import regex

WEB_SCHEMES = ("http", "https")
OTHER_SCHEMES = frozenset({"mailto", "tel", "ftp", "ftps", "sftp", "news", "irc", "ircs", "data", "geo", "sms",
                           "xmpp", "urn", "doi", "file", "feed", "webcal", "magnet", "git", "ssh", "s3"})
_SCHEME = regex.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*):(?P<slashes>/*)")
_MISSING_COLON = regex.compile(r"(?P<scheme>https?)//", regex.IGNORECASE)
# Characters that are never valid unescaped in a URL (RFC 3986), spaces aside.
_INVALID_CHAR = regex.compile(r"[<>{}|\\^`\"\x00-\x1f\x7f]")
_HOST_LABEL = regex.compile(r"(?!-)[\p{L}\p{N}\-_]{1,63}(?<!-)")


@dataclass(frozen=True)
class UrlProblem:
    message: str


@dataclass(frozen=True)
class WebUrl:
    scheme: str
    host: str  # lower case, no port, no trailing dot
    path: str

    @property
    def domain(self) -> str:
        """The registrable domain ("meti.go.jp"), or the host itself for IPs and unknown suffixes."""
        return registrable_domain(self.host)


def is_relative(target: str) -> bool:
    """A site-relative target (/about, #notes, ../2024/story.md): fine in a static site."""
    return not _SCHEME.match(target) and not _MISSING_COLON.match(target) and not target.lower().startswith("www.")


def problem(target: str) -> UrlProblem | None:
    """What is wrong with an absolute link target, if anything (relative targets are not judged)."""
    missing_colon = _MISSING_COLON.match(target)
    if missing_colon:
        return UrlProblem(f"the scheme has no colon: '{missing_colon.group()}'")
    scheme_match = _SCHEME.match(target)
    if scheme_match is None:
        return _web_problem(target, "http://" + target) if target.lower().startswith("www.") else None
    scheme = scheme_match.group("scheme").lower()
    if scheme in WEB_SCHEMES:
        slashes = scheme_match.group("slashes")
        if slashes != "//":
            return UrlProblem(f"'{scheme}:' needs two slashes, not {len(slashes)}: '{scheme_match.group()}'")
        return _web_problem(target, target)
    if scheme in OTHER_SCHEMES:
        return None
    suggestion = _scheme_typo(scheme)
    if suggestion:
        return UrlProblem(f"bad scheme '{scheme_match.group('scheme')}:' (did you mean '{suggestion}:'?)")
    if scheme_match.group("slashes"):  # "foo://..." is meant as a URL; "note:" in text is not
        return UrlProblem(f"unknown scheme '{scheme_match.group('scheme')}:'")
    return None


def _web_problem(target: str, url: str) -> UrlProblem | None:
    space = regex.search(r"\s", target)
    if space:
        return UrlProblem("the URL contains a space")
    invalid = _INVALID_CHAR.search(target)
    if invalid:
        return UrlProblem(f"the URL contains the character {invalid.group()!r}, which must be escaped")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return UrlProblem(f"the URL cannot be parsed: {exc}")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return UrlProblem("the URL has no host")
    if port == 0:
        return UrlProblem("the URL has port 0")
    if _ip(host) is None:
        labels = host.split(".")
        if len(labels) < 2 and host != "localhost":
            return UrlProblem(f"the host '{host}' has no domain (no dot)")
        bad = next((label for label in labels if not _HOST_LABEL.fullmatch(label)), None)
        if bad is not None:
            return UrlProblem(f"the host '{host}' is not a valid name")
        if labels[-1].isdigit():
            return UrlProblem(f"the host '{host}' is not a valid name")
    return None


def web_url(target: str) -> WebUrl | None:
    """The parts of an http(s) URL (or www. address), or None for anything else or a malformed one."""
    if target.lower().startswith("www."):
        target = "http://" + target
    scheme = _SCHEME.match(target)
    if not scheme or scheme.group("scheme").lower() not in WEB_SCHEMES or problem(target) is not None:
        return None
    parts = urlsplit(target)
    return WebUrl(parts.scheme.lower(), (parts.hostname or "").rstrip(".").lower(), parts.path)


def registrable_domain(host: str) -> str:
    if _ip(host) is not None:
        return host
    return _same_labels(host, _suffix_list().privatesuffix(_unicode_labels(host))) or host


def public_suffix(host: str) -> str:
    return _same_labels(host, _suffix_list().publicsuffix(_unicode_labels(host))) or ""


def _unicode_labels(host: str) -> str:
    """host with its punycode labels (xn--...) decoded, as the suffix list writes them."""
    if "xn--" not in host:
        return host
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError:
                pass
        labels.append(label)
    return ".".join(labels)


def _same_labels(host: str, found: str | None) -> str | None:
    """The labels of host that found (read from its decoded form) stands for."""
    if not found:
        return None
    return ".".join(host.split(".")[-(found.count(".") + 1):])


def is_subdomain_of(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def ip_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    return _ip(host)


def _ip(host: str):
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _scheme_typo(scheme: str) -> str | None:
    """'htps' -> 'https', 'htttp' -> 'http': a scheme one or two edits away from a web scheme."""
    for known in ("https", "http"):
        if scheme != known and edit_distance(scheme, known) <= (1 if len(scheme) < 4 else 2):
            return known
    return None


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, with adjacent transpositions counted as one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


@functools.cache
def _suffix_list():
    from publicsuffixlist import PublicSuffixList  # imported on first use: start-up pays only when links exist

    # Without the punycode form of every rule (hosts are decoded instead, _unicode_labels) the
    # list loads in a third of the time: 50 ms of every run that meets a link.
    return PublicSuffixList(only_icann=True, accept_encoded_idn=False)
