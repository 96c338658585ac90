"""A folder of the user's own photos, as they come: every size, JPEG and PNG, gray and CMYK,
taken sideways, cut off, animated. Each is resized by the data set's policy, converted or
skipped with a note, and the folder trains from the command line with `--data`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from studio.cli import main
from studio.data import DatasetError, StreamingImageFolder, load_dataset
from studio.data.fallback import load_for_project
from studio.data.folder import decode_image

RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)
# Most photos in the folder are this size (width, height): the data set's size by default.
COMMON = (64, 48)


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")


def _photo(path: Path, size: tuple[int, int], colour, mode: str = "RGB", **save) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, colour).save(path, **save)
    return path


def _truncated_jpeg(path: Path) -> None:
    buffer = io.BytesIO()
    noise = np.random.default_rng(0).integers(0, 256, (480, 640, 3), dtype=np.uint8)
    Image.fromarray(noise).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])


def _sideways(path: Path) -> Path:
    """Stored 48 wide and 64 tall with a white top row, EXIF orientation 6: the camera was
    turned, so upright it is 64×48 and the white row is its right-hand column."""
    stored = np.zeros((64, 48, 3), dtype=np.uint8)
    stored[0] = 255
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.fromarray(stored).save(path, "JPEG", exif=exif, quality=95)
    return path


def _animated(path: Path) -> Path:
    first = Image.new("P", (40, 30), 0)
    first.putpalette([255, 255, 255, 0, 0, 0] + [0] * 762)  # index 0 white, 1 black
    second = Image.new("P", (40, 30), 1)
    second.putpalette(first.getpalette())
    first.save(path, save_all=True, append_images=[second], duration=100, loop=0)
    return path


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    """Two classes of photos as a phone and the web give them."""
    root = tmp_path / "photos"
    for i in range(4):
        _photo(root / "cat" / f"cat{i}.jpg", COMMON, (200, 40 + i, 40))
        _photo(root / "dog" / f"dog{i}.png", COMMON, (40, 40 + i, 200))
    _photo(root / "cat" / "big.jpg", (640, 480), RED)
    _photo(root / "cat" / "tall.png", (300, 500), RED)
    _photo(root / "cat" / "gray.png", (50, 50), 128, mode="L")
    _photo(root / "dog" / "print.jpg", (80, 60), (255, 0, 0, 0), mode="CMYK")
    _sideways(root / "dog" / "sideways.jpg")
    _animated(root / "dog" / "wave.gif")
    _truncated_jpeg(root / "dog" / "cut.jpg")
    return root


def _all_images(data) -> torch.Tensor:
    return torch.cat([data.x_train, data.x_test])


def test_a_folder_of_photos_of_every_size_loads_with_notes(photos: Path) -> None:
    data = load_dataset("image-folder", path=str(photos))
    # The size most photos have, all of them brought to it; the cut-off JPEG left out.
    assert data.input_shape == (3, COMMON[1], COMMON[0])
    assert len(_all_images(data)) == 14 and data.x_train.dtype == torch.uint8
    skipped, converted = data.notes
    assert "Skipped one file" in skipped and "cut.jpg (image file is truncated" in skipped
    assert "resize them first" not in " ".join(data.notes)
    assert "6 of 15 images are not 64×48 pixels" in converted
    assert "cropped in the centre" in converted
    for change in ("1 CMYK to RGB", "1 turned upright", "1 animated (the first frame"):
        assert change in converted


@pytest.mark.parametrize(
    ("policy", "expect"),
    [
        # A 40×20 picture, red at the left, blue at the right, green between (wider than the
        # square in its middle), to 10×10: the crop keeps only the green middle; a stretch
        # keeps all three; padding keeps all three in a 10×5 band, black above and below.
        ("center-crop", {"left": GREEN, "middle": GREEN, "right": GREEN}),
        ("stretch", {"left": RED, "middle": GREEN, "right": BLUE, "top": GREEN}),
        ("pad", {"left": RED, "middle": GREEN, "right": BLUE, "top": (0, 0, 0)}),
    ],
)
def test_each_resize_policy(tmp_path: Path, policy: str, expect: dict) -> None:
    stripes = np.zeros((20, 40, 3), dtype=np.uint8)
    stripes[:, :6] = RED
    stripes[:, 6:34] = GREEN
    stripes[:, 34:] = BLUE
    root = tmp_path / "set"
    for name in ("a", "b"):
        for i in range(3):
            (root / name).mkdir(parents=True, exist_ok=True)
            Image.fromarray(stripes).save(root / name / f"{i}.png")
    settings = {"name": "image-folder", "path": str(root), "resize": policy, "image_size": [10, 10]}
    data, note = load_for_project(settings)
    image = data.x_train[0]
    assert tuple(image.shape) == (3, 10, 10)

    def pixel(y: int, x: int) -> tuple[int, ...]:
        # The nearest of the four colours: resampling blends a little across edges.
        value = np.array([int(v) for v in image[:, y, x]])
        return min((RED, GREEN, BLUE, (0, 0, 0)), key=lambda c: np.abs(value - c).sum())

    assert pixel(5, 5) == GREEN  # every policy keeps the centre where it was
    assert pixel(5, 0) == expect["left"] and pixel(5, 9) == expect["right"]
    if "top" in expect:
        assert pixel(0, 5) == expect["top"] and pixel(9, 5) == expect["top"]
    if policy == "pad":  # the picture's own band is not black
        assert pixel(3, 5) == GREEN and pixel(6, 5) == GREEN
    assert "6 of 6 images are not 10×10 pixels" in note


def test_the_models_input_decides_size_and_channels(photos: Path) -> None:
    settings = {"name": "image-folder", "path": str(photos), "image_size": [99, 99]}
    data, _ = load_for_project(settings, input_shape=(1, 12, 16))
    assert data.input_shape == (1, 12, 16)
    # An input that takes no images (a vector) leaves the settings' size.
    data, _ = load_for_project(settings, input_shape=(784,))
    assert data.input_shape == (3, 99, 99)


def test_bad_resize_settings_say_what_is_allowed(photos: Path) -> None:
    with pytest.raises(DatasetError, match="center-crop, stretch, pad, not 'squash'"):
        load_for_project({"name": "image-folder", "path": str(photos), "resize": "squash"})
    with pytest.raises(DatasetError, match=r"\[height, width\]"):
        load_for_project({"name": "image-folder", "path": str(photos), "image_size": [0, 5]})


def test_photos_are_upright_first_frame_and_rgb(photos: Path) -> None:
    upright = decode_image(photos / "dog" / "sideways.jpg", 3, COMMON)
    assert upright.shape == (3, 48, 64)
    assert upright[:, :, -1].min() > 200 and upright[:, :, 0].max() < 50  # white row on the right
    # The GIF's first frame is white, its second black.
    assert decode_image(photos / "dog" / "wave.gif", 3, COMMON).min() == 255
    # CMYK full cyan (as stored) comes out as RGB with no red.
    cmyk = decode_image(photos / "dog" / "print.jpg", 3)
    assert cmyk.shape == (3, 60, 80) and cmyk[0].max() < 10 and cmyk[1].min() > 240
    deep = Image.fromarray(np.full((30, 20), 65535, dtype=np.uint16))
    deep.save(photos / "deep.png")
    assert decode_image(photos / "deep.png", 1, (10, 10)).min() == 255  # white stays white


def test_a_large_jpeg_is_decoded_small_and_still_looks_the_same(tmp_path: Path) -> None:
    # A smooth gradient: the reduced-scale decoding (draft) and a full decoding then a
    # resize must agree closely.
    y, x = np.mgrid[0:480, 0:640]
    picture = np.stack([x * 255 // 639, y * 255 // 479, (x + y) * 255 // 1118], axis=-1)
    Image.fromarray(picture.astype(np.uint8)).save(tmp_path / "big.jpg", quality=95)
    small = decode_image(tmp_path / "big.jpg", 3, (64, 48)).astype(int)
    with Image.open(tmp_path / "big.jpg") as im:
        full = np.asarray(im.convert("RGB").resize((64, 48), Image.Resampling.BILINEAR))
    assert np.abs(small - full.transpose(2, 0, 1).astype(int)).mean() < 3


def test_a_streamed_folder_resizes_in_workers_and_skips_the_broken_photo(photos: Path) -> None:
    stream = StreamingImageFolder(photos, image_size=(24, 32), resize="pad")
    assert stream.input_shape == (3, 24, 32)
    seen = 0
    for split in ("train", "test"):
        for x, y in stream.loader(batch_size=4, shuffle=False, workers=1, split=split):
            assert x.dtype == torch.uint8 and tuple(x.shape[1:]) == (3, 24, 32)
            seen += len(y)
    assert seen == 14  # 15 images, the cut-off one left out of its batch
    notes = " ".join(stream.notes)
    assert "cut.jpg (image file is truncated" in notes and "padded with black" in notes


def _project_for(tmp_path: Path, input_shape: list[int], classes: int) -> Path:
    path = tmp_path / "photos.json"
    assert main(["new", "seed-mlp", str(path)]) == 0
    project = json.loads(path.read_text())
    for node in project["graph"]["nodes"]:
        if node["type"] == "Input":
            node["params"]["shape"] = input_shape
        if node["id"] == "dense_3":
            node["params"]["units"] = classes
    path.write_text(json.dumps(project))
    return path


def test_train_a_photo_folder_named_with_data(photos: Path, tmp_path: Path, capsys) -> None:
    project = _project_for(tmp_path, [3, COMMON[1], COMMON[0]], 2)
    out = tmp_path / "run"
    code = main(
        [
            "train",
            str(project),
            "--dataset",
            "image-folder",
            "--data",
            str(photos),
            "--epochs",
            "1",
            "--batch-size",
            "4",
            "--out",
            str(out),
        ]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Skipped one file" in err and "cut.jpg" in err and "1 CMYK to RGB" in err
    assert "Test accuracy" in err
    metrics = json.loads((out / "metrics.json").read_text())
    assert len(metrics["history"]) == 1
    # The run remembers where its data was, so it can be resumed from anywhere.
    saved = json.loads((out / "project.json").read_text())["dataset"]
    assert saved["name"] == "image-folder" and saved["path"] == str(photos)


def test_data_option_guesses_the_kind_and_refuses_a_named_set(
    photos: Path, tmp_path: Path, capsys
) -> None:
    project = _project_for(tmp_path, [3, COMMON[1], COMMON[0]], 2)
    assert main(["train", str(project), "--dataset", "mnist", "--data", str(photos)]) == 1
    assert "--dataset image-folder or --dataset csv" in capsys.readouterr().err
    # The project trains on synthetic shapes; a folder given alone is an image folder.
    out = tmp_path / "guessed"
    code = main(["train", str(project), "--data", str(photos), "--epochs", "1", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert json.loads((out / "project.json").read_text())["dataset"]["name"] == "image-folder"


def test_image_settings_as_a_project_file_keeps_them() -> None:
    from studio.data.resize import IMAGE_SETTINGS, check_image_settings

    assert check_image_settings({"name": "image-folder"}) == {
        "name": "image-folder",
        **IMAGE_SETTINGS,
    }
    checked = check_image_settings({"resize": "pad", "image_size": 96})
    assert checked == {"resize": "pad", "image_size": [96, 96]}
    with pytest.raises(DatasetError, match="resize setting"):
        check_image_settings({"resize": 3})


def test_a_phones_mpo_photo_is_a_photo_not_an_animation(photos: Path) -> None:
    photo = Image.new("RGB", (640, 480), RED)
    photo.save(
        photos / "cat" / "phone.jpg",
        "MPO",
        save_all=True,
        append_images=[Image.new("RGB", (160, 120), BLUE)],
    )
    with Image.open(photos / "cat" / "phone.jpg") as im:
        assert im.format == "MPO"  # as Pillow sees a phone's photo with its preview
    data = load_dataset("image-folder", path=str(photos))
    assert "1 animated" in data.notes[1]  # the GIF only
    assert decode_image(photos / "cat" / "phone.jpg", 3, COMMON)[0].min() > 240  # the red photo
