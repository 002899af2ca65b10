"""A note's Markdown as HTML for the preview (markdown-it-py, CommonMark with tables and
footnotes). Which [[links]] are links (not code) is the one grammar of app/records/wikilinks.py;
a test holds this parser to it.

Raw HTML in a note is shown as text, never interpreted: html is off, so `<img>` or `<script>`
typed into a note stays visible characters. Images are not embedded (the app never fetches
anything); they become links that open in the system browser when clicked, as do web
addresses written out (linkify). [[Entry]] links become `entry:<slug>` links; one that names
no entry keeps its brackets, gets the `missing:` scheme and the `unresolved` class, so the
view can mark it and say what is wrong when it is clicked.

No colours here: the preview's style sheet takes them from the palette.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from app.gui.detail_html import ENTRY_SCHEME
from app.gui.i18n import kind_singular, translate
from app.records.entries import Ref
from app.records.wikilinks import WIKILINK

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

MISSING_SCHEME = "missing"
UNRESOLVED_CLASS = "unresolved"


def _wikilink(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    match = WIKILINK.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("wikilink", "", 0)
        token.meta = {"target": match.group(1).strip(), "label": (match.group(3) or "").strip()}
        token.content = match.group(0)
    state.pos = match.end()
    return True


def _render_wikilink(
    _renderer: Any, tokens: Sequence[Token], idx: int, _options: Any, env: dict[str, Any]
) -> str:
    meta = tokens[idx].meta
    target, label = meta["target"], meta["label"] or meta["target"]
    ref: Ref | None = env.get("links", {}).get(target)
    if ref is None:
        missing = translate("NotePreview", "No entry called “{target}”").format(target=target)
        return (
            f'<a class="{UNRESOLVED_CLASS}" href="{MISSING_SCHEME}:{quote(target)}" '
            f'title="{escape(missing)}">[[{escape(label)}]]</a>'
        )
    title = f"{ref.name} ({kind_singular(ref.kind)})"
    return f'<a href="{ENTRY_SCHEME}:{escape(ref.slug)}" title="{escape(title)}">{escape(label)}</a>'


def _render_image(renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    token = tokens[idx]
    alt = renderer.renderInlineAsText(token.children or [], options, env) or translate("NotePreview", "image")
    shown = escape(translate("NotePreview", "[image: {alt}]").format(alt=alt))
    src = str(token.attrGet("src") or "")
    if src.startswith(("http://", "https://")):
        return f'<a href="{escape(src)}" title="{escape(src)}">{shown}</a>'
    return shown


def _render_table_open(*_args: Any) -> str:
    return '<table border="1" cellspacing="0" cellpadding="4">\n'


def _named(rule: Any, of: str) -> Any:
    """A footnote renderer that also names its place the old way (`<a name>`), which Qt's rich
    text scrolls to (the footnote's number and its back arrow are links to each other)."""

    def render(renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        html = str(rule(tokens, idx, options, env))
        label = renderer.rules["footnote_anchor_name"](tokens, idx, options, env)
        anchor = f'<a name="{of}{label}"></a>'
        # After the opening tag of a list item; before the reference's <sup>.
        return html.replace(">", ">" + anchor, 1) if of == "fn" else anchor + html

    return render


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt  # ~0.1 s: on the first render, not at start-up

    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
    md.enable(["table", "strikethrough", "linkify"])
    # [^1] footnotes, as Roundtable's own export writes them (numbered, with their text at the
    # end); without the plugin "[^1]: text" is a link definition and [^1] a link to "text".
    from mdit_py_plugins.footnote import footnote_plugin

    md.use(footnote_plugin)
    rules: dict[str, Any] = getattr(md.renderer, "rules")  # noqa: B009 (not in its protocol)
    md.add_render_rule("footnote_open", _named(rules["footnote_open"], "fn"))
    md.add_render_rule("footnote_ref", _named(rules["footnote_ref"], "fnref"))
    md.inline.ruler.before("link", "wikilink", _wikilink)
    md.add_render_rule("wikilink", _render_wikilink)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("table_open", _render_table_open)
    return md


def prepare() -> None:
    """Load the renderer now (any thread): the first note previewed need not wait for it."""
    _markdown()


def render(body: str, links: Mapping[str, Ref | None]) -> str:
    """`body` as HTML; `links` maps each [[target]] to the entry it names (None: no entry)."""
    return str(_markdown().render(body, {"links": links}))
