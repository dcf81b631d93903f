"""The record: every version, review, approval, state change and publication, exported.

`RecordService.collect` gathers the whole story of each post (JSON-ready);
`render` writes it as JSON, CSV (one row per event, spreadsheet-safe) or a
self-contained HTML page that prints well. The export states whether the
audit log's hash chain verifies and whether the review tables still agree
with it (`record_problems`: text altered under its hash, rows written outside
Tandem, a post state that contradicts its history), so a reader knows whether
to trust it.

Publications come from a `PublicationLog` (the publishing code provides it);
without one the section is empty.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from datetime import datetime, UTC
from typing import Protocol

from .approvals import Approval, ApprovalService, seconds_between
from .audit import Anchor, anchor_problems, spans_digest, verify_chain
from .clock import now_iso
from .errors import InvalidText
from .model import LANG_NAMES, AuditEntry, Lang, Origin, Version, sha256_text
from .provenance import machine_share
from .review import Decision, OfficialPeriod, ReviewService
from .signing import SigningRepository, verify_signatures
from .store_review import ReviewRepository
from .workflow import WorkflowService

FORMATS = ("json", "csv", "html")


class PublicationLog(Protocol):
    """What the record needs from publishing: one dict per publication attempt of a post.

    Keys shown (all optional): ``at``, ``account``, ``channel``, ``lang``,
    ``state``, ``url``, ``en_version_id``, ``fr_version_id``, ``body_sha256``.
    """

    def publications_for(self, post_id: int) -> list[dict]: ...


@dataclass(frozen=True)
class RecordProblem:
    where: str
    message: str


def parse_since(value: str | None) -> str | None:
    """A date or ISO date-time as the store's sortable UTC timestamp text."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InvalidText(f"'{value}' is not a date; use e.g. 2025-01-31 or "
                          "2025-01-31T14:00:00Z.", msg="records.bad_date",
                          value=str(value)[:40]) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record_problems(repo: ReviewRepository, entries: list[AuditEntry]) -> list[RecordProblem]:
    """Where the versions, sign-offs, approvals and post states disagree with the audit log."""
    problems: list[RecordProblem] = []
    by_action: dict[str, dict[int | None, AuditEntry]] = {}
    for key, action in (("version_id", "version.create"), ("signoff_id", "review.sign"),
                        ("signoff_id", "review.reject"), ("approval_id", "approval.give")):
        by_action[action] = {e.details.get(key): e for e in entries if e.action == action}
    for post_id in repo.post_ids_active_since(None):
        for lang in Lang:
            for v in repo.versions(post_id, lang):
                where = f"post {post_id} {lang.value.upper()} v{v.seq} (version {v.id})"
                if sha256_text(v.text) != v.sha256:
                    problems.append(RecordProblem(where, f"{where}: text no longer matches its "
                                                         "sha256 (altered in the database)"))
                entry = by_action["version.create"].get(v.id)
                if entry is None or entry.details.get("sha256") != v.sha256 or entry.actor != v.author:
                    problems.append(RecordProblem(where, f"{where}: no matching audit entry "
                                                         "(written or changed outside Tandem)"))
                elif entry.details.get("origin") != v.origin.value or \
                        entry.details.get("spans_sha256", spans_digest(v.spans)) != spans_digest(v.spans):
                    problems.append(RecordProblem(where, (
                        f"{where}: its provenance (origin {v.origin.value}, {len(v.spans)} spans) "
                        f"differs from audit entry {entry.seq} (origin "
                        f"{entry.details.get('origin')}): relabelled or spans changed outside Tandem")))
        for row in repo.signoffs(post_id):
            entry = by_action[f"review.{row['kind']}"].get(row["id"])
            where = f"post {post_id} {row['kind']} {row['id']}"
            if entry is None or entry.details.get("sha256") != row["sha256"] \
                    or entry.actor != row["reviewer"]:
                problems.append(RecordProblem(where, f"{where}: no matching audit entry "
                                                     "(written or changed outside Tandem)"))
            elif (entry.details.get("comment", ""), entry.details.get("qa_findings", [])) != \
                    (row["comment"], row["qa_findings"]):
                problems.append(RecordProblem(where, f"{where}: its comment or QA findings "
                                                     f"differ from audit entry {entry.seq} "
                                                     "(edited outside Tandem)"))
        for row in repo.approvals(post_id):
            entry = by_action["approval.give"].get(row["id"])
            if entry is None or entry.actor != row["approver"] or \
                    (entry.details.get("en_sha256"), entry.details.get("fr_sha256"),
                     entry.details.get("step"), entry.details.get("comment", "")) != \
                    (row["en_sha256"], row["fr_sha256"], row["step_id"], row["comment"]):
                where = f"post {post_id} approval {row['id']}"
                problems.append(RecordProblem(where, f"{where}: no matching audit entry "
                                                     "(written or changed outside Tandem)"))
        changes = repo.state_changes(post_id)
        state = repo.get_post(post_id).state.value
        if changes and changes[-1]["to_state"] != state:
            problems.append(RecordProblem(
                f"post {post_id}", f"post {post_id} is marked {state} but its history ends in "
                                   f"{changes[-1]['to_state']} (state changed outside Tandem)"))
    return problems + role_problems(repo, entries)


def role_problems(repo: ReviewRepository, entries: list[AuditEntry]) -> list[RecordProblem]:
    """Role rows the audit log does not account for: inserted, changed or deleted outside Tandem.

    The log's grants, revokes and bootstraps are replayed and compared with the rows. A team
    store keeps roles as PostgreSQL group roles, which a file holder cannot touch; skipped there.
    """
    if getattr(repo, "backend", "sqlite") == "postgresql":
        return []
    expected: dict[tuple[str, str], tuple[str, int]] = {}  # (user, role) → granted by, entry
    for e in entries:
        user, role = str(e.details.get("user")), str(e.details.get("role"))
        if e.action == "roles.grant":
            expected[(user, role)] = (e.actor, e.seq)
        elif e.action == "roles.revoke":
            expected.pop((user, role), None)
        elif e.action == "roles.bootstrap":
            for granted in e.details.get("roles", []):
                expected[(user, granted)] = (e.actor, e.seq)
    problems = []
    for row in repo.role_grants():
        key = (row["user"], row["role"])
        where = f"role {row['role']} of {row['user']}"
        known = expected.pop(key, None)
        if known is None:
            problems.append(RecordProblem(where, f"{where} (granted by {row['granted_by']}): no "
                                                 "audit entry grants it (inserted outside Tandem)"))
        elif known[0] != row["granted_by"]:
            problems.append(RecordProblem(where, f"{where}: granted by {row['granted_by']} in the "
                                                 f"store but by {known[0]} in audit entry "
                                                 f"{known[1]} (changed outside Tandem)"))
    for (user, role), (_by, seq) in expected.items():
        where = f"role {role} of {user}"
        problems.append(RecordProblem(where, f"{where}: granted in audit entry {seq} but missing, "
                                             "with no revocation (deleted outside Tandem)"))
    return problems


class RecordService:
    """Collects and renders the record of posts."""

    def __init__(self, repo: SigningRepository, review: ReviewService, approvals: ApprovalService,
                 workflow: WorkflowService, publications: PublicationLog | None = None):
        self.repo = repo
        self.review = review
        self.approvals = approvals
        self.workflow = workflow
        self.publications = publications

    def verify(self, anchors: tuple[Anchor, ...] = (), signatures: bool = True) -> dict:
        """The audit chain (against ``anchors`` kept elsewhere), the record's agreement with
        it and, with ``signatures``, every decision's signature."""
        entries = self.repo.audit_entries()
        chain = [{"seq": p.seq, "message": p.message}
                 for p in verify_chain(entries) + anchor_problems(entries, anchors)]
        records = [{"where": p.where, "message": p.message}
                   for p in record_problems(self.repo, entries)]
        signed = (verify_signatures(self.repo, entries, self.approvals.signing.required)
                  if signatures else None)
        if signed:
            records += signed.problems
        return {"ok": not chain and not records, "entries": len(entries),
                "head": str(entries[-1].seq) + ":" + entries[-1].hash if entries else None,
                "problems": chain, "record_problems": records,
                "signatures": None if signed is None else
                {"checked": True, "signed": signed.signed, "unsigned": signed.unsigned}}

    def collect(self, post_id: int | None = None, since: str | None = None) -> dict:
        """The record of one post, or of every post with activity since ``since``."""
        since = parse_since(since)
        if post_id is not None:
            self.repo.get_post(post_id)
            ids = [post_id]
        else:
            ids = self.repo.post_ids_active_since(since)
        return {"generated_at": now_iso(), "filters": {"post": post_id, "since": since},
                "audit": self.verify(), "posts": [self._post(i) for i in ids]}

    def _post(self, post_id: int) -> dict:
        post = self.repo.get_post(post_id)
        decisions = {d.version_id: d for d in self.review.decisions(post_id)}
        periods = {p.version.id: p for p in self.review.official_history(post_id)}
        approvals = self.approvals.history(post_id)
        events = self.repo.step_events(post_id)
        step_names = {e["step_id"]: e["step_name"] for e in events}
        versions = sorted(self.repo.versions(post_id, Lang.EN) + self.repo.versions(post_id, Lang.FR),
                          key=lambda v: v.id)
        return {
            "id": post.id, "title": post.title, "post_type": post.post_type,
            "state": post.state.value, "created_by": post.created_by, "created_at": post.created_at,
            "states": [{"at": c.at, "actor": c.actor, "from": c.from_state.value,
                        "to": c.to_state.value, "event": c.event.value}
                       for c in self.workflow.history(post_id)],
            "versions": [self._version(v, decisions.get(v.id), periods.get(v.id), approvals)
                         for v in versions],
            "approvals": [{"id": a.id, "round_id": a.round_id, "step_id": a.step_id,
                           "step_name": step_names.get(a.step_id, a.step_id),
                           "approver": a.approver, "at": a.at, "comment": a.comment,
                           "en_version_id": a.en_version_id, "en_sha256": a.en_sha256,
                           "fr_version_id": a.fr_version_id, "fr_sha256": a.fr_sha256,
                           "voided_at": a.voided_at, "voided_by_version_id": a.voided_by_version_id}
                          for a in approvals],
            "steps": self._steps(events),
            "publications": self.publications.publications_for(post_id) if self.publications else [],
            "audit": [{"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action,
                       "hash": e.hash} for e in self.repo.audit_entries(post_id)],
        }

    @staticmethod
    def _version(v: Version, decision: Decision | None, period: OfficialPeriod | None,
                 approvals: list[Approval]) -> dict:
        return {
            "id": v.id, "lang": v.lang.value, "seq": v.seq, "text": v.text, "sha256": v.sha256,
            "author": v.author, "created_at": v.created_at, "origin": v.origin.value,
            "parent_id": v.parent_id, "machine_share": round(machine_share(v.text, v.spans), 4),
            "spans": [{"start": s.start, "end": s.end, "origin": s.origin.value, "detail": s.detail}
                      for s in v.spans],
            "review": None if decision is None else {
                "kind": decision.kind, "reviewer": decision.reviewer, "at": decision.at,
                "comment": decision.comment, "qa_findings": list(decision.qa_findings)},
            "official_from": period.since if period else None,
            "official_until": period.until if period else None,
            "approved_by": [{"approver": a.approver, "step_id": a.step_id, "at": a.at,
                             "voided": a.voided}
                            for a in approvals if v.id in (a.en_version_id, a.fr_version_id)],
        }

    @staticmethod
    def _steps(events: list[dict]) -> list[dict]:
        rows: dict[tuple[int, str], dict] = {}
        for e in events:
            row = rows.setdefault((e["round_id"], e["step_id"]), {
                "round_id": e["round_id"], "step_id": e["step_id"], "step_name": e["step_name"],
                "actionable_at": None, "passed_at": None, "seconds": None})
            row[f"{e['event']}_at"] = e["at"]
        for row in rows.values():
            row["seconds"] = seconds_between(row["actionable_at"], row["passed_at"])
        return list(rows.values())

    def export(self, fmt: str, post_id: int | None = None, since: str | None = None) -> str:
        return render(self.collect(post_id, since), fmt)


# -- rendering ---------------------------------------------------------------------
def render(record: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(record, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(record)
    if fmt == "html":
        return _html(record)
    raise InvalidText(f"Unknown record format '{fmt}'; use one of {', '.join(FORMATS)}.",
                      msg="records.bad_format", format=str(fmt)[:20], formats=list(FORMATS))


CSV_COLUMNS = ("post_id", "post_title", "at", "event", "actor", "lang", "version_id",
               "version_seq", "sha256", "origin", "machine_share", "official_from",
               "official_until", "step", "comment", "voided_at", "details", "text")


def _cell(value) -> str:
    """Spreadsheet-safe text: a leading = + - @ (formula) is neutralised with a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _events(post: dict) -> list[dict]:
    """Every event of a post as flat rows, oldest first."""
    rows = []
    for v in post["versions"]:
        rows.append({"at": v["created_at"], "event": "version", "actor": v["author"],
                     "lang": v["lang"], "version_id": v["id"], "version_seq": v["seq"],
                     "sha256": v["sha256"], "origin": v["origin"],
                     "machine_share": v["machine_share"], "official_from": v["official_from"],
                     "official_until": v["official_until"], "text": v["text"],
                     "details": json.dumps(v["spans"], ensure_ascii=False) if v["spans"] else ""})
        if v["review"]:
            r = v["review"]
            rows.append({"at": r["at"], "event": "sign-off" if r["kind"] == "sign" else "rejection",
                         "actor": r["reviewer"], "lang": v["lang"], "version_id": v["id"],
                         "version_seq": v["seq"], "sha256": v["sha256"], "comment": r["comment"],
                         "details": json.dumps(r["qa_findings"], ensure_ascii=False)
                         if r["qa_findings"] else ""})
    for a in post["approvals"]:
        rows.append({"at": a["at"], "event": "approval", "actor": a["approver"], "lang": "en+fr",
                     "version_id": f"en:{a['en_version_id']} fr:{a['fr_version_id']}",
                     "sha256": f"en:{a['en_sha256']} fr:{a['fr_sha256']}",
                     "step": a["step_name"], "comment": a["comment"], "voided_at": a["voided_at"]})
    for s in post["states"]:
        rows.append({"at": s["at"], "event": "state", "actor": s["actor"],
                     "details": f"{s['from']} -> {s['to']} ({s['event']})"})
    for p in post["publications"]:
        rows.append({"at": p.get("at"), "event": "publication", "lang": p.get("lang"),
                     "details": json.dumps(p, ensure_ascii=False, default=str)})
    return sorted(rows, key=lambda r: r["at"] or "")


def _csv(record: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for post in record["posts"]:
        for row in _events(post):
            row = {**row, "post_id": post["id"], "post_title": post["title"]}
            writer.writerow([_cell(row.get(column)) for column in CSV_COLUMNS])
    return out.getvalue()


_CSS = """
body { font: 11pt/1.45 "Segoe UI", "Noto Sans", Arial, sans-serif; color: #111; margin: 2em; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 2px solid #333; }
h3 { font-size: 12pt; margin-bottom: .3em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; }
.text { white-space: pre-wrap; font-family: inherit; margin: 0; }
.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; word-break: break-all; }
mark.machine { background: #ffe38a; } mark.memory { background: #bde3ff; }
.voided { text-decoration: line-through; color: #666; }
.ok { color: #075e00; } .bad { color: #a00000; font-weight: bold; }
@media print {
  body { margin: 0; font-size: 10pt; }
  section.post { page-break-before: always; break-before: page; }
  section.post:first-of-type { page-break-before: avoid; break-before: avoid; }
  tr, .version { page-break-inside: avoid; break-inside: avoid; }
  th { background: none; }
  mark.machine, mark.memory { background: none; text-decoration: underline dotted; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _marked(text: str, spans: list[dict]) -> str:
    """The text escaped, with machine/memory spans wrapped in <mark>."""
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: s["start"]):
        if span["origin"] == Origin.HUMAN.value or span["start"] < pos:
            continue
        out.append(_e(text[pos:span["start"]]))
        out.append(f'<mark class="{_e(span["origin"])}" title="{_e(span["origin"])}">'
                   f'{_e(text[span["start"]:span["end"]])}</mark>')
        pos = span["end"]
    out.append(_e(text[pos:]))
    return "".join(out)


def _table(headers: list[str], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f"<p><em>{_e(empty)}</em></p>"
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html_post(post: dict) -> str:
    parts = [f'<section class="post"><h2>Post {post["id"]}: {_e(post["title"])}</h2>',
             f"<p>Type {_e(post['post_type'])} · state <strong>{_e(post['state'])}</strong> · "
             f"created by {_e(post['created_by'])} at {_e(post['created_at'])}</p>"]
    for lang, name in LANG_NAMES.items():
        parts.append(f"<h3>{name} versions</h3>")
        for v in (v for v in post["versions"] if v["lang"] == lang):
            review = v["review"]
            decision = ("—" if review is None else
                        f"{'Signed off' if review['kind'] == 'sign' else 'Rejected'} by "
                        f"{_e(review['reviewer'])} at {_e(review['at'])}"
                        + (f": {_e(review['comment'])}" if review["comment"] else "")
                        + (f" · QA findings: {_e(json.dumps(review['qa_findings'], ensure_ascii=False))}"
                           if review["qa_findings"] else ""))
            official = (f"official {_e(v['official_from'])} → {_e(v['official_until'] or 'now')}"
                        if v["official_from"] else "never official")
            approved = ", ".join(
                f'<span class="{"voided" if a["voided"] else ""}">{_e(a["approver"])} '
                f'({_e(a["step_id"])}, {_e(a["at"])})</span>' for a in v["approved_by"]) or "—"
            parts.append(
                '<div class="version">'
                + _table(["version", "written by", "origin", "machine/memory", "review", "status",
                          "approved by", "sha256"],
                         [[f"v{v['seq']} (#{v['id']})", f"{_e(v['author'])}<br>{_e(v['created_at'])}",
                           _e(v["origin"]), f"{v['machine_share']:.0%}", decision, official,
                           approved, f'<span class="hash">{_e(v["sha256"])}</span>']], "")
                + f'<pre class="text" lang="{lang}">{_marked(v["text"], v["spans"])}</pre></div>')
    parts.append("<h3>Approvals</h3>")
    parts.append(_table(
        ["step", "approver", "at", "comment", "binds (EN / FR sha256)", "voided"],
        [[_e(a["step_name"]), _e(a["approver"]), _e(a["at"]), _e(a["comment"]),
          f'<span class="hash">{_e(a["en_sha256"])}<br>{_e(a["fr_sha256"])}</span>',
          _e(f"{a['voided_at']} (by version #{a['voided_by_version_id']})" if a["voided_at"] else "")]
         for a in post["approvals"]], "No approvals yet."))
    parts.append("<h3>Time per approval step</h3>")
    parts.append(_table(
        ["round", "step", "actionable", "passed", "time"],
        [[_e(s["round_id"]), _e(s["step_name"]), _e(s["actionable_at"]), _e(s["passed_at"]),
          _e(f"{s['seconds']:.0f} s" if s["seconds"] is not None else "")] for s in post["steps"]],
        "No approval round yet."))
    parts.append("<h3>States</h3>")
    parts.append(_table(["at", "by", "from", "to", "event"],
                        [[_e(s["at"]), _e(s["actor"]), _e(s["from"]), _e(s["to"]), _e(s["event"])]
                         for s in post["states"]], "No state changes."))
    parts.append("<h3>Publications</h3>")
    parts.append(_table(
        ["at", "account", "channel", "lang", "state", "gap (s)", "url"],
        [[_e(p.get("at")), _e(p.get("account")), _e(p.get("channel")), _e(p.get("lang")),
          _e(p.get("state")),
          _e("" if p.get("gap_seconds") is None else f"{p['gap_seconds']:.3f}"),
          _e(p.get("url"))] for p in post["publications"]],
        "Not published."))
    parts.append("</section>")
    return "".join(parts)


def _html(record: dict) -> str:
    audit = record["audit"]
    problems = [p["message"] for p in audit["problems"]] + [p["message"]
                                                             for p in audit["record_problems"]]
    verdict = (f'<p class="ok">Audit log intact: {audit["entries"]} entries, hash chain verified; '
               "the review records agree with it.</p>" if audit["ok"] else
               '<p class="bad">AUDIT LOG OR RECORDS TAMPERED:</p><ul>'
               + "".join(f"<li>{_e(m)}</li>" for m in problems) + "</ul>")
    filters = record["filters"]
    scope = (f"post {filters['post']}" if filters["post"] is not None else
             f"posts with activity since {filters['since']}" if filters["since"] else "all posts")
    body = "".join(_html_post(p) for p in record["posts"]) or "<p><em>No posts.</em></p>"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Tandem record</title>"
            f"<style>{_CSS}</style></head><body>"
            f"<h1>Tandem record — {_e(scope)}</h1><p>Generated {_e(record['generated_at'])}.</p>"
            f"{verdict}{body}</body></html>\n")
