"""Zip containers (DOCX, EPUB) opened with their size checked before anything is unpacked:
a small file that unpacks to gigabytes (a zip bomb) is refused, not read."""

from __future__ import annotations

import io
import zipfile

from zhreader.corpus.errors import DocumentError

MAX_UNPACKED_BYTES = 512 * 1024 * 1024
# Text compresses about 3-10 times; a hundred times and more is padding built to explode.
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024  # small members may compress better than that, harmlessly
MAX_MEMBERS = 100_000


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise DocumentError(f"damaged {what} (not a readable zip container)") from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise DocumentError(f"refused {what}: {len(members):,} files inside (a zip bomb?)")
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED_BYTES:
        raise DocumentError(f"refused {what}: it unpacks to {total // (1024 * 1024):,} MB (a zip bomb?)")
    for member in members:
        if member.file_size > RATIO_FROM_BYTES and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise DocumentError(
                f"refused {what}: {member.filename} unpacks {member.file_size // max(member.compress_size, 1):,} "
                "times its packed size (a zip bomb?)"
            )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, what: str) -> bytes:
    """A member's bytes, read no further than it says it is long (a lying header cannot
    make it unpack more)."""
    try:
        info = archive.getinfo(name)
        with archive.open(info) as member:
            data = member.read(info.file_size + 1)
    except KeyError:
        raise DocumentError(f"damaged {what}: {name} is missing") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
        raise DocumentError(f"damaged {what}: cannot unpack {name} ({err})") from None
    if len(data) > info.file_size:
        raise DocumentError(f"damaged {what}: {name} is longer than its header says")
    return data
