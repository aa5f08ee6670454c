"""The user interface: the Textual reader and the command line.

Importing this package stays cheap: textual is only imported when the reader opens.
"""
