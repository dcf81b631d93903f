"""The hash-chained audit log: how an entry is hashed, how the chain is verified, anchors.

Each entry's hash covers its own fields and the previous entry's hash, so an
edited, deleted, inserted or reordered entry breaks the chain at that point.

The chain has no key: whoever holds the database file can delete entries at
the tail, or rewrite everything and recompute every hash. An *anchor* — the
log's head, ``SEQ:HASH`` (`head`), kept outside the store by records
management — catches both: `anchor_problems` fails when entry SEQ is missing
or no longer has that hash. Decisions are also signed (`desktop.core.signing`).

`spans_digest` is how a version's provenance spans are recorded in its
``version.create`` entry, so spans deleted or relabelled later are found.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import InvalidText
from .model import AuditEntry, Span

GENESIS_HASH = "0" * 64


def canonical_details(details: dict) -> str:
    return json.dumps(details, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def spans_digest(spans: Iterable[Span]) -> str:
    """sha256 of a version's provenance spans in order (start, end, origin; not the detail)."""
    body = json.dumps([[s.start, s.end, s.origin.value] for s in sorted(
        spans, key=lambda s: (s.start, s.end))], separators=(",", ":"))
    return hashlib.sha256(body.encode("ascii")).hexdigest()


def entry_hash(seq: int, at: str, actor: str, action: str, post_id: int | None,
               details_json: str, prev_hash: str) -> str:
    payload = json.dumps(
        [seq, at, actor, action, post_id, details_json, prev_hash],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    message: str


def verify_chain(entries: Iterable[AuditEntry]) -> list[ChainProblem]:
    """Every break in the chain, in log order; empty when the log is intact."""
    problems: list[ChainProblem] = []
    prev_hash = GENESIS_HASH
    expected_seq = 1
    for entry in entries:
        if entry.seq != expected_seq:
            problems.append(ChainProblem(
                entry.seq,
                f"entry {entry.seq} found where entry {expected_seq} was expected "
                "(entries deleted or renumbered)",
            ))
        if entry.prev_hash != prev_hash:
            problems.append(ChainProblem(
                entry.seq,
                f"entry {entry.seq} does not follow the entry before it "
                "(an entry was removed, inserted or reordered)",
            ))
        recomputed = entry_hash(entry.seq, entry.at, entry.actor, entry.action, entry.post_id,
                                canonical_details(entry.details), entry.prev_hash)
        if recomputed != entry.hash:
            problems.append(ChainProblem(
                entry.seq, f"entry {entry.seq} ({entry.action}) was altered after it was written",
            ))
        prev_hash = entry.hash
        expected_seq = entry.seq + 1
    return problems


# -- anchors -------------------------------------------------------------------------
@dataclass(frozen=True)
class Anchor:
    """The log's head at some moment: entry ``seq`` had hash ``hash`` (seq 0: empty log)."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"


def head(entries: list[AuditEntry]) -> Anchor:
    return Anchor(entries[-1].seq, entries[-1].hash) if entries else Anchor(0, GENESIS_HASH)


def parse_anchor(text: str) -> Anchor:
    seq, sep, digest = text.strip().partition(":")
    digest = digest.lower()
    if not sep or not seq.isdigit() or len(digest) != 64 or \
            any(c not in "0123456789abcdef" for c in digest):
        raise InvalidText(f"'{text}' is not an anchor; an anchor is SEQ:HASH as printed by the "
                          "audit anchor command, e.g. 1234:9f86d0…(64 hex digits).")
    return Anchor(int(seq), digest)


def anchor_problems(entries: list[AuditEntry], anchors: Iterable[Anchor]) -> list[ChainProblem]:
    """Where the log disagrees with anchors taken earlier: entries cut, or rewritten before."""
    by_seq = {e.seq: e for e in entries}
    last = entries[-1].seq if entries else 0
    problems = []
    for anchor in anchors:
        if anchor.seq == 0:
            continue
        entry = by_seq.get(anchor.seq)
        if entry is None:
            problems.append(ChainProblem(anchor.seq, (
                f"the anchor {anchor.seq}:{anchor.hash[:16]}… names entry {anchor.seq}, but the "
                f"log ends at entry {last}: entries {last + 1}–{anchor.seq} were cut"
                if anchor.seq > last else
                f"entry {anchor.seq}, named by the anchor, is missing (entries deleted)")))
        elif entry.hash != anchor.hash:
            problems.append(ChainProblem(anchor.seq, (
                f"entry {anchor.seq} ({entry.action}) does not have the anchor's hash "
                f"{anchor.hash[:16]}…: the log was rewritten at or before entry {anchor.seq}")))
    return problems
