"""The reader's background work, one concern a module: the index's life, watching
the folder, searching as the user types, finding in the open document, notes. Each runs
Textual workers on the screen it serves and posts typed messages
(``zhreader.tui.messages``) that the screen routes to its widgets.

Workers here never report errors themselves: a ``ZhreaderError`` escaping one reaches
``MainScreen.on_worker_state_changed``, the one place that turns worker failures into
reports (``ZhreaderApp.report``). Cancellation is not a failure: a cancelled worker just
returns.
"""
