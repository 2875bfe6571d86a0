"""Files uploaded on the import page: kept in the server's own folder (IMPORT_FOLDER, never
served) from the dry run until the person who uploaded confirms, and each applied import's
rejected rows, for download. An SSD upload is a .zip of its CSVs, unpacked with care: only
.csv files at the top level, within the size limit."""

from __future__ import annotations

import json
import shutil
import time
import uuid
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from flask import current_app

from app.imports.tables import ImportRefused

STALE_AFTER_SECONDS = 24 * 60 * 60
SUFFIXES = {"annex-a": (".xlsx",), "agency-list": (".csv", ".xlsx"), "ssd": (".zip",)}


@dataclass
class Pending:
    id: str
    kind: str
    file_name: str
    la_code: str
    as_of: str
    agency_id: str | None
    user_id: str


def _folder() -> Path:
    return Path(current_app.config["IMPORT_FOLDER"])


def _pending_dir(pending_id: str) -> Path:
    uuid.UUID(pending_id)  # a path part from a form: only ever a UUID
    return _folder() / "pending" / pending_id


def source_path(pending: Pending) -> Path:
    folder = _pending_dir(pending.id)
    if pending.kind == "ssd":
        return folder / "ssd"
    # Under its own name, so that the rejected rows name the file the person chose.
    return folder / "source" / pending.file_name


def _unzip(archive: Path, target: Path, max_bytes: int) -> None:
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = [m for m in zipped.infolist() if not m.is_dir()]
            if sum(m.file_size for m in members) > max_bytes:
                raise ImportRefused("The files in the .zip are larger than an import takes")
            target.mkdir()
            for member in members:
                name = Path(member.filename).name  # never a path the archive chooses
                if name.lower().endswith(".csv") and not name.startswith("."):
                    with zipped.open(member) as src, (target / name).open("wb") as out:
                        shutil.copyfileobj(src, out)
    except zipfile.BadZipFile:
        raise ImportRefused("The file is not a .zip of the SSD's CSV files") from None


def _discard_stale() -> None:
    """Uploads nobody confirmed hold personal data for no purpose: gone after a day."""
    cutoff = time.time() - STALE_AFTER_SECONDS
    for folder in (_folder() / "pending").glob("*"):
        if folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            (_folder() / "rejected" / f"{folder.name}.csv").unlink(missing_ok=True)


def save(upload, kind: str, la_code: str, as_of: str, agency_id: str | None,
         user_id: str) -> Pending:
    """Keep an uploaded file for its dry run and confirmation."""
    _discard_stale()
    file_name = Path(upload.filename or "").name.strip()
    if file_name in ("", ".", "..") or not file_name.lower().endswith(SUFFIXES[kind]):
        raise ImportRefused(f"{file_name} is not a {' or '.join(SUFFIXES[kind])} file")
    pending = Pending(str(uuid.uuid4()), kind, file_name, la_code, as_of, agency_id, user_id)
    folder = _pending_dir(pending.id)
    if kind == "ssd":
        folder.mkdir(parents=True)
        archive = folder / "upload.zip"
        upload.save(archive)
        _unzip(archive, source_path(pending), current_app.config["IMPORT_MAX_BYTES"])
    else:
        source_path(pending).parent.mkdir(parents=True)
        upload.save(source_path(pending))
    (folder / "pending.json").write_text(json.dumps(asdict(pending)))
    return pending


def load(pending_id: str, user_id: str) -> Pending | None:
    """The pending upload, for the person who uploaded it only."""
    try:
        meta = _pending_dir(pending_id) / "pending.json"
    except ValueError:
        return None
    if not meta.exists():
        return None
    pending = Pending(**json.loads(meta.read_text()))
    return pending if pending.user_id == user_id else None


def discard(pending: Pending) -> None:
    """The upload and its dry run's rejected rows, once applied."""
    shutil.rmtree(_pending_dir(pending.id), ignore_errors=True)
    (_folder() / "rejected" / f"{pending.id}.csv").unlink(missing_ok=True)


def save_rejected(key: str, text: str) -> None:
    """The rejected rows of a dry run (by its pending id) or of an import (by its id)."""
    uuid.UUID(key)
    folder = _folder() / "rejected"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{key}.csv").write_text(text, encoding="utf-8")


def rejected(key: str) -> str | None:
    try:
        uuid.UUID(key)
    except ValueError:
        return None
    path = _folder() / "rejected" / f"{key}.csv"
    return path.read_text(encoding="utf-8") if path.exists() else None
