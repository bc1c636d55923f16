"""The whole job on one page: clean, split into sentences, label each sentence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .clean import clean
from .sentences import split_sentences
from .types import Article


@dataclass(frozen=True, slots=True)
class LabeledSentence:
    """A body sentence with its label; ``start``/``end`` are offsets into its paragraph."""

    text: str
    paragraph: int
    start: int
    end: int
    label: str
    probabilities: dict[str, float]


@dataclass(frozen=True, slots=True)
class Analysis:
    article: Article
    sentences: tuple[LabeledSentence, ...]

    def label_counts(self) -> dict[str, int]:
        from .types import LABELS

        return {label: sum(s.label == label for s in self.sentences) for label in LABELS}


def analyze(page: str | bytes | Article, model: object | None = None) -> Analysis:
    """Clean a page (or take an Article already cleaned), split its body and label every sentence.

    ``model`` is a fitted SentenceClassifier; None loads the shipped one (once per call: pass a
    model when analysing many pages, or use ``analyze_many``).
    """
    return next(iter(analyze_many([page], model)))


def analyze_many(pages: Iterable[str | bytes | Article], model: object | None = None) -> Iterable[Analysis]:
    """``analyze`` over many pages with one model, one classifier call per page."""
    if model is None:
        from .persist import load_model

        model = load_model()
    for page in pages:
        article = page if isinstance(page, Article) else clean(page)
        pieces = [(p, s) for p, paragraph in enumerate(article.body) for s in split_sentences(paragraph)]
        if not pieces:
            yield Analysis(article, ())
            continue
        texts = [s.text for _, s in pieces]
        probabilities = model.predict_proba(texts, doc_ids=[0] * len(texts))  # type: ignore[attr-defined]
        classes: Sequence[str] = [str(c) for c in model.classes_]  # type: ignore[attr-defined]
        sentences = tuple(
            LabeledSentence(
                text=s.text, paragraph=p, start=s.start, end=s.end,
                label=classes[int(row.argmax())],
                probabilities={c: round(float(v), 4) for c, v in zip(classes, row)},
            )
            for (p, s), row in zip(pieces, probabilities)
        )
        yield Analysis(article, sentences)
