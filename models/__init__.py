"""The shipped sentence model and its card (installed as ``framing.models``).

Reproduce it from a checkout with:
    framing train seeds/corpus/sentences.jsonl --out models/sentence-model.joblib
"""
