"""Image checks without an image encoder: the same error contract with or without CLIP weights.

With CLIP, :class:`~mmrouter.images.scorer.ClipImageScorer` reads every image of a request whose
latest turn carries one. Without it (``image_encoder.enabled: false``, or weights missing),
routing uses image presence, but the images are still checked the same way: the count
(``images.max_images``), each ``data:`` URI's type, base64 and bytes (``images.max_bytes``), the
pixel cap from the header, and that the image decodes. A failure is an :class:`InvalidImage`
(400 ``invalid_image``) that the core turns into ``images.on_invalid``. URLs are not fetched
here (that needs an encoder to be worth it), as with CLIP and ``images.fetch_urls`` off.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from typing import Sequence

from mmrouter.config.schema import ImageInputConfig
from mmrouter.errors import InvalidImage
from mmrouter.images.decode import ImageError, decode_image, parse_data_uri
from mmrouter.routing.conversation import Conversation, ImageRef

logger = logging.getLogger(__name__)

CHECK_DRAFT = 64  # JPEGs decode at a reduced scale: whether they decode is all we ask


def check_image(ref: ImageRef, images: ImageInputConfig) -> None:
    """Raise :class:`ImageError` when the image of ``ref`` is unusable (data: URIs only)."""
    if not ref.is_data_uri:
        return
    data = parse_data_uri(ref.url, images.max_bytes)
    decode_image(data, images.max_pixels, draft_size=CHECK_DRAFT)


def check_count(refs: Sequence[ImageRef], images: ImageInputConfig) -> None:
    if len(refs) > images.max_images:
        raise ImageError("too_many", f"{len(refs)} images in one request; at most "
                                     f"{images.max_images} are read")


async def validate_images(conversation: Conversation, images: ImageInputConfig,
                          executor: Executor | None = None) -> None:
    """Check a conversation's images as the CLIP scorer would read them; raises
    :class:`ImageError`. Decoding runs off the event loop."""
    if not conversation.latest_images:
        return  # images only in earlier turns: the CLIP scorer reads none either
    check_count(conversation.images, images)
    loop = asyncio.get_running_loop()
    jobs = [loop.run_in_executor(executor, check_image, ref, images)
            for ref in conversation.images if ref.is_data_uri]
    results = await asyncio.gather(*jobs, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result


def invalid(exc: ImageError) -> InvalidImage:
    return InvalidImage(f"invalid image: {exc}", param="messages")
