"""``python -m zhreader``: the same as the ``zhreader`` command."""

from zhreader.tui.entry import main

main()
