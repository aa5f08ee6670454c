"""A per-frame cache of Rich styles for Line API widgets.

``Widget.rich_style`` and ``get_component_rich_style`` recompute from CSS on every call;
a list asks for them several times per row, so a frame of a big list spent most of its
time there. The cache lives for one ``render_lines`` pass, so focus, hover or theme
changes are picked up on the next frame.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class CachedStyles:
    _style_cache: dict[tuple[str, ...], Style]

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style_cache = {}
        lines: list[Strip] = super().render_lines(crop)  # type: ignore[misc]  # a mixin over a Widget
        return lines

    def base_style(self) -> Style:
        return self.part_style()

    def part_style(self, *names: str) -> Style:
        """The widget's style with the named component styles on top (the component's
        own background would otherwise be missing: the terminal default would show)."""
        cache = getattr(self, "_style_cache", None)
        if cache is None:
            cache = self._style_cache = {}
        style = cache.get(names)
        if style is None:
            widget: Any = self
            style = widget.rich_style
            if names:
                # Not partial: a partial style cannot blend colours with alpha ($text-muted)
                # against the background, and comes out white.
                style = style + widget.get_component_rich_style(*names)
            cache[names] = style
        return style
