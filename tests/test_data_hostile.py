"""Hostile and broken data sets (issue 12): image folders and CSV files that users download,
share and hand-edit. Each either loads (skipping what cannot be used, and saying so) or gives
one plain DatasetError message: never a traceback, a hang or another exception type."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from studio.augment import preview_images
from studio.data import DatasetError, StreamingImageFolder, load_dataset
from studio.data import folder_scan as scan_mod
from studio.data import tabular as tabular_mod
from studio.data.fallback import load_for_project
from studio.data.folder import UnreadableImageError, decode_image
from studio.errors import StudioError

SIZE = (8, 6)  # width, height of the ordinary images below


def _png(path: Path, value: int, size: tuple[int, int] = SIZE, mode: str = "L") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    colour = value if mode in ("L", "1", "P") else (value, 255 - value, 7)[: len(mode)]
    Image.new(mode, size, colour).save(path)
    return path


def _classes(root: Path, per_class: int = 5, names: tuple[str, ...] = ("cat", "dog")) -> Path:
    for k, name in enumerate(names):
        for i in range(per_class):
            _png(root / name / f"{i:02d}.png", 50 * k + i)
    return root


def _images_in(ds) -> int:
    return len(ds.x_train) + len(ds.x_test)


# ---------------------------------------------------------------- image folders


def test_decompression_bomb_is_skipped_and_named(tmp_path: Path, monkeypatch) -> None:
    root = _classes(tmp_path / "pets")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    _png(root / "cat" / "bomb.png", 9, size=(64, 64))  # 4,096 px: Pillow raises (> 2 × limit)
    _png(root / "dog" / "big.png", 9, size=(40, 40))  # 1,600 px: Pillow only warns
    with pytest.raises(UnreadableImageError, match="decompression bomb"):
        decode_image(root / "cat" / "bomb.png", 1)  # a DatasetError, not Pillow's own error
    ds = load_dataset("image-folder", path=str(root))
    assert _images_in(ds) == 10 and ds.input_shape == (1, 6, 8)
    (note,) = ds.notes
    assert "Skipped 2 files" in note and "bomb.png" in note and "big.png" in note
    assert "decompression bomb" in note and "40×40 pixels" in note


def test_folder_of_bombs_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    for name in ("a", "b"):
        _png(tmp_path / "bombs" / name / "x.png", 1, size=(30, 30))
    with pytest.raises(DatasetError) as err:
        load_dataset("image-folder", path=str(tmp_path / "bombs"))
    text = str(err.value)
    assert "no class with images" in text and "decompression bomb" in text


def test_filesystem_root_is_refused_at_once() -> None:
    start = time.monotonic()
    with pytest.raises(DatasetError, match="top of the file system"):
        load_dataset("image-folder", path="/")
    assert time.monotonic() - start < 1.0


def test_huge_tree_stops_with_a_message(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(scan_mod, "MAX_ENTRIES", 50)
    root = tmp_path / "huge"
    for k in range(3):
        for i in range(30):
            (root / f"class{k}" / "deep").mkdir(parents=True, exist_ok=True)
            (root / f"class{k}" / "deep" / f"{i}.txt").write_text("x")
    with pytest.raises(DatasetError, match=r"Stopped looking through .* after 50 files"):
        load_dataset("image-folder", path=str(root))


def test_slow_walk_stops_with_a_message(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(scan_mod, "MAX_SCAN_SECONDS", 0.0)
    root = _classes(tmp_path / "pets")
    with pytest.raises(DatasetError, match=r"Stopped looking through .* after 0 seconds"):
        load_dataset("image-folder", path=str(root))


def test_system_folder_ends_in_a_message(monkeypatch) -> None:
    # A real tree that is not a data set: /usr holds icons of every size, texts, programs.
    monkeypatch.setattr(scan_mod, "MAX_ENTRIES", 5000)
    start = time.monotonic()
    with pytest.raises(DatasetError):
        load_dataset("image-folder", path="/usr")
    assert time.monotonic() - start < 30


def test_images_without_class_subfolders(tmp_path: Path) -> None:
    for i in range(4):
        _png(tmp_path / "flat" / f"{i}.png", i)
    with pytest.raises(DatasetError) as err:
        load_dataset("image-folder", path=str(tmp_path / "flat"))
    text = str(err.value)
    assert "no class with images" in text and "4 images lie directly in it" in text


def test_symlink_loops_end(tmp_path: Path) -> None:
    root = _classes(tmp_path / "pets")
    (root / "cat" / "again").symlink_to(root / "cat")  # a folder inside itself
    (root / "dog" / "up").symlink_to(root)  # the whole data set inside a class
    (root / "dog" / "sub").mkdir()
    (root / "dog" / "sub" / "back").symlink_to(root / "dog")
    start = time.monotonic()
    ds = load_dataset("image-folder", path=str(root))
    assert time.monotonic() - start < 5
    assert ds.classes == ["cat", "dog"] and _images_in(ds) == 10
    assert torch.bincount(torch.cat([ds.y_train, ds.y_test])).tolist() == [5, 5]


def test_class_folders_may_be_links(tmp_path: Path) -> None:
    store = _classes(tmp_path / "big-disk")
    root = tmp_path / "pets"
    root.mkdir()
    (root / "cat").symlink_to(store / "cat")
    (root / "dog").symlink_to(store / "dog")
    (root / "all").symlink_to(root)  # a class that is the data set itself holds nothing new
    ds = load_dataset("image-folder", path=str(root))
    assert ds.classes == ["cat", "dog"] and _images_in(ds) == 10


def test_looping_root_link(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(DatasetError):
        load_dataset("image-folder", path=str(tmp_path / "a"))


def test_a_file_instead_of_a_folder(tmp_path: Path) -> None:
    png = _png(tmp_path / "one.png", 3)
    with pytest.raises(DatasetError, match="is a file, not a folder"):
        load_dataset("image-folder", path=str(png))


def test_files_that_are_not_regular_or_readable(tmp_path: Path, monkeypatch) -> None:
    root = _classes(tmp_path / "pets")
    os.mkfifo(root / "cat" / "pipe.png")  # opening it would wait forever
    (root / "dog" / "gone.png").symlink_to(tmp_path / "nowhere.png")
    locked = _png(root / "dog" / "locked.png", 3)
    real_open = Image.open

    def open_image(fp, *args, **kwargs):
        if Path(fp) == locked:  # the test runs as root, where chmod 000 changes nothing
            raise PermissionError(13, "Permission denied", str(fp))
        return real_open(fp, *args, **kwargs)

    monkeypatch.setattr(scan_mod.Image, "open", open_image)
    ds = load_dataset("image-folder", path=str(root))
    assert _images_in(ds) == 10
    (note,) = ds.notes
    assert "Skipped 3 files" in note
    assert "pipe.png (not a regular file)" in note and "locked.png (Permission denied)" in note


def test_unreadable_subfolder_is_skipped(tmp_path: Path, monkeypatch) -> None:
    root = _classes(tmp_path / "pets")
    secret = root / "dog" / "secret"
    _png(secret / "x.png", 1)
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == secret:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(scan_mod.os, "scandir", scandir)
    ds = load_dataset("image-folder", path=str(root))
    (note,) = ds.notes
    assert _images_in(ds) == 10 and "Skipped one folder in" in note
    assert "dog/secret (not readable: Permission denied)" in note


def _truncated(path: Path) -> Path:
    """A PNG whose header is whole but whose pixel data is cut off."""
    buffer = io.BytesIO()
    noise = np.random.default_rng(0).integers(0, 255, (SIZE[1], SIZE[0]), dtype=np.uint8)
    Image.fromarray(noise).save(buffer, "PNG")
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 2])
    return path


def test_many_skipped_files_are_counted_with_examples(tmp_path: Path) -> None:
    root = _classes(tmp_path / "pets")
    for i in range(7):
        (root / "cat" / f"junk{i}.png").write_bytes(b"junk")
    (note,) = load_dataset("image-folder", path=str(root)).notes
    assert "Skipped 7 files" in note and note.endswith("; ….")
    assert note.count("junk") == scan_mod.NOTE_EXAMPLES


def test_truncated_and_corrupt_images(tmp_path: Path) -> None:
    root = _classes(tmp_path / "pets")
    _truncated(root / "cat" / "cut.png")
    (root / "dog" / "text.jpg").write_text("not a jpeg at all")
    (root / "dog" / "empty.png").write_bytes(b"")
    ds = load_dataset("image-folder", path=str(root))
    assert _images_in(ds) == 10
    (note,) = ds.notes
    assert "Skipped 3 files" in note
    assert "cut.png (image file is truncated)" in note and "text.jpg" in note
    assert "empty.png" in note


def test_truncated_image_while_streaming_names_the_file(tmp_path: Path) -> None:
    root = _classes(tmp_path / "pets")
    _truncated(root / "cat" / "cut.png")
    stream = StreamingImageFolder(root)
    # The run goes on without it, and the user is told which file was left out.
    seen = sum(
        len(y)
        for split in ("train", "test")
        for _, y in stream.loader(batch_size=4, shuffle=False, workers=0, split=split)
    )
    assert seen == 10
    assert any("cut.png" in note for note in stream.notes)


def test_streaming_worker_process_error_is_plain(tmp_path: Path) -> None:
    root = _classes(tmp_path / "pets", per_class=3)
    stream = StreamingImageFolder(root)
    victim = stream.scan.files[int(stream.train_index[0])]
    _truncated(victim)
    list(stream.loader(batch_size=8, shuffle=False, workers=1))
    text = " ".join(stream.notes)
    assert victim.name in text and "Traceback" not in text and "DataLoader" not in text


def test_image_replaced_by_another_size_after_the_scan(tmp_path: Path) -> None:
    root = _classes(tmp_path / "pets")
    stream = StreamingImageFolder(root)
    _png(stream.scan.files[0], 1, size=(16, 16))
    for split in ("train", "test"):  # resized to the scan's size like every other image
        for x, _ in stream.loader(batch_size=4, shuffle=False, workers=0, split=split):
            assert tuple(x.shape[2:]) == (6, 8)


def test_zero_size_image(tmp_path: Path) -> None:
    root = _classes(tmp_path / "pets")
    (root / "cat" / "flat.pgm").write_bytes(b"P5\n0 6\n255\n")
    ds = load_dataset("image-folder", path=str(root))
    assert _images_in(ds) == 10 and "flat.pgm" in ds.notes[0]


def test_mixed_modes_load_as_rgb(tmp_path: Path) -> None:
    root = tmp_path / "modes"
    _png(root / "a" / "gray.png", 100)
    _png(root / "a" / "rgb.png", 100, mode="RGB")
    _png(root / "a" / "rgba.png", 100, mode="RGBA")
    _png(root / "a" / "bilevel.png", 1, mode="1")
    _png(root / "b" / "palette.png", 3, mode="P")
    _png(root / "b" / "gray_alpha.png", 100, mode="LA")
    Image.new("CMYK", SIZE, (0, 0, 0, 0)).save(root / "b" / "cmyk.jpg")
    Image.new("F", SIZE, 0.5).save(root / "b" / "float.tif")
    deep = np.full((SIZE[1], SIZE[0]), 65535, dtype=np.uint16)
    Image.fromarray(deep).save(root / "b" / "sixteen.png")
    ds = load_dataset("image-folder", path=str(root))
    assert ds.input_shape == (3, 6, 8) and _images_in(ds) == 9
    assert ds.notes == ["Images converted: 1 CMYK to RGB; 1 from 16 to 8 bits."]
    # 16-bit white stays white (Pillow's own conversion would clip every value over 255).
    whites = [x for x in torch.cat([ds.x_train, ds.x_test]) if int(x.min()) == 255]
    assert whites


def test_sixteen_bit_gray_keeps_its_range(tmp_path: Path) -> None:
    values = np.array([[0, 1000, 32768, 65535]], dtype=np.uint16)
    Image.fromarray(values).save(tmp_path / "deep.png")
    assert decode_image(tmp_path / "deep.png", 1).ravel().tolist() == [0, 3, 128, 255]


def test_too_few_images_for_a_test_split(tmp_path: Path) -> None:
    root = _classes(tmp_path / "tiny", per_class=1)
    with pytest.raises(DatasetError, match="too few samples"):
        load_dataset("image-folder", path=str(root))


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (123, "must be text"),
        (["a", "b"], "must be text"),
        ("", "empty"),
        ("bad\0name", "not a valid path"),
        ("x" * 5000, "not a valid path"),
        ("/no/such/folder/at/all", "does not exist"),
    ],
)
def test_hand_edited_paths(path, words: str) -> None:
    with pytest.raises(DatasetError, match=words):
        load_for_project({"name": "image-folder", "path": path})


def test_too_long_name_for_the_file_system(tmp_path: Path) -> None:
    with pytest.raises(DatasetError):
        load_dataset("image-folder", path=str(tmp_path / ("n" * 300)))
    with pytest.raises(DatasetError):
        load_dataset("csv", path=str(tmp_path / ("n" * 300)))


def test_hand_edited_settings() -> None:
    with pytest.raises(DatasetError, match="must be text"):
        load_for_project({"name": 7})
    with pytest.raises(DatasetError, match="damaged"):
        load_for_project(["not", "a", "table"])  # type: ignore[arg-type]
    with pytest.raises(DatasetError, match="no data set called"):
        load_for_project({"name": "x" * 1_000_000})


# ---------------------------------------------------------------- relative paths


def test_relative_paths_resolve_from_the_project_folder(tmp_path: Path, monkeypatch) -> None:
    project_dir = tmp_path / "project"
    _classes(project_dir / "data" / "pets")
    (project_dir / "table.csv").write_text(
        "a,b,y\n" + "".join(f"{i},{i},{i % 2}\n" for i in range(20))
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # whoever runs NetStudio is somewhere else

    folder = {"name": "image-folder", "path": "data/pets"}
    data, note = load_for_project(folder, base_dir=project_dir)
    assert data.classes == ["cat", "dog"] and data.source == str(project_dir / "data" / "pets")
    assert note is None
    table, _ = load_for_project({"name": "csv", "path": "table.csv"}, base_dir=project_dir)
    assert table.feature_names == ["a", "b"]
    # Not from the current directory: the same settings without the project's folder fail.
    with pytest.raises(DatasetError, match="does not exist"):
        load_for_project(folder)
    # An absolute path is used as it is.
    absolute = {"name": "image-folder", "path": str(project_dir / "data" / "pets")}
    assert load_for_project(absolute, base_dir=tmp_path / "unrelated")[0].classes == ["cat", "dog"]
    # The augmentation preview reads the same folder.
    preview = preview_images(folder, count=2, base_dir=project_dir)
    assert preview.stand_in_reason is None and preview.images.shape == (2, 1, 6, 8)


def test_home_relative_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    _classes(tmp_path / "pets")
    data, _ = load_for_project({"name": "image-folder", "path": "~/pets"}, base_dir="/elsewhere")
    assert data.source == str(tmp_path / "pets")


def test_skipped_files_reach_the_project_note(tmp_path: Path) -> None:
    root = _classes(tmp_path / "pets")
    (root / "cat" / "junk.png").write_bytes(b"\x89PNG garbage")
    _, note = load_for_project({"name": "image-folder", "path": str(root)})
    assert note is not None and "junk.png" in note and "Skipped one file" in note


def test_preview_of_a_broken_folder_stands_in(tmp_path: Path) -> None:
    preview = preview_images({"name": "image-folder", "path": "/"}, count=2)
    assert preview.stand_in_reason == "failed" and "top of the file system" in preview.detail


# ---------------------------------------------------------------- CSV files


def _ten_rows() -> str:
    return "".join(f"{i},{i * 2},{'ab'[i % 2]}\n" for i in range(10))


CSV_CASES = {
    "empty": (b"", "is empty"),
    "blank lines": (b"\n\n  \n", "is empty"),
    "header only": (b"a,b,label\n", "header but no data rows"),
    "ragged": (b"a,b,c\n1,2,3\n4,5\n", "Line 3 .* has 2 values"),
    "text cell": (
        b"a,b,y\n1,2,x\n3,oops,y\n5,6,x\n",
        "'b' on line 3 .* holds 'oops', not a number",
    ),
    "empty cell": (b"a,b,y\n1,2,x\n3,,y\n5,6,x\n", "'b' on line 3 .* is empty"),
    "nan": (b"a,b,y\n1,nan,x\n3,4,y\n", "holds 'nan', not a finite number"),
    "inf": (b"a,b,y\n1,2,x\n-inf,4,y\n", "holds '-inf', not a finite number"),
    "overflow": (b"a,b,y\n1,1e999,x\n3,4,y\n", "holds '1e999', not a finite number"),
    "huge line": (b"a,b,y\n1," + b"9" * 200_000 + b",x\n", "a value longer than 131,072"),
    "latin-1": ("a,b,ville\n1,2,Orléans\n".encode("latin-1"), "not a UTF-8 text file"),
    "binary": (bytes(range(256)) * 8, "not a UTF-8 text file"),
    "single column": (b"y\na\nb\nc\n", "single column"),
    "one class": (b"a,b,y\n1,2,x\n3,4,x\n5,6,x\n", "holds one value only"),
    "too few rows": (b"a,b,y\n1,2,x\n3,4,z\n", "too few samples"),
    "no label": (b"a,b,y\n1,2,\n3,4,z\n", "no value in the label column"),
    "long label": (b"a,b,y\n1,2,x\n3,4," + b"z" * 5000 + b"\n" * 3, "label 5,000 characters long"),
    "long column name": (b"a," + b"b" * 300 + b",y\n1,2,x\n3,4,z\n", "300 characters long"),
    "unclosed quote": (b'a,b,y\n1,2,"x\n' + b"3,4,z\n" * 3, None),
}


@pytest.mark.parametrize("case", list(CSV_CASES))
def test_hostile_csv(tmp_path: Path, case: str) -> None:
    data, words = CSV_CASES[case]
    path = tmp_path / "table.csv"
    path.write_bytes(data)
    try:
        load_dataset("csv", path=str(path))
    except DatasetError as exc:
        text = str(exc)
        assert "table.csv" in text and "Traceback" not in text
        if words:
            import re

            assert re.search(words, text), text
    else:
        assert words is None, f"{case} loaded"


def test_utf16_with_byte_order_mark_loads(tmp_path: Path) -> None:
    # Excel's "Unicode text" export.
    path = tmp_path / "excel.csv"
    path.write_text(
        "a\tb\tville\n" + "".join(f"{i}\t{i}\t{'ÉO'[i % 2]}\n" for i in range(10)), "utf-16"
    )
    ds = load_dataset("csv", path=str(path))
    assert ds.classes == ["O", "É"] and ds.feature_names == ["a", "b"]


def test_spreadsheet_instead_of_csv(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DatasetError, match="spreadsheet workbook"):
        load_dataset("csv", path=str(path))


def test_pipe_and_folder_instead_of_csv(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")  # reading it would wait forever
    with pytest.raises(DatasetError, match="not a regular file"):
        load_dataset("csv", path=str(tmp_path / "pipe.csv"))
    with pytest.raises(DatasetError, match="is a folder"):
        load_dataset("csv", path=str(tmp_path))


def test_too_large_and_too_wide(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b,y\n" + _ten_rows())
    monkeypatch.setattr(tabular_mod, "MAX_BYTES", 50)
    with pytest.raises(DatasetError, match="larger than the 0 MB"):
        load_dataset("csv", path=str(path))
    monkeypatch.setattr(tabular_mod, "MAX_BYTES", 1 << 20)
    monkeypatch.setattr(tabular_mod, "MAX_COLUMNS", 2)
    with pytest.raises(DatasetError, match="at most 2 columns"):
        load_dataset("csv", path=str(path))


def test_label_column_settings(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b,y\n" + _ten_rows())
    with pytest.raises(DatasetError, match="no column 'label'"):
        load_dataset("csv", path=str(path), label_column="label")
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(500)) + "\n" + ",".join("1" * 500) + "\n")
    with pytest.raises(DatasetError) as err:
        load_dataset("csv", path=str(wide), label_column="x" * 10_000)
    assert len(str(err.value)) < 1000 and "(500 in all)" in str(err.value)
    with pytest.raises(DatasetError, match="must be a column's name, not 3"):
        load_dataset("csv", path=str(path), label_column=3)  # type: ignore[arg-type]
    # An empty choice means the default: the last column.
    assert load_dataset("csv", path=str(path), label_column="").classes == ["a", "b"]
    with pytest.raises(DatasetError, match="task must be one of"):
        load_dataset("csv", path=str(path), task="clustering")
    with pytest.raises(DatasetError, match="task must be one of"):
        load_for_project({"name": "csv", "path": str(path), "task": ["x"]})


def test_every_failure_is_a_studio_error(tmp_path: Path) -> None:
    # The CLI and the app catch StudioError alone: DatasetError must be one.
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(StudioError):
        load_dataset("csv", path=str(path))
