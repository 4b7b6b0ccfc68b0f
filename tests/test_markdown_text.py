"""escape_markdown: the one function that puts text from data into a Markdown context (tests/test_markdown_payloads.py
shows the result in a real browser, page by page)."""

import re

import pytest

from khuyencong.i18n.markdown import escape_markdown


@pytest.mark.parametrize(("text", "made_of_it"), [
    ("![t](http://127.0.0.1:9/track.png)", "an image"),
    ("[x](javascript:alert(1))", "a link"),
    (":red[ĐỎ] :material/home: :smile:", "a colour, an icon, an emoji"),
    ("**đậm** _nghiêng_ ~~gạch~~ `mã`", "emphasis and code"),
    ("# tiêu đề\n- mục\n1. mục", "a heading and lists"),
    ("$x^2$ <b>thẻ</b> &amp; | a | b |", "LaTeX, HTML, an entity, a table"),
    ("http://127.0.0.1:9/x www.vi.vn thu@so.gov.vn", "autolinks"),
])
def test_text_from_data_keeps_no_markdown_meaning(text, made_of_it):
    shown = escape_markdown(text)
    unescaped = re.sub(r"\\(.)", r"\1", shown).replace("\u2060", "")
    assert unescaped == " ".join(text.split()), made_of_it  # the reader sees the characters typed
    assert re.search(r"(?<!\\)[\[\]()*_`<>#$:|&~!]", shown.replace("\\\\", "")) is None, made_of_it
    assert "\n" not in shown
    assert not re.search(r"https?://\w|www\.|@\w", shown.replace("\\", "")), made_of_it
