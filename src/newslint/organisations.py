"""The organisation table: who an anchor text names, and which domains are theirs.

Built from the lexicon 'organisations' (rules/links.yaml, extendable by packs):

    International Monetary Fund:
      domains: [imf.org]          # official registrable domains (subdomains included)
      aliases: [IMF]              # other names; short all-capital ones match with their case
      topics: [econom, monetar]   # word prefixes of what it is about (NL305)
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from newslint.textutil import PlainFastPattern
from newslint.urls import edit_distance, is_subdomain_of, public_suffix, registrable_domain

# A typo of an official label ("reutres" for "reuters") counts only for labels this long:
# shorter ones ("state", "apple") are words that other domains use in their own right.
MIN_TYPO_LABEL = 6
# Words a look-alike adds to an official label ("imf-data.org", "reuters-news-daily.info",
# "www.bloomberg.news-now.xyz"). Any other word makes the domain someone else's
# ("apple-growers.org"), and it is not called a look-alike.
LOOKALIKE_FILLER = frozenset("""
    www news now daily today live data info online official press media report reports filing filings market
    markets finance financial stats statistics global world intl international group hub portal site web app
    us usa uk eu asia japan jp en english 24 247 365 the my real true verified secure login update updates
    center centre org gov com net
""".split())
# Official labels that are everyday words: "state-news.com" is not the State Department's.
COMMON_WORD_LABELS = frozenset({"state", "house", "senate", "commerce", "treasury", "apple", "amazon", "intel"})


@dataclass(frozen=True)
class Organisation:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()

    def owns(self, host: str) -> bool:
        return any(is_subdomain_of(host, domain) for domain in self.domains)

    @functools.cached_property
    def labels(self) -> set[str]:
        """The distinctive part of each official domain: 'imf' for imf.org, 'meti' for meti.go.jp."""
        labels = {_label(registrable_domain(domain)) for domain in self.domains}
        return labels - LOOKALIKE_FILLER - COMMON_WORD_LABELS


@dataclass(frozen=True)
class NamedOrganisation:
    organisation: Organisation
    start: int
    end: int


class OrganisationTable:
    def __init__(self, lexicons: Mapping[str, Any]):
        entries = lexicons.get("organisations", {})
        self.organisations = [_organisation(name, entry) for name, entry in entries.items()
                              if isinstance(entry, Mapping)]
        self._by_name: dict[str, Organisation] = {}
        cased, uncased = [], []
        for organisation in self.organisations:
            for name in (organisation.name, *organisation.aliases):
                key = name if _keeps_case(name) else _normal(name).lower()
                self._by_name.setdefault(key, organisation)
                (cased if _keeps_case(name) else uncased).append(name)
        self._names = (cased, uncased)
        self._imitated: dict[str, Organisation | None] = {}  # host -> what imitated_by says

    @functools.cached_property
    def _pattern(self) -> PlainFastPattern | None:
        """Every name and alias, compiled on first use: an article without links never needs it."""
        return _names_pattern(*self._names)

    def named_in(self, text: str, start: int = 0, end: int | None = None) -> list[NamedOrganisation]:
        """Organisations named in text[start:end], longest name first at each place."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text, start, len(text) if end is None else end):
            name = match.group()
            organisation = self._by_name.get(name) or self._by_name.get(_normal(name).lower())
            if organisation is not None:
                found.append(NamedOrganisation(organisation, match.start(), match.end()))
        return found

    def owner_of(self, host: str) -> Organisation | None:
        return next((organisation for organisation in self.organisations if organisation.owns(host)), None)

    def imitated_by(self, host: str) -> Organisation | None:
        """The organisation whose domain this host imitates: 'imf-data.org', 'reuters.co', 'reutres.com'."""
        # Articles link the same few hosts again and again: each is judged once per table.
        if host not in self._imitated:
            self._imitated[host] = self._imitation(host)
        return self._imitated[host]

    def _imitation(self, host: str) -> Organisation | None:
        if self.owner_of(host) is not None:
            return None
        domain = registrable_domain(host)
        label = _label(domain)
        # every word of the host but its public suffix: "www.bloomberg.news-now.xyz" -> www bloomberg news now
        words = regex.split(r"[-.]", host[: len(host) - len(domain)] + label)
        words = [word for word in words if word]
        for organisation in self.organisations:
            for official in organisation.labels:
                if official in words and all(word in LOOKALIKE_FILLER for word in words if word != official):
                    return organisation
                if len(official) >= MIN_TYPO_LABEL and official not in LOOKALIKE_FILLER and (
                    label == official  # reuters.co for reuters.com
                    # reutres.com, bloornberg.com (lengths two apart are two edits apart at least)
                    or abs(len(label) - len(official)) <= 1 and edit_distance(label, official) == 1
                ):
                    return organisation
        return None


def _label(domain: str) -> str:
    """The registrable domain without its public suffix: 'meti' for meti.go.jp."""
    suffix = public_suffix(domain)
    return domain[: -len(suffix) - 1] if suffix and domain.endswith("." + suffix) else domain


def _organisation(name: str, entry: Mapping[str, Any]) -> Organisation:
    def strings(key: str) -> tuple[str, ...]:
        value = entry.get(key) or ()
        return tuple(item.strip() for item in ([value] if isinstance(value, str) else value) if str(item).strip())

    return Organisation(name.strip(), tuple(domain.lower() for domain in strings("domains")), strings("aliases"),
                        tuple(topic.lower() for topic in strings("topics")))


def _keeps_case(name: str) -> bool:
    """Acronyms are matched with their case: 'AP' is not 'ap', 'WHO' is not 'who'."""
    return len(name) <= 5 and name.upper() == name


def _normal(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


def _names_pattern(cased: list[str], uncased: list[str]) -> PlainFastPattern | None:
    def alternation(names: list[str]) -> str:
        escaped = sorted({regex.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]") for name in names},
                         key=len, reverse=True)
        return "|".join(escaped)

    parts = []
    if cased:
        parts.append(f"(?-i:{alternation(cased)})")
    if uncased:
        parts.append(alternation(uncased))
    if not parts:
        return None
    return PlainFastPattern(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", regex.IGNORECASE)


def topic_pattern(organisation: Organisation) -> regex.Pattern | None:
    """Word prefixes of the organisation's topics, as one pattern."""
    if not organisation.topics:
        return None
    body = "|".join(regex.escape(topic).replace(r"\ ", r"\s+") for topic in organisation.topics)
    return regex.compile(rf"(?<![\w-])(?:{body})", regex.IGNORECASE)
