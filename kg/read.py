"""Files to Articles: find inputs, decode them, drop page boilerplate.

Every bad input becomes an :class:`~kg.errors.InputError` that names the file (and line), yielded in
place of the article, so one bad file never stops a batch.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from .errors import InputError
from .model import Article
from .names import short_hash, slug

__all__ = ["read_articles", "find_inputs", "decode", "clean_text", "parse_date", "SUFFIXES"]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_FILE_BYTES = 200 * 1024 * 1024

# Lines that end an article on a news page: everything after them is navigation and teasers.
_END_MARKERS = re.compile(
    r"^(previous|next) (article|post|story)$|^related( articles| stories| news|:)?$|^read (more|next|also):?$"
    r"|^more (from|on|stories)\b|^recommended( for you)?$|^(you|we) (may|might) also like\b"
    r"|^trending( now)?$|^most (read|popular)$|^latest news$|^share this (article|story)$",
    re.IGNORECASE)
# Page furniture that can sit anywhere: calls to action, credits, widgets.
_FURNITURE = re.compile(
    r"^(no time to read\??|get a summary|listen to (this|the) article.*|subscribe( now)?\b.*"
    r"|sign up\b.*|advertisement|share( this)?|follow us\b.*|click here\b.*|(photo|image|video|picture)s?"
    r"( credit)?s?\s*[:/].*|credit:.*|copyright\b.*|©.*|all rights reserved\.?|skip to (main )?content"
    r"|loading\.*|comments?|print|email|tags?:.*|skip past newsletter promotion\b.*"
    r"|skip to (the )?end of (the )?carousel\b.*"
    # a teaser set inside the article ("Other Topics of Interest <headline> <blurb>", "Read more from Ukraine on
    # <site>"): that paragraph goes, the article goes on
    r"|other (topics|stories) of interest\b.*|read (more|also)\b.*|see also\b.*|more news (about|on|from)\b.*)$",
    re.IGNORECASE)
#: "On 14 February 2024,Russian forces": a comma glued to the next word hides the date from the tagger.
_MISSING_SPACE = re.compile(r"(\d,)([A-Za-z])")
_SENTENCE_END = re.compile(r"[.!?\"'\u201d\u2019)\]]$")


def find_inputs(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str] | InputError]:
    """Yield (file, article-id stem) for every input file, walking directories without following
    symlinked directories (no loops) in sorted order (deterministic ids and output)."""
    for given in paths:
        root = Path(given)
        if not root.exists():
            yield InputError(root, "no such file or directory")
        elif root.is_dir():
            unreadable: list[OSError] = []
            for folder, dirs, files in os.walk(root, followlinks=False, onerror=unreadable.append):
                yield from (InputError(exc.filename or folder, f"cannot read directory: {exc.strerror or exc}")
                            for exc in unreadable)
                unreadable.clear()
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    path = Path(folder) / name
                    if name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                        continue
                    stem = path.relative_to(root).with_suffix("").as_posix()
                    yield _not_a_file(path) or (path, stem)
            yield from (InputError(exc.filename or root, f"cannot read directory: {exc.strerror or exc}")
                        for exc in unreadable)
        elif root.suffix.lower() not in SUFFIXES:
            yield InputError(root, f"unsupported file type {root.suffix or '(none)'!r}: expected "
                                   f"one of {', '.join(SUFFIXES)}")
        else:
            yield _not_a_file(root) or (root, root.with_suffix("").name)


def _not_a_file(path: Path) -> InputError | None:
    """An error for what is not a regular file: a FIFO or device would block or never end a read,
    and a dangling or looping symlink cannot be read at all."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return InputError(path, f"cannot read: {exc.strerror or exc}")
    if not stat.S_ISREG(mode):
        return InputError(path, "not a regular file (a FIFO, socket or device): expected a text, HTML or "
                                "JSON Lines file")
    return None


def decode(data: bytes, path: str | Path) -> str:
    """Bytes to text: BOMs honoured, UTF-8 first, UTF-16 without BOM detected, then cp1252.
    Binary data is refused rather than turned into mojibake."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not valid {codec} text despite its byte-order mark: {exc.reason}") from None
    sample = data[:4096]
    if sample and sample.count(0) * 4 >= len(sample):
        # Many NULs at alternating positions: UTF-16 written without a BOM.
        codec = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise InputError(path, "binary data, not text (NUL bytes found)") from None
        if _looks_like_text(text):
            return text
        raise InputError(path, "binary data, not text (NUL bytes found)")
    if 0 in sample:
        raise InputError(path, "binary data, not text (NUL bytes found)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > 0 or not _looks_like_text(text):
            raise InputError(path, "not text in UTF-8, UTF-16 or Latin-1/cp1252") from None
    if not _looks_like_text(text):
        raise InputError(path, "binary data, not text (mostly control characters)")
    return text


def _looks_like_text(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return True
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return controls / len(sample) < 0.01


def clean_text(text: str) -> tuple[str | None, str]:
    """Split off a headline and drop page furniture; return (title, body).

    Paragraphs are kept apart by blank lines, so a teaser never runs into an article sentence.
    """
    text = _MISSING_SPACE.sub(r"\1 \2", text)
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept: list[str] = []
    for line in lines:
        if _END_MARKERS.match(line):
            break
        if _FURNITURE.match(line):
            kept.append("")
            continue
        kept.append(line)
    paragraphs = [p.strip() for p in "\n".join(kept).split("\n\n")]
    paragraphs = [" ".join(p.split("\n")) if _is_wrapped(p) else p for p in paragraphs if p]
    title = None
    if paragraphs and "\n" not in paragraphs[0] and len(paragraphs[0]) < 200 \
            and not _SENTENCE_END.search(paragraphs[0]) and len(paragraphs) > 1:
        title = paragraphs[0]
    return title, "\n\n".join(paragraphs)


def _is_wrapped(paragraph: str) -> bool:
    """Hard-wrapped prose (lines that do not end sentences) is joined back into one line."""
    lines = paragraph.split("\n")
    return len(lines) > 1 and sum(1 for line in lines[:-1] if not _SENTENCE_END.search(line)) >= len(lines) - 1


_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%dT%H%M%SZ", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S",
                 "%Y/%m/%d", "%Y%m%d")


def parse_date(value: object, path: str | Path, *, line: int | None = None) -> date | None:
    """A publication date in one of the machine formats; anything else is an error, not a guess."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(path, f"date must be a string like 2023-12-03, found {type(value).__name__}", line=line)
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise InputError(path, f"unknown date format {text[:40]!r}: expected YYYY-MM-DD", line=line) from None


def read_articles(paths: Iterable[str | Path], *, published: date | None = None,
                  source: str | None = None) -> Iterator[Article | InputError]:
    """Yield articles from files, .jsonl records and directories, lazily.

    ``published`` and ``source`` apply to files that carry none of their own.
    """
    for found in find_inputs(paths):
        if isinstance(found, InputError):
            yield found
            continue
        path, stem = found
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise InputError(path, f"file is {path.stat().st_size} bytes: over the {MAX_FILE_BYTES} byte limit")
            data = path.read_bytes()
        except InputError as exc:
            yield exc
            continue
        except OSError as exc:
            yield InputError(path, f"cannot read: {exc.strerror or exc}")
            continue
        suffix = path.suffix.lower()
        try:
            if suffix == ".jsonl":
                yield from _read_jsonl(path, data, published=published, source=source)
            elif suffix in (".html", ".htm"):
                yield _read_html(path, stem, data, published=published, source=source)
            else:
                yield _read_text(path, stem, data, published=published, source=source)
        except InputError as exc:
            yield exc


def _read_text(path: Path, stem: str, data: bytes, *, published: date | None, source: str | None) -> Article:
    text = decode(data, path)
    title, body = clean_text(text)
    if not body.strip():
        raise InputError(path, "empty: no article text")
    return Article(id=stem, text=body, published=published, source=source, title=title,
                   origin=str(path))


def _read_html(path: Path, stem: str, data: bytes, *, published: date | None, source: str | None) -> Article:
    import trafilatura  # heavy; only when there is HTML to read

    html = decode(data, path)
    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                            favor_precision=True, with_metadata=True)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError(path, "no article text found in the HTML page")
    title = getattr(extracted, "title", None) or None
    page_date = getattr(extracted, "date", None)
    found_date = None
    if page_date:
        try:
            found_date = parse_date(page_date, path)
        except InputError:
            found_date = None
    _, body = clean_text(text.replace("\n", "\n\n"))  # trafilatura puts one paragraph per line
    url = getattr(extracted, "url", None) or None
    return Article(id=stem, text=body, published=found_date or published, url=url,
                   source=source or getattr(extracted, "sitename", None) or None, title=title,
                   origin=str(path))


def _read_jsonl(path: Path, data: bytes, *, published: date | None,
                source: str | None) -> Iterator[Article | InputError]:
    try:
        text = decode(data, path)
    except InputError as exc:
        yield exc
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"broken JSON: {exc.msg} at column {exc.colno}", line=number)
            continue
        if not isinstance(record, dict):
            yield InputError(path, f"expected a JSON object per line, found {type(record).__name__}", line=number)
            continue
        body = record.get("text")
        if body is None:
            yield InputError(path, "record has no 'text' field", line=number)
            continue
        if not isinstance(body, str):
            yield InputError(path, f"'text' must be a string, found {type(body).__name__}", line=number)
            continue
        try:
            day = parse_date(record.get("date"), path, line=number) or published
        except InputError as exc:
            yield exc
            continue
        title, cleaned = clean_text(body)
        if not cleaned.strip():
            yield InputError(path, "empty: no article text", line=number)
            continue
        given_id = record.get("id")
        article_id = str(given_id) if given_id not in (None, "") else (
            str(record["url"]) if record.get("url") else f"{slug(path.stem)}-{short_hash(cleaned, length=16)}")
        yield Article(id=article_id, text=cleaned, published=day, url=_str_or_none(record.get("url")),
                      source=_str_or_none(record.get("source")) or source,
                      title=_str_or_none(record.get("title")) or title, origin=f"{path}:{number}")


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
