"""Writing files so that a crash never leaves half of one behind, and models with their cards.

A model is two files: the joblib artifact and a JSON card beside it. The card says what the model
is (labels, training data, parameters, metrics, versions) and carries the artifact's sha256,
which ``load_model`` checks before unpickling anything.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename over ``path``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes files private; give the usual mode
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_json_atomic(path: str | os.PathLike[str], obj: Any) -> None:
    write_text_atomic(path, json.dumps(obj, indent=1, ensure_ascii=False, sort_keys=True, default=str) + "\n")


# -- models -----------------------------------------------------------------------------------

CARD_FORMAT = 1
DEFAULT_MODEL_NAME = "sentence-model.joblib"
RETRAIN_COMMAND = "framing train seeds/corpus/sentences.jsonl --out models/sentence-model.joblib"


def card_path(model_path: str | os.PathLike[str]) -> Path:
    """The model card lives beside the artifact: model.joblib -> model.json."""
    return Path(model_path).with_suffix(".json")


def sha256_bytes(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def save_model(model: Any, card: dict[str, Any], path: str | os.PathLike[str]) -> dict[str, Any]:
    """Write the model and its card atomically; the card records the artifact's sha256.

    The artifact goes first and the card last, so a crash in between leaves a model that
    ``load_model`` refuses (its card is missing or does not match) rather than a wrong one.
    Returns the card as written.
    """
    import io

    import joblib

    buffer = io.BytesIO()
    joblib.dump(model, buffer, compress=3)
    data = buffer.getvalue()
    card = {**card, "format": CARD_FORMAT, "artifact": Path(path).name, "artifact_sha256": sha256_bytes(data)}
    write_bytes_atomic(path, data)
    write_json_atomic(card_path(path), card)
    return card


def default_model_path() -> Path:
    """The shipped model: inside the installed package, or models/ of a source checkout."""
    from importlib import resources

    try:
        candidate = Path(str(resources.files("framing.models") / DEFAULT_MODEL_NAME))
        if candidate.is_file():
            return candidate
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[1] / "models" / DEFAULT_MODEL_NAME


def read_card(path: str | os.PathLike[str]) -> dict[str, Any]:
    from .errors import FramingError

    card_file = card_path(path)
    if not card_file.is_file():
        raise FramingError(f"{path}: no model card {card_file.name} beside it; refusing to load an unchecked model")
    try:
        card = json.loads(card_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FramingError(f"{card_file}: unreadable model card ({e})") from None
    if not isinstance(card, dict):
        raise FramingError(f"{card_file}: the model card is not a JSON object")
    return card


def load_model(path: str | os.PathLike[str] | None = None) -> Any:
    """Load a model after checking its card: it exists, the artifact's sha256 matches, the label
    set is the known one, and scikit-learn is the version the model was trained with.

    Only these checks run before unpickling; they catch corruption, mix-ups and version drift,
    not a deliberately crafted file with a matching card. Load only model files you trust
    (docs/security.md).
    """
    import joblib
    import sklearn

    from .errors import FramingError
    from .types import LABELS

    model_path = Path(path) if path is not None else default_model_path()
    if not model_path.is_file():
        raise FramingError(f"{model_path}: no such model file")
    card = read_card(model_path)
    data = model_path.read_bytes()
    if card.get("artifact_sha256") != sha256_bytes(data):
        raise FramingError(f"{model_path}: sha256 does not match its model card; the file was changed or truncated")
    if tuple(card.get("labels") or ()) != LABELS:
        raise FramingError(f"{model_path}: the card's labels {card.get('labels')} are not {list(LABELS)}")
    trained = str((card.get("versions") or {}).get("scikit-learn", "unknown"))
    if _minor(trained) != _minor(sklearn.__version__):
        raise FramingError(
            f"{model_path}: trained with scikit-learn {trained}, but {sklearn.__version__} is installed; "
            f"retrain it with: {card.get('retrain_command') or RETRAIN_COMMAND}"
        )
    import io

    return joblib.load(io.BytesIO(data))


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])
