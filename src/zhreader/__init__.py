"""zhreader: a keyboard-first terminal reader for collections of Chinese documents.

One installed package in three layers, each allowed to import only the ones below it
(checked by import-linter, see ``pyproject.toml``)::

    zhreader.tui       the reader (Textual) and the command line
    zhreader.index     the Whoosh index: building, exact matching, ranking
    zhreader.corpus    documents: discovery, decoding, repair, structure; notes
    zhreader.support   paths, atomic writes, file locks, lazy exports
    zhreader.errors    the one error type every layer raises

In a source checkout the layers live in the top-level folders ``corpus/``, ``index/``
and ``tui/``, and this package root in ``src/zhreader/`` (under ``src/`` so that a
checkout never shadows the installed package); ``pyproject.toml`` maps them together.
"""

__version__ = "0.2.0"
