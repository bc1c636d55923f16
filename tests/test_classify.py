"""SentenceClassifier keeps the scikit-learn contract, labels in a fixed order, and explains itself."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from framing import FramingError
from framing.classify import SentenceClassifier
from framing.types import LABELS


def test_classes_are_in_the_fixed_label_order(small_model):
    assert list(small_model.classes_) == list(LABELS)


def test_predictions_have_the_right_shapes(small_model, small_data):
    texts = list(small_data.texts[:20])
    proba = small_model.predict_proba(texts)
    assert proba.shape == (20, 4)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert small_model.decision_function(texts).shape == (20, 4)
    assert set(small_model.predict(texts)) <= set(LABELS)
    assert (small_model.predict(texts) == small_model.classes_[proba.argmax(axis=1)]).all()


def test_clone_and_params_round_trip():
    model = SentenceClassifier(C=0.7, context=False)
    copy = clone(model)
    assert copy.get_params() == model.get_params()
    copy.set_params(C=3.0)
    assert copy.C == 3.0 and model.C == 0.7
    assert not hasattr(copy, "model_")


def test_not_fitted_raises():
    with pytest.raises(NotFittedError):
        SentenceClassifier().predict(["A sentence."])


def test_pipeline_cross_val_score_and_grid_search(small_data):
    texts, labels = list(small_data.texts), list(small_data.labels)
    pipeline = Pipeline([("strip", FunctionTransformer(lambda X: [x.strip() for x in X])),
                         ("clf", SentenceClassifier(max_char_features=5000))])
    pipeline.fit(texts, labels)
    assert set(pipeline.predict(texts[:5])) <= set(LABELS)
    scores = cross_val_score(SentenceClassifier(max_char_features=5000), texts, labels, cv=3)
    assert len(scores) == 3 and all(0.0 <= s <= 1.0 for s in scores)
    search = GridSearchCV(SentenceClassifier(max_char_features=5000), {"C": [0.5, 2.0]}, cv=2).fit(texts, labels)
    assert search.best_params_["C"] in (0.5, 2.0)


def test_same_random_state_same_model(small_data):
    texts, labels, docs = list(small_data.texts), list(small_data.labels), list(small_data.doc_ids)
    a = SentenceClassifier(random_state=3).fit(texts, labels, doc_ids=docs)
    b = SentenceClassifier(random_state=3).fit(texts, labels, doc_ids=docs)
    np.testing.assert_array_equal(a.model_.coef_, b.model_.coef_)
    np.testing.assert_array_equal(a.predict_proba(texts[:50]), b.predict_proba(texts[:50]))


def test_explain_names_the_features_behind_each_label(small_model):
    explanation = small_model.explain('"We will never accept this outcome," the minister said.', top=3)
    assert set(explanation) == set(LABELS)
    for contributions in explanation.values():
        values = [v for _, v in contributions]
        assert values == sorted(values, reverse=True) and all(v > 0 for v in values)
    names = [name for name, _ in explanation["direct_quote"]]
    assert any(name.startswith("cue:") for name in names)


def test_a_quote_is_labelled_as_a_quote(small_model):
    label = small_model.predict(['"We will rebuild every home that was lost, whatever it costs," the mayor said.'])[0]
    assert label == "direct_quote"


@pytest.mark.parametrize(
    ("X", "y", "message"),
    [("just one string", ["background"], "list of sentences"), (["a", "b"], ["background", "opinion"], "unknown labels"),
     (["a", "b"], ["background"], "2 sentences but 1 labels"), (["a", "b"], ["background", "background"], "two different labels")],
)
def test_bad_training_input(X, y, message):
    with pytest.raises(FramingError, match=message):
        SentenceClassifier().fit(X, y)


def test_character_ngrams_can_be_switched_on(small_data):
    texts, labels = list(small_data.texts[:200]), list(small_data.labels[:200])
    plain = SentenceClassifier().fit(texts, labels)
    with_chars = SentenceClassifier(char_ngrams=(2, 4), max_char_features=2000).fit(texts, labels)
    assert not any(str(n).startswith("char:") for n in plain.feature_names())
    assert sum(str(n).startswith("char:") for n in with_chars.feature_names()) == 2000
    assert len(with_chars.feature_names()) == with_chars.model_.coef_.shape[1]
    assert with_chars.predict_proba(texts[:5]).shape == (5, 4)


def test_a_model_fitted_with_other_cue_features_is_refused(small_model):
    import copy

    old = copy.deepcopy(small_model)
    old.cue_names_ = small_model.cue_names_[:-1]  # as if pickled by a framing with one cue fewer
    with pytest.raises(FramingError, match="retrain"):
        old.predict(["The minister said the talks would resume."])
    del old.cue_names_  # a pickle from before the names were recorded
    with pytest.raises(FramingError, match="retrain"):
        old.predict_proba(["The talks resume on Monday."])
