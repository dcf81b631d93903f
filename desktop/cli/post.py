"""`tandem post new|edit|show|list|history|restore|suggest|targets`: posts and their versions."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.core.model import Lang, Origin, PostState, Version
from desktop.core.posts import PostView

from .accounts import register_post_targets
from .context import CliContext, read_text_arg

if TYPE_CHECKING:
    from translation.suggest import Suggestion


def register(sub: argparse._SubParsersAction) -> None:
    common = sub.common
    post = sub.add_parser("post", help="create, edit and inspect posts", parents=[common])
    verbs = post.add_subparsers(dest="verb", metavar="VERB", required=True)

    new = verbs.add_parser("new", help="create a post; prints its id", parents=[common])
    new.add_argument("--en", default="", help="English text ('-' reads standard input)")
    new.add_argument("--fr", default="", help="French text ('-' reads standard input)")
    new.add_argument("--title", default="")
    new.add_argument("--type", dest="post_type", default="standard", help="post type (approval chain)")
    new.set_defaults(func=run_new)

    edit = verbs.add_parser("edit", help="record a new version of one language", parents=[common])
    edit.add_argument("id", type=int)
    edit.add_argument("--lang", required=True, choices=[l.value for l in Lang])
    edit.add_argument("--text", required=True, help="new text ('-' reads standard input)")
    edit.set_defaults(func=run_edit)

    show = verbs.add_parser("show", help="a post with its latest versions", parents=[common])
    show.add_argument("id", type=int)
    show.set_defaults(func=run_show)

    history = verbs.add_parser("history", help="every version of a post", parents=[common])
    history.add_argument("id", type=int)
    history.add_argument("--lang", choices=[l.value for l in Lang])
    history.set_defaults(func=run_history)

    restore = verbs.add_parser("restore", help="make an old version the newest", parents=[common])
    restore.add_argument("id", type=int)
    restore.add_argument("version_id", type=int)
    restore.set_defaults(func=run_restore)

    lst = verbs.add_parser("list", help="posts, newest first", parents=[common])
    lst.add_argument("--state", choices=[s.value for s in PostState])
    lst.add_argument("--search", help="words to find in either language or the title")
    lst.add_argument("--limit", type=int, default=50)
    lst.set_defaults(func=run_list)

    suggest = verbs.add_parser(
        "suggest", parents=[common],
        help="record a suggestion for one language from the other: translation memory, "
             "then the installed model")
    suggest.add_argument("id", type=int)
    suggest.add_argument("--to", dest="lang", required=True, choices=[l.value for l in Lang])
    suggest.set_defaults(func=run_suggest)

    register_post_targets(verbs, common)


def version_json(v: Version | None) -> dict | None:
    if v is None:
        return None
    return {"id": v.id, "lang": v.lang.value, "seq": v.seq, "text": v.text, "sha256": v.sha256,
            "author": v.author, "created_at": v.created_at, "origin": v.origin.value,
            "parent_id": v.parent_id,
            "spans": [{"start": s.start, "end": s.end, "origin": s.origin.value, "detail": s.detail}
                      for s in v.spans]}


def view_json(view: PostView) -> dict:
    p = view.post
    return {"id": p.id, "title": p.title, "state": p.state.value, "post_type": p.post_type,
            "created_by": p.created_by, "created_at": p.created_at, "updated_at": p.updated_at,
            "en": version_json(view.en), "fr": version_json(view.fr)}


def _describe(view: PostView) -> str:
    lines = [f"Post {view.post.id}: {view.post.title}  [{view.post.state.value}]"]
    for lang in Lang:
        v = view.latest(lang)
        lines.append(f"  {lang.value.upper()} v{v.seq} {v.sha256[:12]} by {v.author} ({v.origin.value}):"
                     if v else f"  {lang.value.upper()}: (empty)")
        if v:
            lines.extend("    " + line for line in v.text.splitlines() or [""])
    return "\n".join(lines)


def run_new(args, ctx: CliContext) -> int:
    view = ctx.session().posts.create(en=read_text_arg(args.en), fr=read_text_arg(args.fr),
                                      title=args.title, post_type=args.post_type)
    ctx.out(view_json(view), str(view.post.id))
    return 0


def run_edit(args, ctx: CliContext) -> int:
    v = ctx.session().posts.edit(args.id, Lang(args.lang), read_text_arg(args.text))
    ctx.out(version_json(v), f"{args.lang.upper()} v{v.seq} {v.sha256}")
    return 0


def run_show(args, ctx: CliContext) -> int:
    view = ctx.session().posts.view(args.id)
    ctx.out(view_json(view), _describe(view))
    return 0


def run_history(args, ctx: CliContext) -> int:
    posts = ctx.session().posts
    langs = [Lang(args.lang)] if args.lang else list(Lang)
    versions = [v for lang in langs for v in posts.history(args.id, lang)]
    ctx.out([version_json(v) for v in versions],
            "\n".join(f"{v.lang.value.upper()} v{v.seq} {v.created_at} {v.author} {v.origin.value}"
                      f" {v.sha256[:12]}  {v.text[:60]!r}" for v in versions) or "(no versions)")
    return 0


def run_restore(args, ctx: CliContext) -> int:
    v = ctx.session().posts.restore(args.id, args.version_id)
    ctx.out(version_json(v), f"{v.lang.value.upper()} v{v.seq} {v.sha256} (restored)")
    return 0


def suggestion_lines(suggestion: Suggestion) -> list[str]:
    """Where each part of a suggestion came from, what Tandem corrected, flags and alternatives."""
    lines = []
    for index, part in enumerate(suggestion.parts):
        start, end = suggestion.target_span(index)
        d = part.detail
        where = (f"machine {d['model']} v{d['model_version']}" if part.origin is Origin.MACHINE
                 else f"memory {d['score']:g}% {d['memory_origin']} {d['source_ref']}".rstrip())
        lines.append(f"  [{where}] {start}-{end}: {suggestion.text[start:end][:70]!r}")
    lines += [f"  corrected ({c.kind}{'' if c.verified else ', check it'}): {c.old} → {c.new}"
              for c in suggestion.corrections]
    lines += [f"  flag ({f.kind}): {f.message_en}" for f in suggestion.flags]
    lines += [f"  alternative {x.score:g}% for source {x.source_start}-{x.source_end}"
              f" ({x.memory_origin} {x.source_ref}): {x.text[:70]!r}"
              for x in suggestion.alternatives]
    return lines


def run_suggest(args, ctx: CliContext) -> int:
    made = ctx.session().suggestions.suggest_for_post(args.id, Lang(args.lang))
    v, source = made.version, made.source_version
    head = (f"{v.lang.value.upper()} v{v.seq} {v.sha256} ({v.origin.value}) from "
            f"{source.lang.value.upper()} v{source.seq}"
            + (f"; replaces v{made.replaced.seq} (kept in history)" if made.replaced else "")
            + ("" if made.created else "; unchanged: the latest version already is this suggestion"))
    ctx.out({"version": version_json(v), "created": made.created, "source_version_id": source.id,
             "replaced_version_id": made.replaced.id if made.replaced else None,
             "suggestion": made.suggestion.to_dict()},
            "\n".join([head, *suggestion_lines(made.suggestion)]))
    return 0


def run_list(args, ctx: CliContext) -> int:
    rows = ctx.session().posts.list(PostState(args.state) if args.state else None, args.search,
                                    limit=args.limit)
    ctx.out(rows, "\n".join(f"{r['id']:>6}  {r['state']:<14} {r['updated_at'][:16]}  {r['title']}"
                            for r in rows) or "(no posts)")
    return 0
