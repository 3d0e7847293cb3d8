"""The files the fake Bot API holds: documents users upload and the bot sends, and their downloads.

Each stored document gets a file_id, which getFile turns into a file_path, which the download URL
serves. Kept apart from messages because a file outlives the message it came with: the bot may send a
document again by its file_id, or fetch it long after the update that brought it.
"""

from __future__ import annotations

import itertools
from pathlib import PurePosixPath
from typing import Any

from fakes.api_faults import ApiError

JSON = dict[str, Any]


class Files:
    """Documents by file_id and their contents by file_path."""

    def __init__(self) -> None:
        self._file_ids = itertools.count(1)
        self._files: dict[str, tuple[JSON, str]] = {}  # file_id -> (document, file_path)
        self._downloads: dict[str, bytes] = {}  # file_path -> content

    def __contains__(self, file_id: str) -> bool:
        return file_id in self._files

    def store(self, filename: str, content: bytes, mime_type: str) -> JSON:
        """Keep a file; the Document a message carries for it."""
        number = next(self._file_ids)
        document = {
            "file_id": f"file-{number}", "file_unique_id": f"unique-{number}", "file_name": filename,
            "mime_type": mime_type, "file_size": len(content),
        }
        file_path = f"documents/file_{number}{PurePosixPath(filename).suffix}"
        self._files[document["file_id"]] = (document, file_path)
        self._downloads[file_path] = content
        return document

    def document(self, file_id: str) -> JSON:
        return self._files[file_id][0]

    def download(self, file_path: str) -> bytes | None:
        return self._downloads.get(file_path)

    def get_file(self, params: JSON) -> JSON:
        """The Bot API method getFile."""
        if params.get("file_id") not in self._files:
            raise ApiError(400, "Bad Request: invalid file_id")
        document, file_path = self._files[params["file_id"]]
        return {
            "file_id": document["file_id"], "file_unique_id": document["file_unique_id"],
            "file_size": document["file_size"], "file_path": file_path,
        }
