"""A hostile corpus, made in the tests: markup and terminal escapes in titles, bodies and
file names, line separators, an empty file with a markup name, damaged UTF-8."""

from __future__ import annotations

ESC_NAME = "esc\x1b]0;PWNED\x07name\x1b[2J.txt"
TABLE_NAME = "tab\x1b]2;T\x07le.txt"  # only a table: its title falls back to the file name
EMPTY_NAME = "[x=a:b]空.txt"

GOOD = "标题\n\n内容。\n"
DAMAGED = bytearray("损坏的文件\n\n这一段有几个坏字节，其余都能读。".encode() * 3)
DAMAGED[20] = 0xFF
DAMAGED[60] = 0xC3

FILES: dict[str, str | bytes] = {
    "a.txt": "[/bold]坏标题[/]\n\n正文第一段[url=http://x]链接[/url]，还有[x=a:b]标记。\n",
    "b.txt": "恶意标题[bold red]x[/]\n\n正文第二段。\n",
    ESC_NAME: "\x1b]0;PWNED\x07标题\x1b[2J\n\n内容\x1b[31m红色\x1b[0m。\n",
    TABLE_NAME: "列一\t列二\n值一\t值二\n",
    "sep.txt": "分隔\u2028符\u2029段\x85落\n\n正文。\n",
    EMPTY_NAME: "",
    "damaged.txt": bytes(DAMAGED),
}
LOADED = 6  # all but the empty file

# What a terminal must never receive from zhreader's output.
TERMINAL_CONTROLS = ("\x1b", "\x07", "\x9b", "\x9d")


def clean(text: str) -> bool:
    return not any(control in text for control in TERMINAL_CONTROLS)
