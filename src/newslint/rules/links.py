"""NL301-NL306: links and references, checked offline.

Nothing here opens a connection; NL310 and NL311 (rules/link_status.py) report what
the online check found when --check-links asked for one.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from newslint.diagnostics import Severity
from newslint.document import Document
from newslint.lexicon_cache import built_from
from newslint.organisations import Organisation, OrganisationTable, topic_pattern
from newslint.placeholders import PlaceholderTargets
from newslint.rule import Rule
from newslint.source_lists import source_lists
from newslint.structure import Link
from newslint.tails import analyse
from newslint.textutil import Blanker, PrefilteredPattern
from newslint.urls import WebUrl, is_relative, is_subdomain_of, problem, web_url

MAX_SHOWN_TARGET = 60
MIN_WORDS_TO_JUDGE_RELEVANCE = 100
# Words that may stand beside an organisation's name in link text that cites the organisation
# itself: "[the IMF's latest report](...)", "[Reuters reported](...)". Any other word makes the
# text about something else ("[Microsoft's investment](news story)"), and the domain is not judged.
_SOURCE_WORDS = frozenset("""
    the a an of its their official website site homepage home page web portal online report reports data
    statement press release announcement figures said says reported announced according to by from on
    latest new annual database statistics survey study blog newsroom account
""".split())


_WORD_OR_DOT = regex.compile(r"[\w.]+")
_POSSESSIVE = regex.compile(r"'s\b")

_STORY = (
    "Prime Minister Fumio Kishida asked American executives to invest in Japanese chip plants on Tuesday, "
    "promising subsidies, a stable yen and a workforce trained for advanced manufacturing. He told a lunch in "
    "Washington that investment would flow both ways, pointing to Japanese money already building factories in "
    "Arizona, Texas and Ohio. Microsoft said it would spend $2.9 billion on cloud and AI data centres in Japan "
    "over two years, and the chipmaker Rapidus said it would start pilot production in April 2025. Executives "
    "asked about energy prices, hiring and the pace of approvals, and officials promised answers by summer."
)


_POINTER = "For more information, you may visit the official websites:\n"


def _md(text: str) -> dict:
    """A Markdown example."""
    return {"text": text, "format": "markdown"}


def _shown(target: str) -> str:
    return target if len(target) <= MAX_SHOWN_TARGET else target[: MAX_SHOWN_TARGET - 1] + "…"


def article_links(doc: Document, ctx) -> list[Link]:
    """Links outside the spam tail (the tail is NL201's, links and all)."""
    tail = analyse(doc, ctx.lexicons)
    return [link for link in doc.links if not tail.in_tail(doc.line_of(link.start))]


def web_links(doc: Document, ctx) -> list[tuple[Link, WebUrl]]:
    return [(link, url) for link in article_links(doc, ctx) for url in [web_url(link.target)] if url is not None]


def cites_as_source(text: str, start: int, end: int) -> bool:
    """Whether link text naming an organisation at [start, end) cites the organisation itself."""
    rest = (text[:start] + " " + text[end:]).replace("’", "'")
    words = _WORD_OR_DOT.findall(_POSSESSIVE.sub(" ", rest.lower()))
    return all(word in _SOURCE_WORDS for word in words)


class MalformedUrl(Rule):
    code = "NL301"
    name = "malformed-url"
    category = "link"
    severity = Severity.ERROR
    summary = "A link whose URL is malformed: a bad scheme, a space, no host, characters that need escaping"
    rationale = (
        "A URL with a misspelt scheme ('htps://'), one slash or no colon ('http:/', 'http//'), a space, no "
        "host, or characters that are never valid unescaped goes nowhere for a reader: it was typed by hand "
        "or made up. Relative links (/about, #notes, ../story.md) are a static site's own and are not judged. "
        "Markdown that was meant as a link but is not one ('[IMF](https://imf org)') is reported too."
    )
    help = "Correct the URL, or remove the link."
    examples = {
        "bad": [_md("# Japan and the IMF\n\nThe [IMF](htps://www.imf.org/en/Countries/JPN) expects growth.\n"),
                "Japan and the IMF\n\nSee http//www.imf.org/en/Countries/JPN for the figures.\n"],
        "good": [_md("# Japan and the IMF\n\nThe [IMF](https://www.imf.org/en/Countries/JPN) expects growth. "
                     "[Our earlier story](/2024/04/imf-japan/).\n")],
    }

    def check(self, doc, ctx):
        for link in article_links(doc, ctx):
            target = link.target
            if link.kind != "broken" and is_relative(target):
                continue
            found = problem(target)
            if found is not None:
                message = found.message
            elif link.kind == "broken":
                message = "it is not a valid link destination"
            else:
                continue
            ctx.report(link.target_start, link.target_end, f"malformed URL '{_shown(target)}': {message}")


class PlaceholderLink(Rule):
    code = "NL302"
    name = "placeholder-link"
    category = "link"
    severity = Severity.ERROR
    summary = "A link to a placeholder or test target: example.com, yourwebsite.com, localhost, a private address"
    rationale = (
        "example.com, yourwebsite.com and their like, the reserved names (.example, .invalid, .test, "
        ".localhost), localhost and private, loopback and link-local addresses, and targets such as '#' "
        "are what a template or a text generator writes when it has no real source. No reader can follow "
        "them. The domains and suffixes are the lexicons 'placeholder-domains' and 'placeholder-suffixes' "
        "in rules/links.yaml."
    )
    help = "Link the real source, or remove the link."
    examples = {
        "bad": [_md("# Chip subsidies\n\nThe [ministry said](https://www.example.com/subsidies) it would pay more.\n"),
                _md("# Chip subsidies\n\nThe figures are on [the portal](http://192.168.1.20/figures).\n"),
                _md("# Chip subsidies\n\nSee [the announcement](#).\n")],
        "good": [_md("# Chip subsidies\n\nThe [ministry said](https://www.meti.go.jp/english/press/) it would pay "
                     "more.\n")],
    }

    def check(self, doc, ctx):
        placeholders = built_from(ctx.lexicons, PlaceholderTargets)
        for link in article_links(doc, ctx):
            reason = placeholders.reason(link.target)
            if reason is None:
                continue
            start, end = (link.target_start, link.target_end) if link.target_end > link.target_start else \
                (link.start, link.end)
            ctx.report(start, end, f"placeholder link '{_shown(link.target) or '(empty)'}': {reason}")


class LinkDomainMismatch(Rule):
    code = "NL303"
    name = "link-domain-mismatch"
    category = "link"
    severity = Severity.WARNING
    summary = "Link text names an organisation, but the link goes elsewhere, or to a look-alike of its domain"
    rationale = (
        "'[International Monetary Fund](https://imf-data.org/japan)' cites the IMF, whose domain is imf.org. "
        "A link whose text cites a known organisation (its name, with at most words such as 'the', "
        "'official website', 'report', 'said') must go to one of that organisation's domains. A domain that "
        "imitates a known one (imf-data.org, reuters.co, reutres.com) is how fabricated sources look: an "
        "error when the link text cites an organisation, a warning anywhere else (a bare URL, other text). "
        "A domain that is simply another site is a warning: the text promises one source and the link "
        "gives another. Link text about something else ('[Microsoft's investment](a news story)') "
        "is not judged. The organisations and their domains are the lexicon 'organisations' in "
        "rules/links.yaml; add your own in a pack."
    )
    help = "Link the organisation's own site, or change the text to say whose page it is."
    examples = {
        "bad": [_md("# Japan's economy\n\nSee the [International Monetary Fund](https://imf-data.org/japan).\n"),
                _md("# Japan's economy\n\n[Reuters reported](https://www.bloomberg.com/news/japan) the talks.\n")],
        "good": [_md("# Japan's economy\n\n[Reuters reported](https://www.reuters.com/world/japan/) the talks, and "
                     "[TSMC](https://www.tsmc.com/english) confirmed the plant. "
                     "[Microsoft's investment](https://www.cnn.com/2024/04/09/tech/japan) was reported earlier.\n")],
    }

    def check(self, doc, ctx):
        table = built_from(ctx.lexicons, OrganisationTable)
        for link, url in web_links(doc, ctx):
            cited = [named.organisation for named in table.named_in(link.text)
                     if cites_as_source(link.text, named.start, named.end)]
            imitated = table.imitated_by(url.host)
            if cited and any(organisation.owns(url.host) for organisation in cited):
                continue
            if imitated is not None:  # an error when the text vouches for it, else a warning
                ctx.report(link.target_start, link.target_end,
                           f"{url.domain} is a look-alike of {_domains(imitated)}, the domain of {imitated.name}",
                           severity=Severity.ERROR if cited else Severity.WARNING)
            elif cited:
                organisation = cited[0]
                ctx.report(link.target_start, link.target_end,
                           f"the link text cites {organisation.name}, but the link goes to {url.domain}, "
                           f"not {_domains(organisation)}")


def _domains(organisation: Organisation) -> str:
    return " or ".join(organisation.domains[:2])


class UnlinkedSources(Rule):
    code = "NL304"
    name = "unlinked-sources"
    category = "link"
    severity = Severity.WARNING
    summary = "Sources named as if linked ('you may visit the official websites:') with no link, or 'click here'"
    rationale = (
        "Generated text ends with 'For further information, you may visit the official websites:' and a "
        "list of organisation names with no links, or writes 'click here' and '(link)' where there is none. "
        "The reader is promised sources and given none. A line that ends with such a pointer and a colon "
        "(the lexicon 'link-pointers') followed by short lines naming sources, none of them linked, is one "
        "finding; so is each 'click here' outside a link (the lexicon 'link-words')."
    )
    help = "Link each source to the page that supports the article, or remove the list."
    examples = {
        "bad": ["Japan courts investors\n\nKishida spoke in Washington.\n\n"
                "For more information, you may visit the official websites:\nInternational Monetary Fund\n"
                "U.S. Department of State\n",
                "Japan courts investors\n\nThe full statement is available, click here.\n"],
        "good": [_md("# Japan courts investors\n\nKishida spoke in Washington.\n\nSources:\n\n"
                     "- [International Monetary Fund](https://www.imf.org/en/Countries/JPN)\n"
                     "- [U.S. Department of State](https://www.state.gov/)\n"),
                 _md("# Japan courts investors\n\nThe full statement is [here, click here](https://www.mofa.go.jp/).\n")],
    }

    def check(self, doc, ctx):
        for found in source_lists(doc, ctx.lexicons):
            if found.linked:
                continue
            names = ", ".join(f"'{doc.block_text(item).strip()}'" for item in found.items[:5])
            more = f" and {len(found.items) - 5} more" if len(found.items) > 5 else ""
            count = len(found.items)
            ctx.report(found.start, found.end,
                       f"{count} source{'s' if count != 1 else ''} named as links with no link: {names}{more}")
        self._link_words(doc, ctx)

    @staticmethod
    def _link_words(doc, ctx) -> None:
        words = ctx.lexicons.get("link-words", ())
        if not words:
            return
        pattern = _link_words_pattern(tuple(words))
        tail = analyse(doc, ctx.lexicons)
        linked_text = [(link.start, link.end) for link in doc.links]
        for match in pattern.finditer(doc.prose, 0, len(doc.prose)):
            if tail.in_tail(doc.line_of(match.start())):
                continue
            if any(start <= match.start() < end for start, end in linked_text):
                continue
            ctx.report(match.start(), match.end(), f"'{match.group()}' promises a link, but there is none")


@lru_cache(maxsize=16)
def _link_words_pattern(words: tuple[str, ...]) -> PrefilteredPattern:
    """The link words as one pattern, built once per lexicon; most articles lack the words it needs."""
    return PrefilteredPattern(regex.compile(
        rf"(?<![\w-])(?:{'|'.join(f'(?:{word})' for word in words)})(?![\w-])", regex.IGNORECASE))


class IrrelevantReference(Rule):
    code = "NL305"
    name = "irrelevant-reference"
    category = "link"
    severity = Severity.INFO
    summary = "A reference to an organisation the article is not about (the Ministry of Justice in a story on investment)"
    rationale = (
        "Generated source lists pad themselves with official bodies that have nothing to do with the story. "
        "An organisation in the 'organisations' lexicon may list its topics (word prefixes: the Ministry of "
        "Justice's are justice, law, court, crime, immigration ...); a reference to it (a listed source or a "
        "link citing it) in an article of 100 words or more that mentions none of them elsewhere is reported. "
        "Topic lists are "
        "coarse, so this is info: a reason to look, not a verdict. Organisations without topics are never "
        "called irrelevant."
    )
    help = "Remove the reference, or cite a source about the article's subject."
    examples = {
        "bad": ["Japan courts investors\n\n" + _STORY + "\n\n" + _POINTER +
                "Ministry of Justice of Japan\nInternational Monetary Fund\n"],
        "good": ["Japan courts investors\n\n" + _STORY + "\n\n" + _POINTER +
                 "International Monetary Fund\nMinistry of Economy, Trade and Industry\n"],
    }

    def check(self, doc, ctx):
        table = built_from(ctx.lexicons, OrganisationTable)
        references = []  # (start, end, organisation, name as written)
        for found in source_lists(doc, ctx.lexicons):
            for item, named in found.organisations:
                if named is not None:
                    references.append((item.start, item.end, named.organisation,
                                       doc.prose[named.start:named.end]))
        for link in article_links(doc, ctx):
            for named in table.named_in(link.text):
                if cites_as_source(link.text, named.start, named.end):
                    references.append((link.start, link.end, named.organisation,
                                       link.text[named.start:named.end]))
        if not references:
            return
        background = _background(doc, ctx, [(start, end) for start, end, _, _ in references])
        if len(background.split()) < MIN_WORDS_TO_JUDGE_RELEVANCE:
            return  # too little article to tell what it is about
        for start, end, organisation, written in references:
            topics = topic_pattern(organisation)
            if topics is None or topics.search(background):
                continue
            shown = ", ".join(organisation.topics[:5]) + (" ..." if len(organisation.topics) > 5 else "")
            ctx.report(start, end, f"'{written}' looks irrelevant: the article mentions none of its topics "
                                   f"({shown})")


def _background(doc: Document, ctx, spans: list[tuple[int, int]]) -> str:
    """The article's prose without the references themselves and without the spam tail."""
    blanker = Blanker(doc.prose)
    for start, end in spans:
        blanker.add(start, end)
    tail = analyse(doc, ctx.lexicons).tail
    if tail is not None:
        blanker.add(doc.lines[tail.first_line - 1][0], len(doc.prose))
    return blanker.build()


class UnlistedSource(Rule):
    code = "NL306"
    name = "unlisted-source"
    category = "link"
    severity = Severity.WARNING
    enabled_by_default = False
    summary = "A link to a site that is not among the fact file's sources (off by default)"
    rationale = (
        "A newsroom that keeps the sources of a story in its fact file ('source:' of each fact) can require "
        "that the article links only those sites: a link to anywhere else is a source nobody has checked. "
        "Turn it on with extend-select = [\"NL306\"]; it needs a fact file with sources, and compares "
        "registrable domains (www.meti.go.jp and meti.go.jp/english are the same source)."
    )
    help = "Add the source to the fact file once checked, or link a listed source."
    examples = {
        "bad": [{"format": "markdown", "text": "# Microsoft in Japan\n\n[Microsoft said](https://www.msn.com/story) it would invest.\n",
                 "facts": {"facts": [{"id": "ms", "claim": "Microsoft will invest $2.9 billion.",
                                      "about": ["Microsoft"], "source": "https://news.microsoft.com/2024/04/09/x"}]}}],
        "good": [{"format": "markdown", "text": "# Microsoft in Japan\n\n[Microsoft said](https://news.microsoft.com/apac/) it would "
                          "invest.\n",
                  "facts": {"facts": [{"id": "ms", "claim": "Microsoft will invest $2.9 billion.",
                                       "about": ["Microsoft"],
                                       "source": "https://news.microsoft.com/2024/04/09/x"}]}}],
    }

    def check(self, doc, ctx):
        facts = ctx.facts.facts if ctx.facts is not None else ()
        listed = {url.domain for fact in facts if fact.source for url in [web_url(fact.source)] if url}
        if not listed:
            return
        for link, url in web_links(doc, ctx):
            if not any(is_subdomain_of(url.host, domain) for domain in listed):
                ctx.report(link.target_start, link.target_end,
                           f"{url.domain} is not among the fact file's sources ({', '.join(sorted(listed)[:3])}"
                           f"{' ...' if len(listed) > 3 else ''})")
