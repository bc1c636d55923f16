"""SentenceClassifier: a linear model of whose voice a sentence is in.

Features: word n-grams of the sentence with quoted words marked (``features.mark_quotes``), the
reader's cues (``features.CueFeatures``), and a few features of the neighbouring sentences of the
same article (``features.context_matrix``). One multinomial logistic regression over all of them,
so every decision can be read back as a sum of weights (``explain``). Character n-grams are
available (``char_ngrams``) but off by default: they cost two thirds of the labelling time and
bought no accuracy on real news (docs/decisions.md).

Context is optional at every step. Trained with ``doc_ids``, the model sees each sentence twice,
once with its neighbours and once alone, so it labels a sentence that comes alone as well as
one inside its article.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from .errors import FramingError
from .features import CONTEXT_NAMES, CUE_NAMES, CueFeatures, context_matrix, mark_quotes, quote_runs
from .types import LABELS


class SentenceClassifier(ClassifierMixin, BaseEstimator):
    """Label sentences as attribution, direct_quote, editorial_framing or background.

    Parameters
    ----------
    C : inverse regularisation strength of the logistic regression. The defaults (C = 1, word
        unigrams, cue weight 0.5) fit the written corpus less tightly than its own cross-validation
        would choose, and transfer better to real news (docs/decisions.md).
    word_ngrams : n-gram range of the word TF-IDF features.
    char_ngrams : n-gram range of character TF-IDF features, or None (the default) for none.
    max_char_features : cap on the character n-gram vocabulary, when there is one.
    cue_weight, context_weight : scale of the cue and context features against the n-grams.
    context : use neighbouring sentences when ``doc_ids`` are given.
    class_weight : passed to LogisticRegression. None (the default) keeps the training data's
        label shares, which are closer to real news than "balanced" (that gives editorial framing,
        the rarest label in news, as much weight as the others).
    max_iter, random_state : passed to LogisticRegression.
    """

    def __init__(
        self,
        C: float = 1.0,
        word_ngrams: tuple[int, int] = (1, 1),
        char_ngrams: tuple[int, int] | None = None,
        max_char_features: int = 60000,
        cue_weight: float = 0.5,
        context_weight: float = 1.0,
        context: bool = True,
        class_weight: str | dict | None = None,
        max_iter: int = 3000,
        random_state: int | None = 0,
    ) -> None:
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.max_char_features = max_char_features
        self.cue_weight = cue_weight
        self.context_weight = context_weight
        self.context = context
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.random_state = random_state

    # -- fitting -------------------------------------------------------------------------------

    def fit(self, X: Sequence[str], y: Sequence[str], doc_ids: Sequence[object] | None = None) -> SentenceClassifier:
        texts = _texts(X)
        labels = np.asarray(list(y), dtype=object)
        if len(labels) != len(texts):
            raise FramingError(f"{len(texts)} sentences but {len(labels)} labels")
        unknown = sorted(set(labels) - set(LABELS))
        if unknown:
            raise FramingError(f"unknown labels {unknown} (known: {', '.join(LABELS)})")
        if len({str(label) for label in labels}) < 2:
            raise FramingError("training data needs at least two different labels")
        runs = [quote_runs(t) for t in texts]
        marked = [mark_quotes(t, r) for t, r in zip(texts, runs)]
        self.word_vectorizer_ = TfidfVectorizer(ngram_range=tuple(self.word_ngrams), min_df=2, sublinear_tf=True, lowercase=True)
        self.char_vectorizer_ = None if self.char_ngrams is None else TfidfVectorizer(
            analyzer="char_wb", ngram_range=tuple(self.char_ngrams), min_df=3, sublinear_tf=True,
            max_features=self.max_char_features,
        )
        self.cues_ = CueFeatures().fit(texts)
        self.cue_names_ = CUE_NAMES + CONTEXT_NAMES
        try:
            words = self.word_vectorizer_.fit_transform(marked)
            chars = None if self.char_vectorizer_ is None else self.char_vectorizer_.fit_transform(marked)
        except ValueError as e:  # scikit-learn: "empty vocabulary"
            raise FramingError(f"too little training text to build a vocabulary ({e})") from None
        for vectorizer in filter(None, (self.word_vectorizer_, self.char_vectorizer_)):
            # a memory address scikit-learn keeps to spot changed stop words (we use none);
            # it would make two fits of the same data pickle to different bytes
            vectorizer.__dict__.pop("_stop_words_id", None)
        cues = self.cues_.transform(texts, runs)
        alone = self._stack(words, chars, cues, context_matrix(texts, None))
        if self.context and doc_ids is not None:
            with_context = self._stack(words, chars, cues, context_matrix(texts, list(doc_ids), runs))
            matrix, target = sp.vstack([alone, with_context]).tocsr(), np.concatenate([labels, labels])
        else:
            matrix, target = alone, labels
        self.model_ = LogisticRegression(
            C=self.C, class_weight=self.class_weight, max_iter=self.max_iter, random_state=self.random_state,
        ).fit(matrix, target)
        self.classes_ = np.array([c for c in LABELS if c in self.model_.classes_], dtype=object)
        self._order_ = np.array([list(self.model_.classes_).index(c) for c in self.classes_])
        return self

    def _stack(self, words: sp.spmatrix, chars: sp.spmatrix | None, cues: np.ndarray, context: np.ndarray) -> sp.csr_matrix:
        blocks = [words] + ([] if chars is None else [chars])
        return sp.hstack(
            blocks + [sp.csr_matrix(cues * self.cue_weight), sp.csr_matrix(context * self.context_weight)]
        ).tocsr()

    def _matrix(self, X: Sequence[str], doc_ids: Sequence[object] | None) -> sp.csr_matrix:
        check_is_fitted(self, "model_")
        if getattr(self, "cue_names_", None) != CUE_NAMES + CONTEXT_NAMES:
            # the cue features are code: a model fitted by another version of framing would
            # otherwise fail deep inside scikit-learn, or silently read the wrong columns
            raise FramingError(
                "this model was trained with another version of framing's cue features; retrain it "
                "(framing train ..., docs/training.md)"
            )
        texts = _texts(X)
        runs = [quote_runs(t) for t in texts]  # once per sentence, shared by every feature below
        marked = [mark_quotes(t, r) for t, r in zip(texts, runs)]
        context = context_matrix(texts, list(doc_ids) if self.context and doc_ids is not None else None, runs)
        return self._stack(
            self.word_vectorizer_.transform(marked),
            None if self.char_vectorizer_ is None else self.char_vectorizer_.transform(marked),
            self.cues_.transform(texts, runs), context,
        )

    # -- predicting ----------------------------------------------------------------------------

    def decision_function(self, X: Sequence[str], doc_ids: Sequence[object] | None = None) -> np.ndarray:
        """One score per label (columns in ``classes_`` order); the largest wins."""
        matrix = self._matrix(X, doc_ids)
        return self.model_.decision_function(matrix)[:, self._order_]

    def predict_proba(self, X: Sequence[str], doc_ids: Sequence[object] | None = None) -> np.ndarray:
        """Probabilities per label, columns in ``classes_`` order (LABELS order)."""
        matrix = self._matrix(X, doc_ids)
        return self.model_.predict_proba(matrix)[:, self._order_]

    def predict(self, X: Sequence[str], doc_ids: Sequence[object] | None = None) -> np.ndarray:
        probabilities = self.predict_proba(X, doc_ids)
        return self.classes_[np.argmax(probabilities, axis=1)]

    # -- reading the model ---------------------------------------------------------------------

    def feature_names(self) -> np.ndarray:
        check_is_fitted(self, "model_")
        return np.concatenate([
            np.array([f"word:{w}" for w in self.word_vectorizer_.get_feature_names_out()], dtype=object),
            np.array([] if self.char_vectorizer_ is None else
                     [f"char:{c}" for c in self.char_vectorizer_.get_feature_names_out()], dtype=object),
            self.cues_.get_feature_names_out(),
            np.array([f"context:{n}" for n in CONTEXT_NAMES], dtype=object),
        ])

    def explain(self, sentence: str, top: int = 5) -> dict[str, list[tuple[str, float]]]:
        """For each label, the features of this sentence that pushed hardest toward it.

        Contribution = feature value x weight for that label, the exact terms of the linear
        score (the intercept aside), largest first.
        """
        row = self._matrix([sentence], None).tocsr()
        names = self.feature_names()
        coef = self.model_.coef_[self._order_]
        explanation = {}
        for k, label in enumerate(self.classes_):
            contributions = row.data * coef[k, row.indices]
            best = np.argsort(-contributions)[:top]
            explanation[str(label)] = [
                (str(names[row.indices[j]]), float(contributions[j])) for j in best if contributions[j] > 0
            ]
        return explanation


def _texts(X: Sequence[str]) -> list[str]:
    if isinstance(X, str):
        raise FramingError("expected a list of sentences, got a single string")
    texts = list(X)
    bad = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
    if bad is not None:
        raise FramingError(f"sentence {bad} is {type(texts[bad]).__name__}, not str")
    return texts


__all__ = ["CUE_NAMES", "SentenceClassifier"]
