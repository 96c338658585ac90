"""The user's own table: a CSV file with numeric feature columns and one label column.

Read with the standard library's csv module (no pandas dependency). Features are standardised with
the training split's mean and standard deviation, which are kept on the Dataset so that new rows
can be treated the same way at prediction time.
"""

from __future__ import annotations

import csv
import difflib
import math
import stat
from pathlib import Path

import numpy as np
import torch

from ..messages import msg
from .base import Dataset, DatasetError, check_split, check_task, split_indices
from .paths import resolve_data_path

TEST_FRACTION = 0.2
# An integer label column with at most this many distinct values is taken as class ids.
MAX_AUTO_CLASSES = 20
# Larger files are refused rather than read: every cell is held as text while reading, several
# times the file's size in memory.
MAX_BYTES = 512 << 20
MAX_COLUMNS = 100_000
# Longest column or class name: longer ones are damaged data, and the app has to draw them.
MAX_NAME_LENGTH = 200
# Columns listed in a message that names the file's columns.
SHOWN_COLUMNS = 20


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _not_a_number(text: str) -> str:
    """Why a cell is no usable number, in words."""
    if not text:
        return msg("is empty")
    try:
        float(text)
    except ValueError:
        return msg("holds {value!r}, not a number", value=_shorten(text))
    return msg("holds {value!r}, not a finite number", value=text)


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _encoding(path: Path) -> str:
    """UTF-16 when the file starts with its byte-order mark (Excel's "Unicode text"), else
    UTF-8 with an optional byte-order mark (Excel's "CSV UTF-8")."""
    with open(path, "rb") as f:
        start = f.read(4)
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if start.startswith(b"PK\x03\x04"):
        raise DatasetError(
            msg(
                "{path} is a zip archive or a spreadsheet workbook (.xlsx), not a CSV file. "
                "Save it as CSV (UTF-8) and try again.",
                path=path,
            )
        )
    return "utf-8-sig"


def _check_file(path: Path) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DatasetError(
            msg("The file {path} does not exist. Choose a CSV file.", path=path)
        ) from None
    except OSError as exc:
        raise DatasetError(
            msg("Could not read {path}: {error}.", path=path, error=exc.strerror or exc)
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise DatasetError(msg("{path} is a folder, not a file. Choose a CSV file.", path=path))
    if not stat.S_ISREG(info.st_mode):
        # A pipe or a device: reading it could wait forever or never end.
        raise DatasetError(msg("{path} is not a regular file. Choose a CSV file.", path=path))
    if info.st_size > MAX_BYTES:
        raise DatasetError(
            msg(
                "{path} is {size:,} MB, larger than the {limit:,} MB a CSV table may have "
                "here. Use a sample of its rows.",
                path=path,
                size=info.st_size >> 20,
                limit=MAX_BYTES >> 20,
            )
        )


def _read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, cells) for every non-empty row."""
    _check_file(path)
    rows: list[tuple[int, list[str]]] = []
    line = 0
    try:
        encoding = _encoding(path)
        with open(path, encoding=encoding, newline="") as f:
            sample = f.read(8192)
            f.seek(0)
            if not sample.strip():
                raise DatasetError(_empty(path))
            try:
                # Spreadsheets in many locales write ';' (the comma being the decimal mark)
                # or tabs.
                dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
                    sample, delimiters=",;\t"
                )
            except csv.Error:
                dialect = csv.excel
            reader = csv.reader(f, dialect)
            for cells in reader:
                line = reader.line_num
                if any(c.strip() for c in cells):
                    rows.append((line, [c.strip() for c in cells]))
                    if len(cells) > MAX_COLUMNS:
                        raise DatasetError(
                            msg(
                                "Line {line} of {path} has {count:,} values; a table may have "
                                "at most {limit:,} columns.",
                                line=line,
                                path=path,
                                count=len(cells),
                                limit=MAX_COLUMNS,
                            )
                        )
    except UnicodeError as exc:
        raise DatasetError(
            msg(
                "{path} is not a UTF-8 text file (after line {line}). Save it as CSV (UTF-8) "
                "and try again.",
                path=path,
                line=line,
            )
        ) from exc
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            error = msg("a value longer than {limit:,} characters", limit=csv.field_size_limit())
        else:
            error = str(exc)
        raise DatasetError(
            msg(
                "{path} is not a valid CSV file (line {line}: {error}).",
                path=path,
                line=line + 1,
                error=error,
            )
        ) from exc
    except OSError as exc:
        raise DatasetError(
            msg("Could not read {path}: {error}.", path=path, error=exc.strerror or exc)
        ) from exc
    if not rows:
        raise DatasetError(_empty(path))
    header = rows[0][1]
    if all(_number(c) is not None for c in header):
        # No header row: name the columns by position.
        header = [f"column {i + 1}" for i in range(len(header))]
    else:
        rows = rows[1:]
    if not rows:
        raise DatasetError(msg("{path} has a header but no data rows.", path=path))
    for line, cells in rows:
        if len(cells) != len(header):
            raise DatasetError(
                msg(
                    "Line {line} of {path} has {values} values but the header has "
                    "{columns} columns. Every row needs one value per column.",
                    line=line,
                    path=path,
                    values=len(cells),
                    columns=len(header),
                )
            )
    return header, rows


def _check_names(header: list[str], path: Path) -> None:
    """Column names are shown in the app: refuse ones no one could read."""
    for name in header:
        if len(name) > MAX_NAME_LENGTH:
            raise DatasetError(
                msg(
                    "A column name in the header of {path} is {length:,} characters long "
                    "({start!r}…); names may have at most {limit} characters.",
                    path=path,
                    length=len(name),
                    start=name[:20],
                    limit=MAX_NAME_LENGTH,
                )
            )


def _check_class_names(
    classes: list[str],
    rows: list[tuple[int, list[str]]],
    labels: list[str],
    column: str,
    path: Path,
) -> None:
    """Class names are shown in the app (predictions, confusion matrix): refuse ones no one
    could read, naming the first line that holds one."""
    if all(len(c) <= MAX_NAME_LENGTH for c in classes):
        return
    at = next(i for i, label in enumerate(labels) if len(label) > MAX_NAME_LENGTH)
    raise DatasetError(
        msg(
            "Line {line} of {path} has a label {length:,} characters long in the column "
            "{column!r}; class names may have at most {limit} characters.",
            line=rows[at][0],
            path=path,
            length=len(labels[at]),
            column=_shorten(column),
            limit=MAX_NAME_LENGTH,
        )
    )


def _empty(path: Path) -> str:
    return msg("{path} is empty. A CSV file needs a header row and data rows.", path=path)


def _pick_label(header: list[str], label_column: str | None, path: Path) -> int:
    if label_column is None:
        return len(header) - 1
    if label_column in header:
        return header.index(label_column)
    lowered = [h.lower() for h in header]
    if label_column.lower() in lowered:
        return lowered.index(label_column.lower())
    close = difflib.get_close_matches(label_column[:100], header, n=1)
    columns = ", ".join(repr(h) for h in header[:SHOWN_COLUMNS])
    if len(header) > SHOWN_COLUMNS:
        columns += f", … ({len(header):,} in all)"
    label_column = _shorten(label_column)
    if close:
        raise DatasetError(
            msg(
                "{path} has no column {name!r}. Did you mean {close!r}? Its columns are: "
                "{columns}.",
                path=path,
                name=label_column,
                close=close[0],
                columns=columns,
            )
        )
    raise DatasetError(
        msg(
            "{path} has no column {name!r}. Its columns are: {columns}.",
            path=path,
            name=label_column,
            columns=columns,
        )
    )


def load_csv(
    path: str | Path,
    *,
    label_column: str | None = None,
    task: str | None = None,
    seed: int = 0,
) -> Dataset:
    """A CSV file as a tabular Dataset: float32 features (N, F), a seeded 20 % test split.

    The label column defaults to the last one. The task is "classification" when the labels are
    text, or whole numbers with few distinct values; otherwise "regression". task= overrides."""
    path = resolve_data_path(path)
    check_task(task)
    if isinstance(label_column, str) and not label_column.strip():
        label_column = None  # an empty choice means the default, the last column
    if label_column is not None and not isinstance(label_column, str):
        raise DatasetError(
            msg(
                "The label column must be a column's name, not {value}.",
                value=_shorten(repr(label_column)),
            )
        )
    header, rows = _read_rows(path)
    if len(header) < 2:
        raise DatasetError(
            msg(
                "{path} has a single column. It needs feature columns and a label column.",
                path=path,
            )
        )
    _check_names(header, path)
    label_at = _pick_label(header, label_column, path)
    feature_cols = [i for i in range(len(header)) if i != label_at]

    features = np.empty((len(rows), len(feature_cols)), dtype=np.float64)
    for r, (line, cells) in enumerate(rows):
        for f, c in enumerate(feature_cols):
            value = _number(cells[c])
            if value is None:
                what = _not_a_number(cells[c])
                raise DatasetError(
                    msg(
                        "Column {column!r} on line {line} of {path} {what}. Feature columns "
                        "must be numbers: fill in or remove that row, or remove the column.",
                        column=header[c],
                        line=line,
                        path=path,
                        what=what,
                    )
                )
            features[r, f] = value

    raw_labels = [cells[label_at] for _, cells in rows]
    for (line, _), text in zip(rows, raw_labels, strict=True):
        if not text:
            raise DatasetError(
                msg(
                    "Line {line} of {path} has no value in the label column {column!r}. "
                    "Fill it in or remove that row.",
                    line=line,
                    path=path,
                    column=header[label_at],
                )
            )
    numeric = [_number(t) for t in raw_labels]
    all_numeric = all(v is not None for v in numeric)
    if task is None:
        if not all_numeric:
            task = "classification"
        else:
            whole = all(float(v).is_integer() for v in numeric)  # type: ignore[arg-type]
            distinct = len(set(numeric))
            few = distinct <= min(MAX_AUTO_CLASSES, max(2, len(rows) // 2))
            task = "classification" if whole and few else "regression"

    classes: list[str] = []
    if task == "classification":
        if all_numeric:
            # Order numeric classes by value (2 before 10), named as written without ".0".
            values = sorted(set(numeric))  # type: ignore[type-var]
            classes = [str(int(v)) if float(v).is_integer() else str(v) for v in values]
            index = {v: i for i, v in enumerate(values)}
            y = np.array([index[v] for v in numeric], dtype=np.int64)
        else:
            classes = sorted(set(raw_labels))
            _check_class_names(classes, rows, raw_labels, header[label_at], path)
            index = {c: i for i, c in enumerate(classes)}
            y = np.array([index[t] for t in raw_labels], dtype=np.int64)
        if len(classes) < 2:
            raise DatasetError(
                msg(
                    "The label column {column!r} of {path} holds one value only "
                    "({value!r}); classification needs at least two classes.",
                    column=header[label_at],
                    path=path,
                    value=classes[0],
                )
            )
        train, test = split_indices(len(rows), TEST_FRACTION, seed, labels=y)
        y_t = torch.from_numpy(y)
    else:
        if not all_numeric:
            bad = next(i for i, v in enumerate(numeric) if v is None)
            raise DatasetError(
                msg(
                    "Regression needs numbers in the label column {column!r}, but line "
                    "{line} of {path} holds {value!r}.",
                    column=header[label_at],
                    line=rows[bad][0],
                    path=path,
                    value=raw_labels[bad],
                )
            )
        y_t = torch.tensor(numeric, dtype=torch.float32)
        train, test = split_indices(len(rows), TEST_FRACTION, seed)
    check_split(len(train), len(test), path)

    train_t, test_t = torch.from_numpy(train), torch.from_numpy(test)
    x_train, x_test = features[train], features[test]
    mean = x_train.mean(axis=0)
    std = x_train.std(axis=0)
    std[std == 0] = 1.0  # a constant column stays 0 instead of dividing by zero
    return Dataset(
        name="csv",
        title=path.stem,
        task=task,
        x_train=torch.from_numpy(((x_train - mean) / std).astype(np.float32)),
        y_train=y_t[train_t],
        x_test=torch.from_numpy(((x_test - mean) / std).astype(np.float32)),
        y_test=y_t[test_t],
        classes=classes,
        feature_mean=torch.from_numpy(mean.astype(np.float32)),
        feature_std=torch.from_numpy(std.astype(np.float32)),
        feature_names=[header[c] for c in feature_cols],
        source=str(path),
    )
