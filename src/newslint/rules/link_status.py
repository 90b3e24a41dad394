"""NL310, NL311: what the online link check found (only with --check-links)."""

from __future__ import annotations

from newslint.diagnostics import Severity
from newslint.link_states import DEAD, UNREACHABLE
from newslint.rule import Rule
from newslint.rules.links import web_links

_ONLINE_ONLY = ("Runs only with --check-links; without it newslint opens no connection, and this rule "
                "reports nothing.")


class _LinkStatusRule(Rule):
    category = "link"
    state = ""

    def check(self, doc, ctx):
        statuses = ctx.link_status
        if not statuses:
            return
        for link, _ in web_links(doc, ctx):
            status = statuses.get(link.target)
            if status is None or status.state != self.state:
                continue
            where = "" if status.final_url in ("", link.target) else f" (after redirects, at {status.final_url})"
            ctx.report(link.target_start, link.target_end, self.message(status.detail) + where)

    def message(self, detail: str) -> str:
        raise NotImplementedError


class DeadLink(_LinkStatusRule):
    code = "NL310"
    name = "dead-link"
    severity = Severity.WARNING
    state = DEAD
    summary = "A link that is dead: 404 or 410, no such host, connection refused (--check-links)"
    rationale = (
        "A page that answers 404 or 410, a host that does not exist, or a server that refuses the connection "
        "is a source the reader cannot check: moved, deleted, or never there. " + _ONLINE_ONLY
    )
    help = "Link the page where it is now (or an archived copy), or remove the link."
    examples = {
        "bad": [{"text": "# Chip subsidies\n\nThe [ministry said](https://www.meti.go.jp/press/2024/old.html) it "
                         "would pay more.\n", "format": "markdown",
                 "links": {"https://www.meti.go.jp/press/2024/old.html": "dead: HTTP 404"}}],
        "good": [{"text": "# Chip subsidies\n\nThe [ministry said](https://www.meti.go.jp/english/press/) it "
                          "would pay more.\n", "format": "markdown",
                  "links": {"https://www.meti.go.jp/english/press/": "alive: HTTP 200"}}],
    }

    def message(self, detail: str) -> str:
        return f"dead link: {detail}"


class UnreachableLink(_LinkStatusRule):
    code = "NL311"
    name = "unreachable-link"
    severity = Severity.INFO
    state = UNREACHABLE
    summary = "A link that could not be checked: a timeout, a server error, too many redirects (--check-links)"
    rationale = (
        "A timeout, a 5xx answer, a 403 to a robot, or a redirect loop says nothing certain about the page: "
        "it may be up for readers. So this is info, and these results are not cached: the next run asks "
        "again. " + _ONLINE_ONLY
    )
    help = "Open the link in a browser; if it is gone, replace it."
    examples = {
        "bad": [{"text": "# Chip subsidies\n\nThe [ministry said](https://www.meti.go.jp/english/press/) it "
                         "would pay more.\n", "format": "markdown",
                 "links": {"https://www.meti.go.jp/english/press/": "unreachable: no answer within 10 s"}}],
        "good": [{"text": "# Chip subsidies\n\nThe [ministry said](https://www.meti.go.jp/english/press/) it "
                          "would pay more.\n", "format": "markdown",
                  "links": {"https://www.meti.go.jp/english/press/": "alive: HTTP 200"}}],
    }

    def message(self, detail: str) -> str:
        return f"link could not be checked: {detail}"
