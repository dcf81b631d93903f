"""Images before they leave the workstation: refuse hostile files, strip metadata, fit limits.

Every image goes through `sanitise` when it is attached (the bytes Tandem keeps,
approvers see and sign-offs bind) and through `fit` for each network just before
upload. Decoding is Pillow's, restricted to the four formats Tandem accepts:

* the first bytes must be a PNG, JPEG, GIF or WebP signature, and Pillow must
  read the same format (a ``.png`` that is really HTML or a BMP is refused);
* images over 100 megapixels (all frames together for an animation) are
  refused from their header, before any pixel is decoded, and so are
  decompression bombs that Pillow itself flags;
* a truncated or corrupt file is refused (Pillow never pads missing data here);
* EXIF (GPS position, camera serial, owner), XMP and comments are dropped by
  rebuilding the image from its pixels, unless the policy keeps metadata; the
  EXIF orientation is applied first so the picture still stands upright;
* `fit` scales down (never up) to a network's pixel and side limits and
  re-encodes, lowering quality and then size, until the file is under its byte
  limit.

Nothing here touches the network or the store.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass, field

from PIL import Image, ImageOps, ImageSequence, JpegImagePlugin, UnidentifiedImageError

from desktop.core.errors import TandemError
from desktop.core.messages import Message

#: Largest file accepted at all (a 12-megapixel phone JPEG is 3–8 MB).
MAX_INPUT_BYTES = 50 * 1024 * 1024
#: Largest picture accepted, in pixels (all frames of an animation together).
MAX_PIXELS = 100_000_000

MIME_BY_FORMAT = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif",
                  "WEBP": "image/webp"}
FORMAT_BY_MIME = {mime: fmt for fmt, mime in MIME_BY_FORMAT.items()}
#: What each format's file starts with (WebP: "RIFF", 4 size bytes, then "WEBP").
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError,
                  Image.DecompressionBombError, UnidentifiedImageError)


class ImageRefused(TandemError):
    """The file is not an image Tandem will keep or send; the message says why."""


@dataclass(frozen=True)
class CleanImage:
    """Image bytes Tandem produced (sanitised or fitted) and the facts about them."""

    data: bytes
    mime: str
    width: int
    height: int
    frames: int = 1
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha256", hashlib.sha256(self.data).hexdigest())


@dataclass(frozen=True)
class ImageLimits:
    """What a network accepts for one image."""

    max_bytes: int
    max_side: int | None = None      # longest side, in pixels
    max_pixels: int | None = None    # width x height
    mimes: frozenset[str] = frozenset(MIME_BY_FORMAT.values())
    max_count: int = 4               # images per post


#: Defaults per network. Mastodon's are replaced by the instance's own
#: (``configuration.media_attachments`` of /api/v2/instance) when it says them.
NETWORK_LIMITS = {
    # app.bsky.embed.images: blobs up to 1,000,000 bytes, up to 4 images.
    "bluesky": ImageLimits(max_bytes=1_000_000, max_side=2000),
    # Mastodon 4.x defaults: 16 MB and 33,177,600 pixels (7680 x 4320).
    "mastodon": ImageLimits(max_bytes=16 * 1024 * 1024, max_pixels=33_177_600),
    # X media upload: 5 MB per image.
    "x": ImageLimits(max_bytes=5 * 1024 * 1024, max_side=8192),
}


def mastodon_limits(instance: dict) -> ImageLimits:
    """The image limits a Mastodon-API instance states (v2 instance document)."""
    config = instance.get("configuration") or {}
    media = config.get("media_attachments") or {}
    statuses = config.get("statuses") or {}
    default = NETWORK_LIMITS["mastodon"]
    mimes = frozenset(m for m in media.get("supported_mime_types") or () if m in FORMAT_BY_MIME)
    return ImageLimits(
        max_bytes=int(media.get("image_size_limit") or default.max_bytes),
        max_pixels=int(media.get("image_matrix_limit") or default.max_pixels or 0),
        mimes=mimes or default.mimes,
        max_count=int(statuses.get("max_media_attachments") or default.max_count),
    )


def sniff(data: bytes) -> str:
    """The format named by the file's first bytes, or ImageRefused."""
    for signature, fmt in _SIGNATURES:
        if data.startswith(signature):
            return fmt
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    raise ImageRefused("This file is not a PNG, JPEG, WebP or GIF image (its first bytes say "
                       "otherwise, whatever its name). Export it as one of those formats.",
                       msg="images.not_an_image")


def _open(data: bytes) -> Image.Image:
    if len(data) > MAX_INPUT_BYTES:
        raise ImageRefused(f"The file is {len(data) / 1e6:.1f} MB; Tandem accepts images up to "
                           f"{MAX_INPUT_BYTES // (1024 * 1024)} MB.", msg="images.file_too_big",
                           size=f"{len(data) / 1e6:.1f}", limit=MAX_INPUT_BYTES // (1024 * 1024))
    fmt = sniff(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[fmt])
    except Image.DecompressionBombError:
        raise ImageRefused(_too_large_text()) from None
    except _DECODE_ERRORS as exc:
        raise ImageRefused(f"The {fmt} file cannot be read: it is damaged or not really an "
                           f"image ({exc}).", msg="images.unreadable", format=fmt,
                           error=str(exc)) from None
    if image.format != fmt:
        raise ImageRefused(f"The file starts like {fmt} but decodes as {image.format}; refused.",
                           msg="images.disguised", format=fmt, decoded=str(image.format))
    frames = getattr(image, "n_frames", 1)
    if image.width * image.height * frames > MAX_PIXELS:
        raise ImageRefused(_too_large_text(image.width, image.height, frames))
    return image


def _too_large_text(width: int = 0, height: int = 0, frames: int = 1) -> Message:
    size = f" ({width} x {height} pixels{f', {frames} frames' if frames > 1 else ''})" \
        if width else ""
    return Message("images.too_many_pixels",
                   f"The image is too large to open safely{size}: Tandem refuses images over "
                   f"{MAX_PIXELS // 1_000_000} megapixels, which is also how decompression bombs "
                   "look. Scale it down first.", limit=MAX_PIXELS // 1_000_000)


def _frames(image: Image.Image) -> list[Image.Image]:
    """Every frame decoded (raises ImageRefused for truncated data)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except Image.DecompressionBombError:
        raise ImageRefused(_too_large_text(image.width, image.height)) from None
    except _DECODE_ERRORS as exc:
        raise ImageRefused(f"The {image.format} file is truncated or damaged and cannot be "
                           f"decoded ({exc}). Export it again.", msg="images.damaged",
                           format=str(image.format), error=str(exc)) from None
    return frames


def _encode(frames: list[Image.Image], fmt: str, source: Image.Image, *, quality: int | None,
            keep_metadata: bool) -> CleanImage:
    """Encode pixels alone (plus colour profile and animation timing)."""
    first = frames[0]
    options: dict = {}
    icc = source.info.get("icc_profile")
    if icc:
        options["icc_profile"] = icc
    if keep_metadata:
        for key in ("exif", "xmp", "comment"):
            if source.info.get(key):
                options[key] = source.info[key]
    if fmt == "JPEG":
        if first.mode not in ("RGB", "L", "CMYK"):
            first = first.convert("RGB")
        if quality is None and isinstance(source, JpegImagePlugin.JpegImageFile) \
                and first.size == source.size:
            # Same pixels, same tables: no generation loss when only metadata goes.
            options.update(qtables=source.quantization,
                           subsampling=JpegImagePlugin.get_sampling(source))
        else:
            options.update(quality=quality or 90, optimize=True)
        frames = [first]
    elif fmt == "WEBP":
        options.update(quality=quality or 90, method=4)
        if quality is None and source.info.get("lossless"):
            options["lossless"] = True
    elif fmt == "PNG":
        options["optimize"] = True
    if fmt in ("PNG", "GIF") and "transparency" in first.info:
        options["transparency"] = first.info["transparency"]
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:], loop=source.info.get("loop", 0),
                       duration=[f.info.get("duration", source.info.get("duration", 100))
                                 for f in frames])
    for frame in frames:
        frame.info = {k: v for k, v in frame.info.items() if k in ("transparency", "duration")}
    out = io.BytesIO()
    frames[0].save(out, format=fmt, **options)
    return CleanImage(out.getvalue(), MIME_BY_FORMAT[fmt], frames[0].width, frames[0].height,
                      len(frames))


def sanitise(data: bytes, *, keep_metadata: bool = False) -> CleanImage:
    """The image Tandem keeps: validated, decoded, upright, metadata gone unless kept.

    Raises ImageRefused with a message for the user for anything hostile or broken.
    """
    image = _open(data)
    fmt = str(image.format)
    frames = _frames(image)
    if not keep_metadata and len(frames) == 1 and image.getexif().get(0x0112, 1) != 1:
        # The orientation tag goes with the rest of EXIF: turn the pixels instead.
        lossy = fmt in ("JPEG", "WEBP")
        return _encode([ImageOps.exif_transpose(frames[0])], fmt, image,
                       quality=95 if lossy else None, keep_metadata=False)
    return _encode(frames, fmt, image, quality=None, keep_metadata=keep_metadata)


def _target_size(width: int, height: int, limits: ImageLimits) -> tuple[int, int]:
    scale = 1.0
    if limits.max_side and max(width, height) > limits.max_side:
        scale = limits.max_side / max(width, height)
    if limits.max_pixels and width * height * scale * scale > limits.max_pixels:
        scale = (limits.max_pixels / (width * height)) ** 0.5
    return max(1, int(width * scale)), max(1, int(height * scale))


def fit(image: CleanImage, limits: ImageLimits) -> CleanImage:
    """``image`` as the network accepts it: same bytes if it already fits, else smaller.

    Scales down only; lowers JPEG/WebP quality before dimensions; converts a
    format the network does not take (to JPEG, or PNG when it has transparency).
    """
    size = _target_size(image.width, image.height, limits)
    if image.mime in limits.mimes and size == (image.width, image.height) \
            and len(image.data) <= limits.max_bytes:
        return image
    source = _open(image.data)
    fmt = str(source.format)
    if fmt == "JPEG" and size != (image.width, image.height):
        # Decode at the smallest DCT scale still at least the target size: much faster,
        # and LANCZOS does the rest.
        source.draft(source.mode, size)
    frames = _frames(source)
    if image.mime not in limits.mimes or (len(frames) > 1 and fmt != "GIF"):
        has_alpha = frames[0].mode in ("RGBA", "LA", "PA") or "transparency" in frames[0].info
        fmt = "PNG" if has_alpha and "image/png" in limits.mimes else "JPEG"
        frames = frames[:1]
    width, height = size
    for _ in range(12):
        scaled = [f.resize((width, height), Image.Resampling.LANCZOS)
                  if (width, height) != f.size else f for f in frames]
        for quality in ((90, 82, 74, 66) if fmt in ("JPEG", "WEBP") else (None,)):
            result = _encode([f.copy() for f in scaled], fmt, source, quality=quality,
                             keep_metadata=False)
            if len(result.data) <= limits.max_bytes:
                return result
        width, height = max(1, int(width * 0.85)), max(1, int(height * 0.85))
    raise ImageRefused(f"Could not bring the image under {limits.max_bytes:,} bytes.",
                       msg="images.cannot_shrink", limit=limits.max_bytes)
