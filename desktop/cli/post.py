"""`tandem post new|edit|…|attach|detach|alt|preview|split|delete|archive|duplicate`: posts,
versions, images, threads; taking a post out of the lists or copying it.

Images carry alt text in both languages; thread parts come from repeated ``--en``/``--fr``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import threads
from desktop.core.attachments import Attachment
from desktop.core.errors import TandemError
from desktop.core.model import LANG_NAMES, Lang, Origin, PostState, Version
from desktop.core.posts import PostView

from .accounts import register_post_targets
from .context import CliContext, CommandGroups, read_text_arg

if TYPE_CHECKING:
    from translation.suggest import Suggestion


def register(sub: CommandGroups) -> None:
    common = sub.common
    post = sub.add_parser("post", help="create, edit and inspect posts", parents=[common])
    verbs = post.add_subparsers(dest="verb", metavar="VERB", required=True)

    new = verbs.add_parser("new", help="create a post; prints its id", parents=[common])
    new.add_argument("--en", action="append", default=[],
                     help="English text ('-' reads standard input); repeat for each thread part")
    new.add_argument("--fr", action="append", default=[],
                     help="French text ('-' reads standard input); repeat for each thread part")
    new.add_argument("--title", default="")
    new.add_argument("--type", dest="post_type", default="standard", help="post type (approval chain)")
    new.set_defaults(func=run_new)

    edit = verbs.add_parser("edit", help="record a new version of one language", parents=[common])
    edit.add_argument("id", type=int)
    edit.add_argument("--lang", required=True, choices=[l.value for l in Lang])
    edit.add_argument("--text", required=True, help="new text ('-' reads standard input)")
    edit.add_argument("--base", type=int, metavar="VERSION",
                      help="the version id the text was written from: refused, with both "
                           "versions named, if someone saved another version since")
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

    attach = verbs.add_parser("attach", parents=[common],
                              help="attach an image (PNG, JPEG, WebP, GIF) with alt text")
    attach.add_argument("id", type=int)
    attach.add_argument("file", help="image file; metadata is stripped unless the policy keeps it")
    attach.add_argument("--lang", choices=[l.value for l in Lang],
                        help="show the image in this language only (default: both)")
    attach.add_argument("--alt-en", default="", help="English alt text (required if shown in English)")
    attach.add_argument("--alt-fr", default="", help="French alt text (required if shown in French)")
    attach.set_defaults(func=run_attach)

    detach = verbs.add_parser("detach", help="remove image N (as `post show` numbers them)",
                              parents=[common])
    detach.add_argument("id", type=int)
    detach.add_argument("n", type=int)
    detach.set_defaults(func=run_detach)

    alt = verbs.add_parser("alt", parents=[common],
                           help="change image N's alt text in one language, or suggest it "
                                "from the other language's (a translator then signs it off)")
    alt.add_argument("id", type=int)
    alt.add_argument("n", type=int)
    alt.add_argument("--lang", required=True, choices=[l.value for l in Lang])
    given = alt.add_mutually_exclusive_group(required=True)
    given.add_argument("--text", help="the alt text")
    given.add_argument("--suggest", action="store_true",
                       help="translate the other language's alt text (memory, then the model)")
    alt.set_defaults(func=run_alt)

    show_as = verbs.add_parser("preview", parents=[common],
                               help="the post as a network will show it, both languages "
                                    "(the official versions once signed off)")
    show_as.add_argument("id", type=int)
    show_as.add_argument("--network", default="bluesky", choices=["bluesky", "mastodon", "x"])
    show_as.set_defaults(func=run_preview)

    split = verbs.add_parser("split", parents=[common],
                             help="propose thread parts at sentence boundaries for a network, "
                                  "numbered 1/n in both languages (--apply records them)")
    split.add_argument("id", type=int)
    split.add_argument("--for", dest="network", required=True, choices=["x", "bluesky", "mastodon"])
    split.add_argument("--apply", action="store_true", help="record the parts as new versions")
    split.set_defaults(func=run_split)

    delete = verbs.add_parser("delete", parents=[common],
                              help="delete a draft nobody has reviewed (its author or an admin; "
                                   "audited, the versions stay in the record)")
    delete.add_argument("id", type=int)
    delete.set_defaults(func=run_delete)

    archive = verbs.add_parser("archive", parents=[common],
                               help="take a post out of the lists (--undo brings it back)")
    archive.add_argument("id", type=int, nargs="?", help="omit with --list")
    archive.add_argument("--undo", action="store_true", help="take the post out of the archive")
    archive.add_argument("--list", action="store_true", help="list the archived posts")
    archive.set_defaults(func=run_archive)

    duplicate = verbs.add_parser("duplicate", parents=[common],
                                 help="a new draft with the post's latest text (provenance kept)")
    duplicate.add_argument("id", type=int)
    duplicate.add_argument("--title", help='default: "Copy of <title>"')
    duplicate.set_defaults(func=run_duplicate)

    register_post_targets(verbs, common)


def version_json(v: Version | None) -> dict | None:
    if v is None:
        return None
    return {"id": v.id, "lang": v.lang.value, "seq": v.seq, "text": v.text, "sha256": v.sha256,
            "author": v.author, "created_at": v.created_at, "origin": v.origin.value,
            "parent_id": v.parent_id,
            "spans": [{"start": s.start, "end": s.end, "origin": s.origin.value, "detail": s.detail}
                      for s in v.spans]}


def view_json(view: PostView, attachments: list[Attachment] | None = None) -> dict:
    p = view.post
    return {"id": p.id, "title": p.title, "state": p.state.value, "post_type": p.post_type,
            "created_by": p.created_by, "created_at": p.created_at, "updated_at": p.updated_at,
            "en": version_json(view.en), "fr": version_json(view.fr),
            "parts": {lang.value: threads.parts(v.text) if (v := view.latest(lang)) else []
                      for lang in Lang},
            "attachments": [{"n": n, **a.to_dict()} for n, a in enumerate(attachments or [], 1)]}


def _describe(view: PostView, attachments: list[Attachment]) -> str:
    lines = [f"Post {view.post.id}: {view.post.title}  [{view.post.state.value}]"]
    for lang in Lang:
        v = view.latest(lang)
        lines.append(f"  {lang.value.upper()} v{v.seq} {v.sha256[:12]} by {v.author} ({v.origin.value}):"
                     if v else f"  {lang.value.upper()}: (empty)")
        if v:
            lines.extend("    " + line for line in v.text.splitlines() or [""])
    for n, a in enumerate(attachments, 1):
        shown = "both languages" if a.scope == "both" else LANG_NAMES[Lang(a.scope)] + " only"
        lines.append(f"  image {n}: {a.mime} {a.width}x{a.height} {a.sha256[:12]} ({shown})")
        lines.extend(f"    alt {lang.value.upper()}{' (machine)' if alt.origin is Origin.MACHINE else ''}:"
                     f" {alt.text}" for lang, alt in a.alt.items())
    return "\n".join(lines)


def run_new(args, ctx: CliContext) -> int:
    view = ctx.session().posts.create(en=threads.join([read_text_arg(t) for t in args.en]),
                                      fr=threads.join([read_text_arg(t) for t in args.fr]),
                                      title=args.title, post_type=args.post_type)
    ctx.out(view_json(view), str(view.post.id))
    return 0


def run_edit(args, ctx: CliContext) -> int:
    base = {} if args.base is None else {"base": args.base}
    v = ctx.session().posts.edit(args.id, Lang(args.lang), read_text_arg(args.text), **base)
    ctx.out(version_json(v), f"{args.lang.upper()} v{v.seq} {v.sha256}")
    return 0


def run_show(args, ctx: CliContext) -> int:
    session = ctx.session()
    view = session.posts.view(args.id)
    attachments = session.attachments.list(args.id)
    ctx.out(view_json(view, attachments), _describe(view, attachments))
    return 0


def run_attach(args, ctx: CliContext) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise TandemError(f"Cannot read {args.file}: {exc.strerror}.") from None
    media = ctx.session().attachments
    made = media.attach(args.id, data, Lang(args.lang) if args.lang else None,
                        {Lang.EN: args.alt_en, Lang.FR: args.alt_fr})
    n = [a.id for a in media.list(args.id)].index(made.id) + 1
    ctx.out({"n": n, **made.to_dict()},
            f"image {n}: {made.mime} {made.width}x{made.height} {made.sha256}")
    return 0


def run_detach(args, ctx: CliContext) -> int:
    gone = ctx.session().attachments.detach(args.id, args.n)
    ctx.out(gone.to_dict(), f"detached image {args.n} ({gone.sha256[:12]})")
    return 0


def run_alt(args, ctx: CliContext) -> int:
    session = ctx.session()
    lang, media = Lang(args.lang), session.attachments
    text, origin = args.text, Origin.HUMAN
    if args.suggest:
        listed = media.list(args.id)
        image = listed[args.n - 1] if 0 < args.n <= len(listed) else None
        source = image.alt.get(lang.other) if image else None
        if source is None:
            raise TandemError(f"Image {args.n} has no {LANG_NAMES[lang.other]} alt text to "
                              "translate.")
        suggestion = session.suggestions.suggest_text(source.text, lang.other, lang)
        text = suggestion.text
        origin = (Origin.MACHINE if any(p.origin is Origin.MACHINE for p in suggestion.parts)
                  else Origin.MEMORY)
    made = media.set_alt(args.id, args.n, lang, text, origin)
    ctx.out(made.to_dict(), f"image {args.n} alt {lang.value.upper()} ({origin.value}): "
                            f"{made.alt[lang].text}")
    return 0


def run_preview(args, ctx: CliContext) -> int:
    from desktop.publishing.preview import preview, to_text  # counting tables: this command only

    session = ctx.session()
    views = []
    for lang in Lang:
        version = session.review.official(args.id, lang) or session.posts.view(args.id).latest(lang)
        views.append(preview(args.network, lang.value, version.text if version else "",
                             session.attachments.manifest(args.id, lang, version)))
    ctx.out([{"lang": v.lang, "problems": list(v.problems),
              "parts": [{"segments": [{"kind": s.kind, "text": s.text, "target": s.target}
                                      for s in p.segments],
                         "used": p.count.used, "limit": p.count.limit, "link_card": p.link_card,
                         "images": [{"sha256": i.sha256, "alt": i.alt} for i in p.images]}
                        for p in v.parts]} for v in views],
            "\n".join(to_text(v) for v in views))
    return 0


def run_split(args, ctx: CliContext) -> int:
    from desktop.core import counting  # loads the counting tables only for this command

    session = ctx.session()
    view = session.posts.view(args.id)

    fits = {"x": lambda t: counting.count_x(t).ok, "bluesky": lambda t: counting.count_bluesky(t).ok,
            "mastodon": lambda t: counting.count_mastodon(t).ok}[args.network]
    en_text, fr_text = (threads.plain(v.text) if (v := view.latest(lang)) else "" for lang in Lang)
    en, fr = threads.split_pair(en_text, fr_text, fits)
    if args.apply:
        for lang, parts in ((Lang.EN, en), (Lang.FR, fr)):
            session.posts.edit(args.id, lang, threads.join(parts))
    ctx.out({"en": en, "fr": fr, "applied": args.apply},
            "\n".join(f"{lang} {i}: {p}" for lang, ps in (("EN", en), ("FR", fr))
                      for i, p in enumerate(ps, 1)))
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


def run_delete(args, ctx: CliContext) -> int:
    post = ctx.session().lifecycle.delete(args.id)
    ctx.out({"id": post.id, "title": post.title, "deleted": True},
            f"Post {post.id} ({post.title}) deleted; its versions stay in the record.")
    return 0


def run_archive(args, ctx: CliContext) -> int:
    lifecycle = ctx.session().lifecycle
    if args.list:
        rows = lifecycle.archived()
        ctx.out(rows, "\n".join(f"{r['id']:>6}  {r['state']:<14} {r['shelved_at'][:16]}  "
                                f"{r['shelved_by']:<12} {r['title']}" for r in rows)
                or "(no archived posts)")
        return 0
    if args.id is None:
        raise TandemError("Name the post to archive (or use --list).")
    post = lifecycle.unarchive(args.id) if args.undo else lifecycle.archive(args.id)
    ctx.out({"id": post.id, "title": post.title, "archived": not args.undo},
            f"Post {post.id} ({post.title}) " + ("is back in the lists." if args.undo
                                                 else "archived (tandem post archive --undo "
                                                      f"{post.id} brings it back)."))
    return 0


def run_duplicate(args, ctx: CliContext) -> int:
    view = ctx.session().lifecycle.duplicate(args.id, args.title)
    ctx.out(view_json(view), f"{view.post.id} (copy of post {args.id})")
    return 0
