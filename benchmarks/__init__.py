"""Benchmarks: zhreader against the jieba+Whoosh recipe, SQLite FTS5 and ripgrep.

Run from a checkout with the test extras installed: ``python -m benchmarks``.
"""
