"""Does a line break fall inside a word? Asked of jieba only when layout cannot tell."""

from __future__ import annotations

from zhreader.corpus import words

# Words a sentence cannot end on: when the text before a break ends in one, the text
# after it continues the sentence ("关键要 / 把干部队伍建好").
FUNCTION_WORDS = frozenset(
    [
        "的",
        "把",
        "和",
        "与",
        "及",
        "在",
        "对",
        "将",
        "从",
        "向",
        "被",
        "让",
        "使",
        "并",
        "而",
        "或",
        "但",
        "为",
        "以",
        "于",
        "要",
        "是",
        "之",
        "其",
        "跟",
        "同",
        "给",
        "由",
        "就",
        "也",
        "都",
        "还",
        "又",
        "才",
        "所",
        "若",
        "如",
        "因",
        "却",
        "则",
        "即",
        "且",
    ]
)
_CONTEXT = 8


class JiebaWordBreaks:
    """Segments the few characters around a break with jieba's dictionary (no HMM, so
    the answer depends only on the dictionary and the display text stays stable)."""

    def continues(self, left: str, right: str) -> bool:
        head = left[-_CONTEXT:]
        cut_at = len(head)
        pos = 0
        for token in words.cut(head + right[:_CONTEXT]):
            end = pos + len(token)
            if pos < cut_at < end:
                return True
            if end == cut_at:
                return token in FUNCTION_WORDS
            pos = end
        return False
