"""What the online link check can say about a link.

Kept apart from newslint.linkcheck, which imports the network stack (ssl, sockets,
HTTP): the rules that read these states load with every run, the checker only with
--check-links.
"""

from __future__ import annotations

from dataclasses import dataclass

ALIVE, DEAD, UNREACHABLE, NOT_FETCHED = "alive", "dead", "unreachable", "not-fetched"


@dataclass(frozen=True)
class LinkStatus:
    state: str  # ALIVE, DEAD, UNREACHABLE or NOT_FETCHED
    detail: str  # "HTTP 404", "connection refused", "no answer within 5 s", ...
    final_url: str = ""  # where the redirects ended
    checked_at: float = 0.0
    from_cache: bool = False
