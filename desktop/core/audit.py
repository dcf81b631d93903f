"""The hash-chained audit log: how an entry is hashed and how the chain is verified.

Each entry's hash covers its own fields and the previous entry's hash, so an
edited, deleted, inserted or reordered entry breaks the chain at that point.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Iterable

from .model import AuditEntry

GENESIS_HASH = "0" * 64


def canonical_details(details: dict) -> str:
    return json.dumps(details, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


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
