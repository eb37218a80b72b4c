"""HTML to plain text, so that an HTML page can be read like a text file.

The text keeps the page's visible words in reading order: markup is dropped, character
references (``&amp;``, ``&#8212;``) are decoded, ``script``, ``style`` and similar
invisible elements are skipped, and block elements (paragraphs, headings, list items, table
rows, ``<br>``) end a line so that a heading never runs into the paragraph after it. Offsets
in the events of an HTML document refer to this text, not to the HTML source.
"""

from __future__ import annotations

from html.parser import HTMLParser

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "title", "tr", "ul",
})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # depth inside invisible elements
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _INVISIBLE:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML page: the title, then the body, one block per line."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    title = " ".join("".join(collector.title).split())
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    body = "\n".join(line for line in lines if line)
    return f"{title}\n\n{body}" if title and body else title or body
