"""Notes: tagged passages of a corpus, kept in a JSON Lines file that never loses one.

``model`` (a note and its validation), ``store`` (the file: tolerant reading, atomic
locked writes), ``anchor`` (finding a passage again after its document changed),
``export`` (Markdown, CSV, JSON).
"""
