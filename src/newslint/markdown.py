"""Parser for Markdown articles.

markdown-it-py gives the block structure (CommonMark, with line maps), or for a document
of nothing but headings and paragraphs markdown_blocks reads it line by line; the inline
markup of each block (links, code spans, HTML, emphasis) is then scanned directly in
the source so that every link and every character of prose keeps its exact offset.
Front matter is read here and never linted as prose.
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib

import regex

from newslint.errors import UserError
from newslint.markdown_blocks import simple_blocks
from newslint.structure import Block, BlockKind, Comment, FrontMatter, Link, Structure
from newslint.textutil import (
    HTML_COMMENT,
    URL_START,
    Blanker,
    blank,
    is_title_like,
    may_hold_url,
    strip_span,
    trim_url,
)
from newslint.yamlload import LineDict, load_yaml


@functools.cache
def _markdown_it():
    """The CommonMark parser, imported and built when a document is not simple (markdown_blocks).

    Only the block tokens and their line maps are used: the inline markup is scanned here (see
    _scan_inline), so markdown-it's own inline parse (a third of its time) is switched off.
    """
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable(["inline", "text_join"])


def _normal_label(label: str) -> str:
    """A reference label as CommonMark matches it (markdown-it's normalizeReference)."""
    from markdown_it.common.utils import normalizeReference

    return normalizeReference(label)

_NEWLINE = r"(?:\r\n|\r|\n)"
_FRONT_MATTER = regex.compile(
    rf"\A(?P<fence>---|\+\+\+)[ \t]*{_NEWLINE}(?P<body>(?:.*?{_NEWLINE})??)(?:(?P=fence)|\.\.\.)[ \t]*(?:{_NEWLINE}|\Z)",
    regex.DOTALL,
)
_CONTAINER_PREFIX = regex.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
_LIST_ITEM_PREFIX = regex.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")
_ATX_OPEN = regex.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = regex.compile(r"(?:[ \t]+#+)?[ \t]*$")
_DEFINITION = regex.compile(
    r"[ \t]{0,3}(?:>[ \t]?)*\[(?P<label>(?:\\.|[^\\\]])+)\]:[ \t]*(?:\r\n|\r|\n)?[ \t]*(?:<(?P<angle>[^<>\r\n]*)>|(?P<bare>\S+))"
)
_INLINE_MARKUP = r"""
      (?P<escape>\\[!-/:-@\[-`{-~])
    | (?P<code>`+)
    | (?P<comment><!--)
    | (?P<autolink><[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x00-\x20]*>)
    | (?P<email><[A-Za-z0-9.!\#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?
                (?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>)
    | (?P<html></?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>)
    | (?P<image>!\[)
    | (?P<open>\[)
    | (?P<emphasis>\*+|_+|~~)
"""
_INLINE = regex.compile(_INLINE_MARKUP + rf"""| (?P<url>{URL_START}[^\s<>"'`]+)""", regex.VERBOSE)
# The url branch, tried at every letter, is what makes _INLINE slow (20 times slower than the
# rest); a URL needs "://", ":/", "//" or "www.", so text without them is scanned without it.
_INLINE_WITHOUT_URL = regex.compile(_INLINE_MARKUP, regex.VERBOSE)
# A character every _INLINE_MARKUP match starts with: most paragraphs of an article hold
# none, and stdlib re rules them out about three times faster than a search of _INLINE.
_MARKUP_CHARACTER = re.compile(r"[\\`<\[*_~]")
_HTML_OPEN_TAG = regex.compile(r"<[Aa]\s[^<>]*>")
_HTML_ANCHOR = regex.compile(
    r"<a\s(?:[^<>]*?\s)?href\s*=\s*(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'|(?P<bare>[^\s\"'<>=`]+))[^<>]*>",
    regex.IGNORECASE,
)
_HTML_ANCHOR_CLOSE = regex.compile(r"</a\s*>", regex.IGNORECASE)
# Links and destinations longer than this are not links: a cap that keeps scanning linear.
_MAX_LINK_SCAN = 2000
_PUNCTUATION_OR_SPACE = set(" \t\r\n!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’")


def parse_markdown(text: str, lines: list[tuple[int, int]], fast: bool = True) -> Structure:
    """Build the Structure of a Markdown document from its text and line spans."""
    parser = _MarkdownParser(text, lines)
    return parser.parse(fast)


class _MarkdownParser:
    def __init__(self, text: str, lines: list[tuple[int, int]]):
        self.text = text
        self.lines = lines
        self.line_starts = [start for start, _ in lines]
        self.visible: list[tuple[int, int]] = []  # prose spans (before inline markup is hidden)
        self.hidden = Blanker(text)  # inline markup inside visible spans
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.comments: list[Comment] = []
        self.problems: list[tuple[int, str]] = []
        self.definitions: dict[str, tuple[str, int, int]] = {}
        self.references: dict[str, dict] = {}

    # -- driver -------------------------------------------------------------------

    def parse(self, fast: bool = True) -> Structure:
        """fast: read a document of headings and paragraphs without markdown-it (see markdown_blocks)."""
        front_matter, body = self._front_matter()
        simple = simple_blocks(body, self.lines) if fast else None
        if simple is not None:
            for block in simple:
                self._inline_block((block.first, block.last + 1), block.kind, block.level, block.quoted, set())
        else:
            env: dict = {}
            tokens = _markdown_it().parse(body, env)
            self.references = env.get("references", {})
            self._definitions()
            self._walk(tokens)
        prose = self._build_prose()
        self.blocks = [block for block in (_trimmed(block, prose) for block in self.blocks) if block]
        if self.blocks and self.blocks[0].kind == BlockKind.HEADING and self.blocks[0].level <= 2:
            first = self.blocks[0]
            self.blocks[0] = Block(BlockKind.HEADLINE, first.start, first.end, first.level, first.quoted)
        self.links.sort(key=lambda link: link.start)
        self.comments.sort(key=lambda comment: comment.start)
        return Structure(prose, self.blocks, self.links, self.comments, front_matter, self.problems)

    def _build_prose(self) -> str:
        blanker = Blanker(self.text)
        position = 0
        for start, end in sorted(self.visible):
            blanker.add(position, start)
            position = max(position, end)
        blanker.add(position, len(self.text))
        for span in self.hidden.spans:
            blanker.add(*span)
        return blanker.build()

    # -- front matter -------------------------------------------------------------

    def _front_matter(self) -> tuple[FrontMatter | None, str]:
        """Read front matter; return it and the text with it blanked (line numbers kept)."""
        match = _FRONT_MATTER.match(self.text)
        if not match:
            return None, self.text
        body = match.group("body")
        body_start = match.start("body")
        first_line = self._line_of(body_start)
        fields: dict = {}
        try:
            if match.group("fence") == "+++":
                fields = tomllib.loads(body)
            else:
                loaded = load_yaml(body, "front matter", first_line) if body.strip() else {}
                if loaded is not None and not isinstance(loaded, dict):
                    raise UserError("front matter must be a mapping of fields", "front matter", first_line)
                fields = loaded or {}
        except UserError as exc:
            self.problems.append((self._offset_of_line(exc.line or first_line), exc.message))
        except tomllib.TOMLDecodeError as exc:
            self.problems.append((body_start, f"invalid TOML front matter: {exc}"))
        spans = self._front_matter_value_spans(fields, body_start, first_line)
        front_matter = FrontMatter(fields, match.start(), match.end(), spans)
        return front_matter, blank(self.text[: match.end()]) + self.text[match.end():]

    def _front_matter_value_spans(self, fields: dict, body_start: int, first_line: int) -> dict:
        spans = {}
        for key, value in fields.items():
            if isinstance(value, (dict, list)) or not isinstance(key, str):
                continue
            if isinstance(fields, LineDict):
                line = fields.key_lines[key] + first_line - 1
            else:
                line = self._find_key_line(key, body_start)
            if line is None:
                continue
            start, end = self.lines[line - 1]
            found = regex.match(
                rf"[ \t]*[\"']?{regex.escape(key)}[\"']?[ \t]*[:=][ \t]*(?P<q>[\"']?)(?P<v>.*?)(?P=q)[ \t]*(?:#.*)?$",
                self.text[start:end],
            )
            if found:
                spans[key] = (start + found.start("v"), start + found.end("v"))
        return spans

    def _find_key_line(self, key: str, body_start: int) -> int | None:
        pattern = regex.compile(rf"^[ \t]*[\"']?{regex.escape(key)}[\"']?[ \t]*=", regex.MULTILINE)
        found = pattern.search(self.text, body_start)
        return self._line_of(found.start()) if found else None

    # -- blocks -------------------------------------------------------------------

    def _walk(self, tokens) -> None:
        list_item_lines: set[int] = set()
        quote_depth = 0
        pending_kind = BlockKind.PARAGRAPH
        pending_level = 0
        list_depth = 0
        table_rows_done: set[int] = set()
        in_table = False
        for token in tokens:
            kind = token.type
            if kind == "list_item_open":
                list_depth += 1
                list_item_lines.add(token.map[0])
            elif kind == "list_item_close":
                list_depth -= 1
            elif kind == "blockquote_open":
                quote_depth += 1
            elif kind == "blockquote_close":
                quote_depth -= 1
            elif kind == "table_open":
                in_table = True
            elif kind == "table_close":
                in_table = False
            elif kind == "heading_open":
                pending_kind, pending_level = BlockKind.HEADING, int(token.tag[1])
            elif kind == "paragraph_open":
                pending_kind, pending_level = (BlockKind.LIST_ITEM if list_depth else BlockKind.PARAGRAPH), 0
            elif kind == "html_block":
                self._html_comments(*self._region(token.map))
                self._html_block_anchors(*self._region(token.map))
            elif kind == "inline" and token.map:
                if in_table:
                    if token.map[0] not in table_rows_done:
                        table_rows_done.add(token.map[0])
                        self._inline_block(token.map, BlockKind.LINE, 0, quote_depth > 0, list_item_lines, table=True)
                    continue
                self._inline_block(token.map, pending_kind, pending_level, quote_depth > 0, list_item_lines)

    def _inline_block(self, line_map, kind, level, quoted, list_item_lines, table=False) -> None:
        first, last = line_map[0], line_map[1] - 1
        content_spans = []
        for index in range(first, last + 1):
            start, end = self.lines[index]
            prefix = _LIST_ITEM_PREFIX if index in list_item_lines else _CONTAINER_PREFIX
            start = prefix.match(self.text, start, end).end()
            if kind == BlockKind.HEADING:
                atx = _ATX_OPEN.match(self.text, start, end)
                if atx:  # setext headings have no opening marker
                    start = atx.end()
                    end = _ATX_CLOSE.search(self.text, start, end).start()
            content_spans.append((start, end))
        self.visible.extend(content_spans)
        region_start, region_end = content_spans[0][0], content_spans[-1][1]
        if table:
            for match in regex.finditer(r"\|", self.text[region_start:region_end]):
                self.hidden.add(region_start + match.start(), region_start + match.end())
        self._scan_inline(region_start, region_end, allow_links=True, allowed=content_spans)
        if kind == BlockKind.PARAGRAPH and first == last:
            kind = BlockKind.LINE  # decided for good once the prose is known (see _trimmed)
        self.blocks.append(Block(kind, region_start, region_end, level, quoted))

    def _region(self, line_map) -> tuple[int, int]:
        return self.lines[line_map[0]][0], self.lines[line_map[1] - 1][1]

    def _html_comments(self, start: int, end: int) -> None:
        for match in HTML_COMMENT.finditer(self.text, start, end):
            self.comments.append(Comment(match.start(), match.end(), match.group(1).strip()))

    def _html_anchor(self, tag, end: int) -> Link | None:
        """Record ``<a href="...">text</a>`` opened by the tag matched; return the link."""
        opening = _HTML_ANCHOR.fullmatch(tag.group())
        if opening is None:
            return None
        closing = _HTML_ANCHOR_CLOSE.search(self.text, tag.end(), min(end, tag.end() + _MAX_LINK_SCAN))
        if closing is None:
            return None
        group = next(name for name in ("double", "single", "bare") if opening.group(name) is not None)
        target_start, target_end = tag.start() + opening.start(group), tag.start() + opening.end(group)
        link = Link("html", self.text[target_start:target_end], self.text[tag.end():closing.start()],
                    tag.start(), closing.end(), tag.end(), closing.start(), target_start, target_end)
        self.links.append(link)
        return link

    def _html_block_anchors(self, start: int, end: int) -> None:
        """Links in a block of raw HTML (its text is not prose, but its links are still links)."""
        for tag in _HTML_OPEN_TAG.finditer(self.text, start, end):
            self._html_anchor(tag, end)

    def _definitions(self) -> None:
        """Find where each reference definition's destination is written."""
        for label, reference in self.references.items():
            line_map = reference.get("map")
            if not line_map:
                continue
            start, end = self._region(line_map)
            match = _DEFINITION.match(self.text, start, end)
            if not match or _normal_label(match.group("label")) != label:
                continue
            group = "angle" if match.group("angle") is not None else "bare"
            self.definitions[label] = (match.group(group), match.start(group), match.end(group))

    # -- inline -------------------------------------------------------------------

    def _scan_inline(self, start: int, end: int, allow_links: bool, allowed=None) -> None:
        text = self.text
        position = start
        if may_hold_url(text, start, end):
            pattern = _INLINE
        elif _MARKUP_CHARACTER.search(text, start, end):
            pattern = _INLINE_WITHOUT_URL
        else:
            return
        while position < end:
            match = pattern.search(text, position, end)
            if not match:
                return
            if allowed and not _inside(match.start(), allowed):
                position = match.start() + 1
                continue
            group = match.lastgroup
            position = match.end()
            if group == "escape":
                self.hidden.add(match.start(), match.start() + 1)
            elif group == "code":
                close = regex.compile(rf"(?<!`){match.group()}(?!`)").search(text, match.end(), end)
                if close:
                    self.hidden.add(match.start(), close.end())
                    position = close.end()
            elif group == "comment":
                close = text.find("-->", match.end(), end)
                if close >= 0:
                    body = text[match.end():close].strip()
                    self.comments.append(Comment(match.start(), close + 3, body))
                    self.hidden.add(match.start(), close + 3)
                    position = close + 3
            elif group in ("autolink", "email"):
                inner_start, inner_end = match.start() + 1, match.end() - 1
                self.links.append(
                    Link("autolink", text[inner_start:inner_end], "", match.start(), match.end(),
                         inner_start, inner_start, inner_start, inner_end)
                )
                self.hidden.add(match.start(), match.end())
            elif group == "html":
                anchor = self._html_anchor(match, end)
                self.hidden.add(match.start(), match.end())
                if anchor is not None:  # <a href="...">text</a>: the text stays prose
                    self._scan_inline(match.end(), anchor.text_end, allow_links=False)
                    self.hidden.add(anchor.text_end, anchor.end)
                    position = anchor.end
            elif group in ("image", "open"):
                position = self._bracket(match, end, allow_links)
            elif group == "emphasis":
                if _is_delimiter(text, match.start(), match.end()):
                    self.hidden.add(match.start(), match.end())
            elif group == "url":
                url_start, url_end = trim_url(match.start(), match.group())
                self.links.append(
                    Link("bare", text[url_start:url_end], "", url_start, url_end, url_start, url_start, url_start, url_end)
                )
                self.hidden.add(url_start, url_end)
                position = url_end

    def _bracket(self, match, end: int, allow_links: bool) -> int:
        """Handle ``[`` or ``![``: a link or image if one is written here; return where to go on."""
        is_image = match.lastgroup == "image"
        open_at = match.end() - 1
        close = _matching_bracket(self.text, open_at, end)
        if close < 0 or not (allow_links or is_image):
            return match.end()
        text_start, text_end = open_at + 1, close
        after = close + 1
        destination = None
        link_end = None
        kind = "inline"
        if after < end and self.text[after] == "(":
            parsed = _destination(self.text, after, end)
            if parsed:
                dest_start, dest_end, link_end = parsed
                destination = (self.text[dest_start:dest_end], dest_start, dest_end)
        if destination is None and after < end and self.text[after] == "(":
            broken = _broken_destination(self.text, after, end)
            if broken is not None:  # "[IMF](https://imf org/japan)": meant as a link, not one
                kind = "broken"
                dest_start, dest_end, link_end = broken
                destination = (self.text[dest_start:dest_end], dest_start, dest_end)
        if destination is None:
            kind = "reference"
            label_text = self.text[text_start:text_end]
            link_end = after
            if after < end and self.text[after] == "[":
                label_close = self.text.find("]", after + 1, min(end, after + 1 + _MAX_LINK_SCAN))
                if label_close >= 0:
                    if label_close > after + 1:
                        label_text = self.text[after + 1:label_close]
                    link_end = label_close + 1
            destination = self.definitions.get(_normal_label(label_text)) if self.definitions else None
            if destination is None:
                return match.end()
        if is_image:
            self.hidden.add(match.start(), link_end)
            return link_end
        target, target_start, target_end = destination
        self.links.append(
            Link(kind, target, self.text[text_start:text_end], match.start(), link_end,
                 text_start, text_end, target_start, target_end)
        )
        self.hidden.add(match.start(), text_start)
        self.hidden.add(text_end, link_end)
        self._scan_inline(text_start, text_end, allow_links=False)
        return link_end

    # -- positions ----------------------------------------------------------------

    def _line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def _offset_of_line(self, line: int) -> int:
        return self.lines[min(max(line, 1), len(self.lines)) - 1][0]


def _trimmed(block: Block, prose: str) -> Block | None:
    """The block without surrounding blanks; a one-line paragraph stays LINE only if title-like."""
    start, end = strip_span(prose, block.start, block.end)
    if end <= start:
        return None
    kind = block.kind
    if kind == BlockKind.LINE and not is_title_like(prose[start:end]):
        kind = BlockKind.PARAGRAPH
    return Block(kind, start, end, block.level, block.quoted)


def _inside(offset: int, spans) -> bool:
    return any(start <= offset < end for start, end in spans)


def _matching_bracket(text: str, open_at: int, end: int) -> int:
    """Index of the ``]`` closing the ``[`` at open_at, or -1."""
    depth = 0
    limit = min(end, open_at + _MAX_LINK_SCAN)
    index = open_at
    while index < limit:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def _destination(text: str, open_paren: int, end: int):
    """Parse ``(dest "title")`` at open_paren; return (dest_start, dest_end, after) or None."""
    limit = min(end, open_paren + _MAX_LINK_SCAN)
    index = open_paren + 1
    while index < limit and text[index] in " \t\r\n":
        index += 1
    if index < limit and text[index] == "<":
        close = text.find(">", index + 1, limit)
        if close < 0 or any(c in "\r\n" for c in text[index:close]):
            return None
        dest_start, dest_end = index + 1, close
        index = close + 1
    else:
        dest_start = index
        depth = 0
        while index < limit:
            char = text[index]
            if char == "\\":
                index += 2
                continue
            if char.isspace() or ord(char) < 32:
                break
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            index += 1
        dest_end = index
    while index < limit and text[index] in " \t\r\n":
        index += 1
    if index < limit and text[index] in "\"'(":
        closer = ")" if text[index] == "(" else text[index]
        close = text.find(closer, index + 1, limit)
        if close < 0:
            return None
        index = close + 1
        while index < limit and text[index] in " \t\r\n":
            index += 1
    if index < limit and text[index] == ")":
        return dest_start, min(dest_end, limit), index + 1
    return None


def _broken_destination(text: str, open_paren: int, end: int):
    """``(htps://imf org/x)`` on one line that is not a valid destination but meant as a URL."""
    limit = min(end, open_paren + _MAX_LINK_SCAN)
    close = text.find(")", open_paren + 1, limit)
    if close < 0:
        return None
    inside = text[open_paren + 1:close]
    if "\n" in inside or "\r" in inside or not regex.match(r"\s*(?:[A-Za-z][\w+.-]*:/|www\.)", inside):
        return None
    start = open_paren + 1 + len(inside) - len(inside.lstrip())
    return start, open_paren + 1 + len(inside.rstrip()), close + 1


def _is_delimiter(text: str, start: int, end: int) -> bool:
    """Whether a run of ``*``, ``_`` or ``~~`` opens or closes emphasis (simplified CommonMark)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left_flanking = not after.isspace() and (after not in _PUNCTUATION_OR_SPACE or before in _PUNCTUATION_OR_SPACE)
    right_flanking = not before.isspace() and (before not in _PUNCTUATION_OR_SPACE or after in _PUNCTUATION_OR_SPACE)
    if text[start] == "_" and before.isalnum() and after.isalnum():
        return False
    return left_flanking or right_flanking
