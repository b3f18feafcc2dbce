"""Safe image decoding: data: URIs to RGB PIL images, with byte and pixel caps (pure functions).

Only JPEG, PNG, WebP and GIF are accepted (sniffed from the bytes, not the declared type); GIF
and animated WebP give their first frame. The pixel cap is checked from the header, before any
pixel is decoded, so a decompression bomb costs nothing. EXIF orientation is applied and every
mode is converted to RGB (as open_clip does). Every failure is an :class:`ImageError` with a
short machine-readable ``reason`` for the metrics.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import logging
import urllib.parse

from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
_BASE64_WHITESPACE = str.maketrans("", "", " \t\r\n")


class ImageError(ValueError):
    """An image that cannot be used; ``reason`` labels the metric."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def parse_data_uri(uri: str, max_bytes: int) -> bytes:
    """The bytes of a ``data:`` URI; refuses non-image types and payloads over ``max_bytes``."""
    header, sep, payload = uri.partition(",")
    if not sep or header[:5].lower() != "data:":
        raise ImageError("bad_data_uri", "the image is not a valid data: URI")
    params = [p.strip().lower() for p in header[5:].split(";")]
    mime, is_base64 = params[0], "base64" in params[1:]
    if mime and not mime.startswith("image/"):
        raise ImageError("unsupported_type", f"data: URI type '{mime}' is not an image type")
    if is_base64:
        return _decode_base64(payload, max_bytes)
    data = urllib.parse.unquote_to_bytes(payload)
    _check_size(len(data), max_bytes)
    return data


def _decode_base64(payload: str, max_bytes: int) -> bytes:
    if len(payload) > 0 and any(c in payload for c in " \t\r\n"):
        payload = payload.translate(_BASE64_WHITESPACE)
    _check_size(len(payload) // 4 * 3, max_bytes)  # refuse before decoding
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise ImageError("bad_base64", "the image data is not valid base64") from None
    if not data:
        raise ImageError("empty", "the image data is empty")
    _check_size(len(data), max_bytes)
    return data


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise ImageError("too_large", f"the image is larger than {max_bytes} bytes")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_image(data: bytes, max_pixels: int, draft_size: int | None = None) -> Image.Image:
    """Decode to an RGB image (first frame), EXIF-transposed; refuses bombs and other formats.

    ``draft_size`` lets JPEG decode at a reduced scale (DCT scaling) while staying at least
    twice that size on the shortest side, so large photos decode several times faster.
    """
    try:
        image = Image.open(io.BytesIO(data), formats=FORMATS)
        _check_pixels(image, max_pixels)  # from the header, before decoding any pixel
        if draft_size and image.format == "JPEG":
            image.draft("RGB", _draft_target(image.size, draft_size))
        image.seek(0)
        image.load()
    except ImageError:
        raise
    except Image.DecompressionBombError:
        raise ImageError("too_many_pixels", "the image has too many pixels") from None
    except UnidentifiedImageError:
        raise ImageError("unsupported_type",
                         "the image is not a JPEG, PNG, WebP or GIF image") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError("corrupt", f"the image cannot be decoded: {exc}") from None
    return to_rgb(image)


def _check_pixels(image: Image.Image, max_pixels: int) -> None:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImageError("corrupt", "the image has no pixels")
    if width * height > max_pixels:
        raise ImageError("too_many_pixels",
                         f"the image has {width}x{height} pixels, over the cap of {max_pixels}")


def _draft_target(size: tuple[int, int], draft_size: int) -> tuple[int, int]:
    width, height = size
    scale = 2 * draft_size / max(1, min(width, height))
    return max(1, int(width * scale) + 1), max(1, int(height * scale) + 1)


def to_rgb(image: Image.Image) -> Image.Image:
    """EXIF orientation applied, converted to RGB (palette transparency via RGBA)."""
    image = ImageOps.exif_transpose(image)
    if image.mode == "RGB":
        return image
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    return image.convert("RGB")
