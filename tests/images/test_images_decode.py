"""Safe decoding of data: URIs (formats, caps, bombs, corruption) and CLIP preprocessing parity."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from PIL import Image

from mmrouter.images.decode import ImageError, decode_image, parse_data_uri
from mmrouter.images.preprocess import Preprocessor, center_crop, shortest_side_size
from images_support import (TINY_ARCH, data_uri, encode, gradient_image, png,  # noqa: F401
                                  tiny_clip)

MAX_PIXELS = 40_000_000


@pytest.mark.parametrize("fmt,mime,args", [
    ("PNG", "image/png", {}),
    ("JPEG", "image/jpeg", {"quality": 95}),
    ("WEBP", "image/webp", {"quality": 90}),
    ("GIF", "image/gif", {}),
])
def test_formats_decode_to_rgb(fmt: str, mime: str, args: dict) -> None:
    data = encode(gradient_image(40, 30), fmt, **args)
    raw = parse_data_uri(data_uri(data, mime), max_bytes=1 << 20)
    assert raw == data
    image = decode_image(raw, MAX_PIXELS)
    assert image.mode == "RGB" and image.size == (40, 30)


def test_gif_first_frame_is_used() -> None:
    frames = [Image.new("RGB", (16, 16), color) for color in ((255, 0, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:], duration=50)
    image = decode_image(buffer.getvalue(), MAX_PIXELS)
    r, g, b = image.getpixel((8, 8))
    assert r > 200 and b < 50


def test_modes_are_converted_to_rgb() -> None:
    rgba = gradient_image(20, 20, mode="RGBA")
    palette = gradient_image(20, 20).convert("P")
    palette.info["transparency"] = 0
    for source in (rgba, palette, gradient_image(20, 20, mode="L"), gradient_image(20, 20, mode="LA")):
        assert decode_image(encode(source, "PNG"), MAX_PIXELS).mode == "RGB"
    cmyk = encode(gradient_image(20, 20, mode="CMYK"), "JPEG")
    assert decode_image(cmyk, MAX_PIXELS).mode == "RGB"


def test_exif_orientation_is_applied() -> None:
    image = gradient_image(40, 20)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise on display
    decoded = decode_image(encode(image, "JPEG", exif=exif), MAX_PIXELS)
    assert decoded.size == (20, 40)


def test_decompression_bomb_refused_from_the_header() -> None:
    bomb = encode(Image.new("L", (8000, 8000)), "PNG")  # ~60 kB of zeros → 64 Mpx
    assert len(bomb) < 200_000
    with pytest.raises(ImageError) as info:
        decode_image(bomb, max_pixels=10_000_000)
    assert info.value.reason == "too_many_pixels"


def test_pixel_cap_is_configurable() -> None:
    with pytest.raises(ImageError) as info:
        decode_image(png(size=(100, 100)), max_pixels=9_999)
    assert info.value.reason == "too_many_pixels"
    assert decode_image(png(size=(100, 100)), max_pixels=10_000).size == (100, 100)


def test_oversized_payload_refused_before_decoding() -> None:
    data = png(size=(200, 200))
    with pytest.raises(ImageError) as info:
        parse_data_uri(data_uri(data), max_bytes=len(data) - 1)
    assert info.value.reason == "too_large"
    huge = "data:image/png;base64," + "A" * 4_000_000  # refused by length, never decoded
    with pytest.raises(ImageError) as info:
        parse_data_uri(huge, max_bytes=1_000_000)
    assert info.value.reason == "too_large"


@pytest.mark.parametrize("uri,reason", [
    ("data:image/png;base64,@@@notbase64@@@", "bad_base64"),
    ("data:image/png;base64,", "empty"),
    ("data:text/plain;base64,aGVsbG8=", "unsupported_type"),
    ("data:image/png;base64", "bad_data_uri"),
])
def test_bad_data_uris(uri: str, reason: str) -> None:
    with pytest.raises(ImageError) as info:
        parse_data_uri(uri, max_bytes=1 << 20)
    assert info.value.reason == reason


def test_base64_with_line_breaks_is_accepted() -> None:
    data = png()
    wrapped = "\n".join(base64.b64encode(data).decode()[i:i + 76] for i in range(0, 4000, 76))
    assert parse_data_uri("data:image/png;base64," + wrapped, 1 << 20)[:100] == data[:100]


def test_corrupt_and_unsupported_images() -> None:
    truncated = png(size=(64, 64))[:200]
    with pytest.raises(ImageError) as info:
        decode_image(truncated, MAX_PIXELS)
    assert info.value.reason == "corrupt"
    with pytest.raises(ImageError) as info:
        decode_image(b"definitely not an image", MAX_PIXELS)
    assert info.value.reason == "unsupported_type"
    with pytest.raises(ImageError) as info:
        decode_image(encode(gradient_image(10, 10), "BMP"), MAX_PIXELS)
    assert info.value.reason == "unsupported_type"


def test_resize_and_crop_follow_torchvision() -> None:
    assert shortest_side_size((300, 200), 224) == (336, 224)
    assert shortest_side_size((200, 301), 224) == (224, 337)
    cropped = center_crop(Image.new("RGB", (337, 224)), 224)
    assert cropped.size == (224, 224)


@pytest.mark.parametrize("size,fmt", [((96, 64), "PNG"), ((50, 81), "PNG"), ((640, 480), "JPEG"),
                                      ((31, 31), "PNG")])
def test_preprocessing_matches_open_clip(tiny_clip, size, fmt) -> None:  # noqa: F811
    import open_clip

    _, _, reference = open_clip.create_model_and_transforms(TINY_ARCH, pretrained=None)
    model = open_clip.create_model(TINY_ARCH, pretrained=None)
    ours = Preprocessor.from_open_clip(model.visual.preprocess_cfg)
    image = decode_image(encode(gradient_image(*size, seed=3), fmt), MAX_PIXELS)
    expected = reference(image).numpy()
    got = ours(image)
    assert got.shape == expected.shape == (3, 32, 32)
    assert np.abs(got - expected).max() < 1e-4


def test_preprocessing_matches_open_clip_at_224() -> None:
    import open_clip
    from open_clip.transform import PreprocessCfg, image_transform_v2
    from dataclasses import asdict

    cfg = PreprocessCfg(size=224)
    reference = image_transform_v2(cfg, is_train=False)
    ours = Preprocessor.from_open_clip(asdict(cfg))
    image = decode_image(encode(gradient_image(300, 200, seed=5), "PNG"), MAX_PIXELS)
    diff = np.abs(ours(image) - reference(image).numpy())
    assert diff.max() < 1e-4
    assert open_clip.list_models()  # the reference came from open_clip's own transform


def test_large_jpeg_draft_decoding_stays_close_to_open_clip() -> None:
    from dataclasses import asdict

    from open_clip.transform import PreprocessCfg, image_transform_v2

    cfg = PreprocessCfg(size=224)
    reference = image_transform_v2(cfg, is_train=False)
    ours = Preprocessor.from_open_clip(asdict(cfg))
    data = encode(gradient_image(2000, 1500, seed=5), "JPEG", quality=90)
    drafted = decode_image(data, MAX_PIXELS, draft_size=224)
    assert min(drafted.size) >= 448  # reduced DCT scale, still twice the target
    diff = np.abs(ours(drafted) - reference(decode_image(data, MAX_PIXELS)).numpy())
    assert diff.mean() < 0.01 and diff.max() < 0.1
