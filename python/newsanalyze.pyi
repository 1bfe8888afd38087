"""News-article analysis (Korean and English): metadata, deduplicated
paragraphs and entities.

Each record is the dict that ``json.loads`` gives for the ``analyze`` command
line's output for the same article (docs/output.md). An article that cannot be
analyzed (binary, unreadable) is a record with an ``"error"`` field, not an
exception.
"""
from os import PathLike
from pathlib import Path
from typing import Any, Iterable, Literal, Sequence

Record = dict[str, Any]
StrPath = str | PathLike[str]
# How the input is read, as the CLI's --input-format: by its content, as plain
# text, or as a web page whose article is extracted (docs/html.md).
InputFormat = Literal["auto", "text", "html"]

class OptionsError(ValueError):
    """An option is invalid, e.g. a ``published`` that is not ISO 8601."""

class DataError(OSError):
    """A data file (lexicon, model) is malformed; the message names the file and line."""

class Analyzer:
    """Opens the data (lexicons, NER model) once; analyze from many threads."""

    def __init__(self, data_dir: StrPath | None = None, model: bool = True,
                 lexicons: Sequence[StrPath] = ()) -> None:
        """data_dir=None: $ANALYZE_DATA, else the installed data.

        Raises FileNotFoundError when there is no data directory, DataError
        when a data file is malformed."""

    @property
    def data_dir(self) -> Path:
        """The directory the data was read from."""

    def analyze(self, text: str | bytes, *, published: str | None = None,
                id: str | None = None, tokens: bool = False, strict: bool = False,
                encoding: str | None = None, input_format: InputFormat = "auto") -> Record:
        """The record of one article, as the CLI prints it (parsed)."""

    def analyze_json(self, text: str | bytes, *, published: str | None = None,
                     id: str | None = None, tokens: bool = False, strict: bool = False,
                     encoding: str | None = None, input_format: InputFormat = "auto") -> str:
        """The CLI's compact JSON record: one line, no newline."""

    def analyze_file(self, path: StrPath, *, published: str | None = None,
                     tokens: bool = False, strict: bool = False,
                     encoding: str | None = None, from_folder: bool = False,
                     input_format: InputFormat = "auto") -> Record:
        """The record ``analyze PATH`` prints; source.path is ``path`` as given.

        from_folder=True: the path was listed from a folder; a FIFO, socket or
        device is then a not_regular_file record instead of a read that may
        block, as in the CLI's folder walks."""

    def analyze_file_json(self, path: StrPath, *, published: str | None = None,
                          tokens: bool = False, strict: bool = False,
                          encoding: str | None = None, from_folder: bool = False,
                          input_format: InputFormat = "auto") -> str:
        """The line ``analyze PATH`` prints for the file (compact JSON, no newline)."""

    def analyze_many(self, texts: Iterable[str | bytes], jobs: int = 0, *,
                     published: str | None = None, tokens: bool = False,
                     input_format: InputFormat = "auto") -> list[Record]:
        """Records in order, on ``jobs`` threads (0: every core), without the GIL."""

    def analyze_files(self, paths: Iterable[StrPath], jobs: int = 0, *,
                      published: str | None = None, tokens: bool = False,
                      from_folder: bool = False,
                      input_format: InputFormat = "auto") -> list[Record]:
        """analyze_file for many paths, in order, on ``jobs`` threads, without the GIL."""

def error_record(path: str | None, code: str, message: str) -> Record:
    """An error record in the CLI's shape, for an input that could not be analyzed at all."""
