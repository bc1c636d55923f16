"""Plain, frozen records passed between the stages. No logic lives here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Decision = Literal["body", "chrome"]

# The four labels, in the fixed order every model, report and file uses.
LABELS: tuple[str, ...] = ("attribution", "direct_quote", "editorial_framing", "background")


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the page (a dump line, later an HTML block) and what the cleaner made of it.

    Every input line becomes a block, so a reader can always see what was dropped and why.
    """

    text: str
    decision: Decision
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and where it sits in the text it was cut from: ``text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned page: the body paragraphs in page order, the metadata, and every block."""

    title: str | None = None
    published: datetime | None = None
    modified: datetime | None = None  # when the page says it was last updated (HTML metadata)
    outlet: str | None = None
    credit: str | None = None
    url: str | None = None
    description: str | None = None
    keywords: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = field(default=(), repr=False)

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by blank lines."""
        return "\n\n".join(self.body)
