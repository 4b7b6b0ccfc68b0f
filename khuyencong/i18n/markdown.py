"""Text that came from data (document titles, publishers, notes, names, file names, search terms), put into a
Markdown context (a caption, a note, a message, a st.table cell) so that it shows as typed: a workbook may hold
"![x](http://…)", "[x](javascript:…)", ":red[…]" or "**…**", and every viewer would see what it made of them.
This module is the one place that knows how; every page and helper calls it.
"""

import re

# Backslash escapes every ASCII punctuation mark CommonMark or Streamlit gives a meaning: links and images ([ ] ( ) !),
# emphasis (* _ ~), code (`), headings and lists at a line start (# + - . =), tables (|), HTML (< > &), LaTeX ($),
# Streamlit's colours, icons and emoji (: [ ]).
SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")
# Bare URLs and e-mail addresses become links however their punctuation is escaped (GFM autolinks): a word joiner
# (invisible, U+2060) after "://", "www" and "@" keeps them text.
AUTOLINK = re.compile(r"(?<=://)|(?<=www)(?=\\?\.)|(?<=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def escape_markdown(text) -> str:
    """`text` shown as typed in Markdown; line breaks become spaces (a new line could start a heading or a list)."""
    plain = AUTOLINK.sub(WORD_JOINER, " ".join(str(text).split()))
    return SPECIAL.sub(r"\\\1", plain)


def plain_text(markdown: str) -> str:
    """A caption written with escape_markdown as its reader reads it (for a picture's or a slide's footnote, which
    are not Markdown): bold markers, backslash escapes and the word joiners that unlink URLs removed."""
    return re.sub(r"\\" + SPECIAL.pattern, r"\1", markdown.replace("**", "")).replace(WORD_JOINER, "")


def code_span(text: str) -> str:
    """`text` as an inline code span (monospace, nothing rendered), for values shown as values, such as URL items."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"
