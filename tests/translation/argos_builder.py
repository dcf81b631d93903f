"""Builds real, loadable Argos Translate packages offline (random weights) for tests and benchmarks.

A package made here has the exact on-disk shape of an official one: a SentencePiece
tokenizer trained on Government of Canada headlines, a CTranslate2 Transformer
(model/model.bin, config.json, shared_vocabulary.json) and metadata.json, optionally
a rules-only MiniSBD sentence splitter (minisbd/<lang>.onnx). The weights are random,
so translations are noise, but loading, tokenising and decoding cost what a real
model of the same shape costs.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: Copy of the Canadian Digital Service headline pairs (MIT): see tests/data/gc-posts/SOURCE.md.
CORPUS = Path(__file__).resolve().parents[1] / "data" / "gc-posts" / "cds-headline-pairs.tsv"

SPECIAL_TOKENS = ["<unk>", "<blank>", "<s>", "</s>"]
#: Most pieces the headline corpus can support (hard_vocab_limit=False stops earlier if needed).
MAX_NATURAL_PIECES = 8_000


@dataclass(frozen=True)
class ModelShape:
    """Transformer dimensions of a package's model."""

    layers: int
    width: int
    heads: int
    ffn: int
    vocab_size: int


#: 2+2 layers, width 64: builds in about a second, translates a post in ~10 ms.
TINY = ModelShape(layers=2, width=64, heads=2, ffn=128, vocab_size=600)
#: Shapes of the official translate-en_fr 1.9 package (6+6, 512, 8 heads, FFN 2048, 50k vocab).
BASE = ModelShape(layers=6, width=512, heads=8, ffn=2048, vocab_size=50_000)


def corpus_lines() -> list[str]:
    """English and French sentences from the bundled headline pairs."""
    lines: list[str] = []
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            lines.extend(text for text in (row["en"], row["fr"]) if text)
    return lines


def train_tokenizer(out_dir: Path, vocab_size: int) -> list[str]:
    """Train ``sentencepiece.model`` in ``out_dir``; return the model vocabulary (specials first).

    Headlines alone give a few thousand pieces; when ``vocab_size`` is larger, the
    tokenizer is retrained with the remainder padded with synthetic user-defined
    pieces that never occur in text, so the decoder's output layer has the requested width.
    """
    import sentencepiece as spm

    lines = corpus_lines()
    with tempfile.TemporaryDirectory() as tmp:
        text_file = Path(tmp) / "corpus.txt"
        text_file.write_text("\n".join(lines), encoding="utf-8")

        def train(size: int, padding: list[str]) -> int:
            spm.SentencePieceTrainer.train(
                input=str(text_file), model_prefix=str(out_dir / "sentencepiece"),
                vocab_size=size, model_type="unigram", hard_vocab_limit=False,
                character_coverage=1.0, user_defined_symbols=padding, minloglevel=2,
            )
            return spm.SentencePieceProcessor(
                model_file=str(out_dir / "sentencepiece.model")).get_piece_size()

        natural = train(min(vocab_size, MAX_NATURAL_PIECES), [])
        if natural < vocab_size:
            padding = [f"\u2581zz{index:05d}" for index in range(vocab_size - natural)]
            train(vocab_size, padding)
    (out_dir / "sentencepiece.vocab").unlink()
    processor = spm.SentencePieceProcessor(model_file=str(out_dir / "sentencepiece.model"))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    return SPECIAL_TOKENS + [p for p in pieces if p not in ("<unk>", "<s>", "</s>")]


def _fill_attention(attention, width: int, fused: list[int], rng: np.random.Generator) -> None:
    attention.layer_norm.gamma = np.ones(width, dtype=np.float32)
    attention.layer_norm.beta = np.zeros(width, dtype=np.float32)
    for linear, rows in zip(attention.linear, fused, strict=True):
        linear.weight = rng.normal(0, 0.05, (rows * width, width)).astype(np.float32)
        linear.bias = np.zeros(rows * width, dtype=np.float32)


def _fill_ffn(ffn, shape: ModelShape, rng: np.random.Generator) -> None:
    ffn.layer_norm.gamma = np.ones(shape.width, dtype=np.float32)
    ffn.layer_norm.beta = np.zeros(shape.width, dtype=np.float32)
    ffn.linear_0.weight = rng.normal(0, 0.05, (shape.ffn, shape.width)).astype(np.float32)
    ffn.linear_0.bias = np.zeros(shape.ffn, dtype=np.float32)
    ffn.linear_1.weight = rng.normal(0, 0.05, (shape.width, shape.ffn)).astype(np.float32)
    ffn.linear_1.bias = np.zeros(shape.width, dtype=np.float32)


def write_ctranslate2_model(model_dir: Path, vocabulary: list[str], shape: ModelShape, seed: int) -> None:
    """Save a random-weight, int8 CTranslate2 Transformer with a shared vocabulary."""
    from ctranslate2.specs import common_spec, transformer_spec

    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config(
        (shape.layers, shape.layers), shape.heads, pre_norm=True,
        activation=common_spec.Activation.RELU,
    )
    embeddings = rng.normal(0, 0.05, (len(vocabulary), shape.width)).astype(np.float32)
    spec.encoder.embeddings[0].weight = embeddings
    spec.decoder.embeddings.weight = embeddings
    spec.decoder.projection.weight = embeddings
    spec.decoder.projection.bias = np.zeros(len(vocabulary), dtype=np.float32)
    for stack in (spec.encoder, spec.decoder):
        stack.layer_norm.gamma = np.ones(shape.width, dtype=np.float32)
        stack.layer_norm.beta = np.zeros(shape.width, dtype=np.float32)
    for layer in spec.encoder.layer:
        _fill_attention(layer.self_attention, shape.width, [3, 1], rng)
        _fill_ffn(layer.ffn, shape, rng)
    for layer in spec.decoder.layer:
        _fill_attention(layer.self_attention, shape.width, [3, 1], rng)
        _fill_attention(layer.attention, shape.width, [1, 2, 1], rng)
        _fill_ffn(layer.ffn, shape, rng)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.config.decoder_start_token = "<s>"
    spec.validate()
    spec.optimize(quantization="int8")
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


def write_minisbd_model(path: Path, lang: str) -> None:
    """A rules-only MiniSBD ONNX graph: a sentence ends at every '.', '!' or '?'.

    Deliberately naive (it splits after "Dr." too), so a test can tell it from
    Tandem's own rule-based splitter.
    """
    import onnx
    from onnx import TensorProto, helper

    units = ["<PAD>", "<UNK>", ".", "!", "?"]
    stops = [units.index(u) for u in ".!?"]
    nodes = [
        helper.make_node("Equal", ["units", f"stop_{i}"], [f"is_{i}"]) for i in range(len(stops))
    ]
    nodes += [
        helper.make_node("Or", ["is_0", "is_1"], ["is_01"]),
        helper.make_node("Or", ["is_01", "is_2"], ["is_stop"]),
        helper.make_node("Cast", ["is_stop"], ["stop_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["stop_f", "axis"], ["stop_3d"]),
        helper.make_node("Mul", ["stop_3d", "stop_logits"], ["scaled"]),
        helper.make_node("Add", ["scaled", "base_logits"], ["logits"]),
    ]
    initializers = [
        helper.make_tensor(f"stop_{i}", TensorProto.INT64, [], [s]) for i, s in enumerate(stops)
    ] + [
        helper.make_tensor("axis", TensorProto.INT64, [1], [2]),
        helper.make_tensor("stop_logits", TensorProto.FLOAT, [5], [0, 0, 2, 0, 0]),
        helper.make_tensor("base_logits", TensorProto.FLOAT, [5], [1, 0, 0, 0, 0]),
    ]
    graph = helper.make_graph(
        nodes, "rules_sbd",
        [helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "length"]),
         helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "length", "feats"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "length", 5])],
        initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    vocab = {"lang": lang, "idx": 0, "cutoff": 0, "lower": False,
             "_unit2id": {u: i for i, u in enumerate(units)}, "_id2unit": units}
    config = {"feat_funcs": ["space_before"], "max_seqlen": 1000, "batch_size": 8}
    for key, value in {"lang_code": lang, "config": json.dumps(config),
                       "vocab": json.dumps(vocab), "lexicon": "null"}.items():
        model.metadata_props.add(key=key, value=value)
    onnx.checker.check_model(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(path))


def package_name(from_code: str, to_code: str, version: str) -> str:
    """Folder name of an installed package, as the Argos index names them."""
    return f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"


def build_package_dir(
    out_dir: Path,
    from_code: str,
    to_code: str,
    *,
    version: str = "1.0",
    shape: ModelShape = TINY,
    minisbd: bool = False,
    target_prefix: str = "",
    seed: int = 0,
) -> Path:
    """Write an unzipped package folder under ``out_dir``; return its path."""
    root = out_dir / package_name(from_code, to_code, version)
    root.mkdir(parents=True)
    vocabulary = train_tokenizer(root, shape.vocab_size)
    if target_prefix and target_prefix not in vocabulary:
        raise ValueError(f"target_prefix {target_prefix!r} is not in the vocabulary")
    write_ctranslate2_model(root / "model", vocabulary, shape, seed)
    metadata = {
        "package_version": version, "argos_version": "1.0",
        "from_code": from_code, "to_code": to_code,
        "from_name": from_code, "to_name": to_code, "type": "translate",
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    if minisbd:
        write_minisbd_model(root / "minisbd" / f"{from_code}.onnx", from_code)
    return root


def zip_package(package_dir: Path, archive: Path) -> Path:
    """Zip ``package_dir`` with its folder as the single top-level entry (a .argosmodel)."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(package_dir.rglob("*")):
            zf.write(path, path.relative_to(package_dir.parent).as_posix())
    return archive


def build_argosmodel(out_dir: Path, from_code: str, to_code: str, **options) -> Path:
    """Build a package and return the path of its .argosmodel archive in ``out_dir``."""
    with tempfile.TemporaryDirectory() as tmp:
        package_dir = build_package_dir(Path(tmp), from_code, to_code, **options)
        out_dir.mkdir(parents=True, exist_ok=True)
        return zip_package(package_dir, out_dir / f"{package_dir.name}.argosmodel")


def copy_to(archive: Path, destination: Path) -> Path:
    """Copy a cached archive so a test may damage or install it freely."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(archive, destination))
