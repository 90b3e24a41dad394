"""NL3xx links: extraction, the offline checks, and the online check against a local server."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time

import pytest

from newslint.document import Document
from newslint.markdown import parse_markdown
from newslint.plaintext import parse_plain_text
from newslint.testing import lint_text

from conftest import REPO

BAD_LINKS = """\
# Japan woos US investors

Prime Minister Fumio Kishida asked American executives to invest, [Reuters reported](https://www.reuters.com/world/asia-pacific/japan-kishida-2024-04-10/). He promised subsidies, a stable yen and a workforce trained for advanced manufacturing, and told a lunch in Washington that investment would flow both ways, pointing to Japanese money already building factories in Arizona, Texas and Ohio. Executives asked about energy prices, hiring and the pace of approvals, and officials promised answers by summer.

The [ministry said](https://www.meti.go.jp/english/press/2024/0402_001.html) it would add subsidies, and [TSMC](https://www.tsmc.com/english) confirmed its second plant.

The figures are in the [IMF's report](htps://www.imf.org/en/Countries/JPN) and on [the portal](http://www.imf .org/data).

See the [International Monetary Fund](https://imf-data.org/japan) for more, or [Bloomberg](https://www.reuters.com/markets/).

More at [our partner](https://www.example.com/japan), [the dashboard](http://localhost:8080/chips), [the intranet](http://10.0.0.12/report), <a href="https://yourwebsite.com/story">the story</a> and [the test page](https://news.invalid/x).

You may visit the following websites:

- Ministry of Justice of Japan
- U.S. Department of State
- International Monetary Fund

The full transcript is available, click here.
"""


def findings(text: str, filename: str = "article.md", **options) -> list[tuple]:
    return [(d.line, d.column, d.code, str(d.severity), d.message)
            for d in lint_text(text, filename=filename, select=["link"], **options)]


def test_seed_002_lines_41_to_44_are_link_findings(cli):
    run = cli("--select", "link", "--format", "json", "seeds/", cwd=REPO)
    found = [(f["path"], f["line"], f["end_line"], f["code"], f["severity"], f["message"]) for f in json.loads(run.out)["diagnostics"]]
    assert found == [
        ("seeds/002_185e86485d79d668.txt", 41, 44, "NL304", "warning",
         "3 sources named as links with no link: 'Ministry of Justice of Japan', 'U.S. Department of State', "
         "'International Monetary Fund'"),
        ("seeds/002_185e86485d79d668.txt", 42, 42, "NL305", "info",
         "'Ministry of Justice of Japan' looks irrelevant: the article mentions none of its topics (justice, law, "
         "legal, the court, a court ...)"),
    ]


def test_every_kind_of_bad_link_in_markdown_and_no_legitimate_one():
    assert findings(BAD_LINKS) == [
        (7, 39, "NL301", "error",
         "malformed URL 'htps://www.imf.org/en/Countries/JPN': bad scheme 'htps:' (did you mean 'https:'?)"),
        (7, 96, "NL301", "error", "malformed URL 'http://www.imf .org/data': the URL contains a space"),
        (9, 39, "NL303", "error", "imf-data.org is a look-alike of imf.org, the domain of International Monetary Fund"),
        (9, 92, "NL303", "warning",
         "the link text cites Bloomberg, but the link goes to reuters.com, not bloomberg.com or bloomberg.co.jp"),
        (11, 23, "NL302", "error", "placeholder link 'https://www.example.com/japan': example.com is a placeholder domain"),
        (11, 71, "NL302", "error",
         "placeholder link 'http://localhost:8080/chips': localhost is this machine, not a source"),
        (11, 116, "NL302", "error",
         "placeholder link 'http://10.0.0.12/report': 10.0.0.12 is a private address, unreachable for readers"),
        (11, 151, "NL302", "error",
         "placeholder link 'https://yourwebsite.com/story': yourwebsite.com is a placeholder domain"),
        (11, 216, "NL302", "error",
         "placeholder link 'https://news.invalid/x': '.invalid' is reserved for examples, tests or private networks"),
        (13, 1, "NL304", "warning",
         "3 sources named as links with no link: 'Ministry of Justice of Japan', 'U.S. Department of State', "
         "'International Monetary Fund'"),
        (15, 3, "NL305", "info",
         "'Ministry of Justice of Japan' looks irrelevant: the article mentions none of its topics (justice, law, "
         "legal, the court, a court ...)"),
        (19, 35, "NL304", "warning", "'click here' promises a link, but there is none"),
    ]


@pytest.mark.parametrize("link", [
    "[Reuters reported](https://www.reuters.com/world/asia-pacific/japan-kishida-2024-04-10/)",
    "[the ministry said](https://www.meti.go.jp/english/press/2024/0402_001.html)",
    "[TSMC](https://www.tsmc.com/english)",
    "[Microsoft's investment](https://edition.cnn.com/2024/04/09/tech/microsoft-japan-investment/index.html)",
    "[the IMF's latest report](https://www.imf.org/en/Publications/WEO)",
    '<a href="https://www.state.gov/countries-areas/japan/">the State Department</a>',
    "[our earlier story](/2024/04/kishida-visit/)",
    "[the notes](#notes)",
    "<https://www.boj.or.jp/en/>",
])
def test_legitimate_links_are_not_reported(link):
    assert findings(f"# Japan woos US investors\n\nKishida spoke in Washington, {link} says.\n") == []


def test_a_bare_malformed_url_in_plain_text():
    text = "Japan woos US investors\n\nThe figures are at http//www.imf.org/en/Countries/JPN and htps:/imf.org.\n"
    assert findings(text, filename="article.txt") == [
        (3, 20, "NL301", "error", "malformed URL 'http//www.imf.org/en/Countries/JPN': the scheme has no colon: 'http//'"),
        (3, 59, "NL301", "error", "malformed URL 'htps:/imf.org': bad scheme 'htps:' (did you mean 'https:'?)"),
    ]


def test_links_in_the_spam_tail_are_the_tails_not_separate_findings(cli, tmp_path):
    text = ("Japan woos US investors\n\nPrime Minister Fumio Kishida asked American executives to invest in Japan "
            "on Tuesday, and said investment would flow both ways.\n\nShare this:\nFacebook\nTwitter\n"
            "https://www.example.com/share?u=1\nPrivacy Policy | Terms of Service\n")
    assert [(d.line, d.code) for d in lint_text(text, select=["link", "spam-tail"])] == [(5, "NL201")]


def test_link_extraction_has_exact_spans_for_every_kind():
    text = ('# Head\n\nSee <a href="https://imf-data.org/japan">the IMF</a>, [IMF](https://imf org/japan), '
            "[ok][ref] and <https://www.boj.or.jp/en/>.\n\n<div><a href='https://example.com/x'>Ex</a></div>\n\n"
            "[ref]: https://www.imf.org\n")
    doc = Document(text, "a.md", parse_markdown)
    assert [(link.kind, link.text, link.target, text[link.target_start:link.target_end], doc.position(link.start))
            for link in doc.links] == [
        ("html", "the IMF", "https://imf-data.org/japan", "https://imf-data.org/japan", (3, 5)),
        ("broken", "IMF", "https://imf org/japan", "https://imf org/japan", (3, 55)),
        ("reference", "ok", "https://www.imf.org", "https://www.imf.org", (3, 85)),
        ("autolink", "", "https://www.boj.or.jp/en/", "https://www.boj.or.jp/en/", (3, 99)),
        ("html", "Ex", "https://example.com/x", "https://example.com/x", (5, 6)),
    ]
    assert "the IMF" in doc.prose and "imf-data" not in doc.prose  # link text is prose, the target is not
    plain = Document("Head\n\nSee www.reuters.com/x, and https://apnews.com/a).\n", "a.txt", parse_plain_text)
    assert [(link.target, plain.position(link.start)) for link in plain.links] == [
        ("www.reuters.com/x", (3, 5)), ("https://apnews.com/a", (3, 28)),
    ]


def test_unlisted_sources_only_when_asked_and_only_with_sources():
    text = ("# Microsoft in Japan\n\n[The company said](https://www.msn.com/story) it would invest, "
            "[per the filing](https://www.sec.gov/x).\n")
    facts = {"facts": [{"id": "ms", "claim": "Microsoft will invest $2.9 billion.", "about": ["Microsoft"],
                        "source": "https://www.sec.gov/Archives/x"}]}
    assert [d.code for d in lint_text(text, filename="a.md", facts=facts) if d.code == "NL306"] == []  # off by default
    assert [(d.line, d.column, d.code, d.message)
            for d in lint_text(text, filename="a.md", select=["NL306"], facts=facts)] == [
        (3, 20, "NL306", "msn.com is not among the fact file's sources (sec.gov)"),
    ]
    assert lint_text(text, filename="a.md", select=["NL306"]) == []  # no fact file: nothing to compare with


def test_a_pack_adds_an_organisation():
    pack = "lexicons:\n  organisations:\n    Hokkaido Shimbun: {domains: [hokkaido-np.co.jp]}\n"
    text = "# Rapidus\n\n[Hokkaido Shimbun](https://hokkaido-news.com/rapidus) reported the plant.\n"
    assert findings(text) == []
    assert [(d.code, d.message) for d in lint_text(text, filename="a.md", select=["link"], packs=[pack])] == [
        ("NL303", "the link text cites Hokkaido Shimbun, but the link goes to hokkaido-news.com, not hokkaido-np.co.jp"),
    ]


# -- the online check ---------------------------------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_HEAD(self):
        self._answer()

    def do_GET(self):
        self._answer()

    def _answer(self):
        type(self).hits.append(f"{self.command} {self.path}")
        if self.path == "/ok":
            self.send_response(200)
        elif self.path.startswith("/hop"):  # /hop3 -> /hop2 -> /hop1 -> /ok
            left = int(self.path[4:])
            self.send_response(302)
            self.send_header("Location", f"/hop{left - 1}" if left > 1 else "/ok")
        elif self.path == "/head-not-allowed":
            self.send_response(405 if self.command == "HEAD" else 200)
        elif self.path == "/error":
            self.send_response(500)
        elif self.path == "/slow":
            time.sleep(2)
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Handler.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _online_article(folder, base: str) -> None:
    paths = ["ok", "hop3", "head-not-allowed", "gone", "error", "slow", "hop9"]
    links = " ".join(f"[{path}]({base}/{path})" for path in paths)
    (folder / "article.md").write_text(f"# Links\n\nSources: {links}.\n", encoding="utf-8")
    (folder / "newslint.toml").write_text("[links]\ntimeout = 0.5\nmax-redirects = 5\n", encoding="utf-8")


def test_online_check_against_a_local_server_and_the_cache(cli, tmp_path, server):
    _online_article(tmp_path, server)
    args = ("--check-links", "--allow-private-links", "--select", "NL310,NL311", "--format", "concise", "article.md")
    first = cli(*args, cwd=tmp_path)
    column = {path: 1 + first_line.index(f"{server}/{path}") for first_line in [
        (tmp_path / "article.md").read_text().splitlines()[2]] for path in ("gone", "error", "slow", "hop9")}
    assert first.lines == [
        f"article.md:3:{column['gone']}: NL310 [warning] dead link: HTTP 404",
        f"article.md:3:{column['error']}: NL311 [info] link could not be checked: HTTP 500",
        f"article.md:3:{column['slow']}: NL311 [info] link could not be checked: no answer within 0.5 s",
        f"article.md:3:{column['hop9']}: NL311 [info] link could not be checked: more than 5 redirects "
        f"(after redirects, at {server}/hop3)",
        "Found 4 findings (0 errors, 1 warning, 3 info) in 1 of 1 file.",
    ]
    assert first.err == "newslint: checked 7 links (7 fetched, 0 from the cache)\n"
    assert "HEAD /head-not-allowed" in _Handler.hits and "GET /head-not-allowed" in _Handler.hits
    assert {"HEAD /hop3", "HEAD /hop2", "HEAD /hop1", "HEAD /ok"} <= set(_Handler.hits)
    cached = json.loads((tmp_path / ".newslint_cache" / "links.json").read_text())["links"]
    assert {url.rsplit("/", 1)[1]: entry["state"] for url, entry in cached.items()} == {
        "ok": "alive", "hop3": "alive", "head-not-allowed": "alive", "gone": "dead",  # transient results are not kept
    }

    _Handler.hits = []
    second = cli(*args, cwd=tmp_path)
    assert second.lines == first.lines
    assert second.err == "newslint: checked 7 links (3 fetched, 4 from the cache)\n"
    assert not any(hit.endswith(("/ok", "/gone", "/head-not-allowed", "/hop1")) for hit in _Handler.hits)


def test_private_addresses_are_not_fetched_unless_allowed(cli, tmp_path, server):
    _online_article(tmp_path, server)
    run = cli("--check-links", "--select", "NL310,NL311", "--format", "concise", "article.md", cwd=tmp_path)
    assert run.lines == ["No findings in 1 file."]
    assert run.err == ("newslint: checked 7 links (0 fetched, 0 from the cache)\n"
                       "newslint: 7 links to private or local addresses not fetched (--allow-private-links fetches "
                       "them)\n")
    assert _Handler.hits == []


def test_a_redirect_to_a_private_address_is_not_followed(tmp_path):
    from newslint.linkcheck import LinkChecker, LinkCheckSettings

    checker = LinkChecker(LinkCheckSettings(timeout=0.5))
    status = checker.check("http://localhost:9/x")
    assert (status.state, status.detail) == (
        "not-fetched", "not fetched: localhost is a private or local address (127.0.0.1); allow it with "
                       "--allow-private-links")
    assert checker.requests_made == 0


def test_no_network_connection_without_check_links(cli, tmp_path, monkeypatch):
    (tmp_path / "article.md").write_text(BAD_LINKS, encoding="utf-8")
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("newslint tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    run = cli("--format", "json", "article.md", cwd=tmp_path)
    assert run.code == 1 and len(json.loads(run.out)["diagnostics"]) > 5
    run = cli("--check-links", "--select", "NL1", "article.md", cwd=tmp_path)  # asked, but no link rule runs
    assert run.err == "newslint: checked 0 links (0 fetched, 0 from the cache)\n"
    assert attempts == []
    assert not (tmp_path / ".newslint_cache" / "links.json").exists()  # the findings cache is there; no link cache


def test_a_damaged_cache_is_a_warning_and_the_check_goes_on(cli, tmp_path, server):
    _online_article(tmp_path, server)
    (tmp_path / ".newslint_cache").mkdir()
    (tmp_path / ".newslint_cache" / "links.json").write_text("{not json", encoding="utf-8")
    run = cli("--check-links", "--allow-private-links", "--select", "NL310", "--format", "concise", "article.md",
              cwd=tmp_path)
    assert run.err.startswith("newslint: warning: ")
    assert "links.json: link cache unreadable, starting afresh" in run.err
    assert [line.split(": ", 2)[1] for line in run.lines[:-1]] == ["NL310 [warning] dead link"]
    assert json.loads((tmp_path / ".newslint_cache" / "links.json").read_text())["version"] == 1


@pytest.mark.parametrize(("setting", "message"), [
    ("timeout = 0", "'links.timeout' must be a number of at least 0.1"),
    ("per-host = 1.5", "'links.per-host' must be an integer of at least 1"),
    ("allow-private = 1", "'links.allow-private' must be true or false"),
    ("retries = 3", "unknown key 'retries' in 'links' (known: timeout, max-redirects, per-host, cache-hours, "
                    "allow-private)"),
])
def test_bad_link_settings_are_one_line_errors(cli, tmp_path, setting, message):
    (tmp_path / "newslint.toml").write_text(f"select = [\"link\"]\n\n[links]\n{setting}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# A\n\nB.\n", encoding="utf-8")
    run = cli("a.md", cwd=tmp_path)
    assert (run.code, run.err) == (2, f"newslint: error: newslint.toml:3: {message}\n")


def test_a_links_heading_over_unlinked_names_and_a_linked_one():
    text = ("# Japan woos investors\n\nKishida spoke in Washington on Tuesday.\n\n## Useful links\n\n"
            "- International Monetary Fund\n- U.S. Department of State\n\n## Sources\n\n"
            "- [IMF](https://www.imf.org/en/Countries/JPN)\n- [State Department](https://www.state.gov/)\n")
    assert findings(text) == [
        (5, 4, "NL304", "warning", "2 sources named as links with no link: 'International Monetary Fund', "
                                   "'U.S. Department of State'"),
    ]


def test_domains_of_punycode_hosts_are_what_the_full_suffix_list_says():
    # The suffix list is loaded without the punycode form of its rules (a third of the load
    # time); hosts are decoded instead. Every ICANN rule written in Unicode, as a punycode host.
    import publicsuffixlist

    from newslint.urls import public_suffix, registrable_domain

    reference = publicsuffixlist.PublicSuffixList(only_icann=True)
    hosts = []
    with open(publicsuffixlist.PSLFILE, encoding="utf-8") as source:
        for line in source:
            if line.startswith("// ===END ICANN DOMAINS==="):
                break
            rule = line.strip().lstrip("!").replace("*", "x")
            if rule and not rule.startswith("//") and not rule.isascii():
                encoded = rule.encode("idna").decode("ascii")
                hosts += [encoded, f"news.{encoded}", f"a.b.{encoded}"]
    assert len(hosts) > 300
    for host in hosts:
        assert (registrable_domain(host), public_suffix(host)) == (
            reference.privatesuffix(host) or host, reference.publicsuffix(host) or ""), host
