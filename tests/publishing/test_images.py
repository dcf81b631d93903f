"""Image sanitising with hostile and metadata-laden files (Pillow-generated, crafted bytes)."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image, ImageChops, ImageStat, PngImagePlugin

from desktop.publishing import images
from desktop.publishing.images import ImageLimits, ImageRefused, fit, sanitise

SECRET_AUTHOR = "Jeanne Photographe-Secrete"
SERIAL = "SN-8842-XQ-771"
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf'
       b'-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>'
       b'XmpCreatorName</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')


def _exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = SECRET_AUTHOR          # Artist
    exif[0x0112] = orientation            # Orientation
    exif[0x0110] = "CameraModel-Z9"      # Model
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (45.0, 25.0, 17.5)
    gps[3], gps[4] = "W", (75.0, 41.0, 58.2)
    return exif


def jpeg_with_metadata(size=(64, 32), orientation: int = 1) -> bytes:
    out = io.BytesIO()
    picture = Image.new("RGB", size, (200, 30, 30))
    picture.paste((20, 20, 220), (0, 0, size[0] // 2, size[1]))
    picture.save(out, "JPEG", quality=90, exif=_exif(orientation), xmp=XMP,
                 comment=b"taken at home")
    return out.getvalue()


def png_with_metadata() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SECRET_AUTHOR)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    Image.new("RGBA", (40, 30), (0, 128, 0, 100)).save(out, "PNG", pnginfo=info, exif=_exif())
    return out.getvalue()


def crafted_png(width: int, height: int, compressed_rows: bool = False) -> bytes:
    """A PNG with any header size; with ``compressed_rows`` its IDAT really holds every
    (zero) row, so decoding it would expand to width*height bytes: a decompression bomb."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    if compressed_rows:
        packer = zlib.compressobj(9)
        row = bytes(width + 1)
        data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    else:
        data = zlib.compress(bytes(width + 1))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def metadata_of(data: bytes) -> dict:
    picture = Image.open(io.BytesIO(data))
    return {"exif": dict(picture.getexif()), "info": set(picture.info) - {"dpi", "jfif",
            "jfif_version", "jfif_unit", "jfif_density", "progressive", "progression"}}


# -- stripping ---------------------------------------------------------------------------------
def test_jpeg_loses_gps_serial_author_xmp_and_comment():
    original = jpeg_with_metadata()
    assert SECRET_AUTHOR.encode() in original and SERIAL.encode() in original
    assert b"XmpCreatorName" in original and b"taken at home" in original
    clean = sanitise(original)
    for needle in (SECRET_AUTHOR.encode(), SERIAL.encode(), b"XmpCreatorName", b"taken at home",
                   b"CameraModel-Z9", b"Exif\x00\x00"):
        assert needle not in clean.data, needle
    found = metadata_of(clean.data)
    assert found["exif"] == {} and not found["info"] & {"exif", "xmp", "comment"}
    assert (clean.mime, clean.width, clean.height) == ("image/jpeg", 64, 32)


def test_jpeg_metadata_strip_keeps_quantisation_so_pixels_barely_move():
    original = jpeg_with_metadata((128, 128))
    clean = sanitise(original)
    before = Image.open(io.BytesIO(original)).convert("RGB")
    after = Image.open(io.BytesIO(clean.data)).convert("RGB")
    assert Image.open(io.BytesIO(clean.data)).quantization == \
        Image.open(io.BytesIO(original)).quantization
    mean_error = ImageStat.Stat(ImageChops.difference(before, after)).mean
    assert max(mean_error) < 2  # re-encoding with the same tables: a generation, not a new quality


def test_orientation_is_applied_to_the_pixels_before_exif_goes():
    clean = sanitise(jpeg_with_metadata((40, 20), orientation=6))  # "rotate 90° clockwise"
    assert (clean.width, clean.height) == (20, 40)
    assert metadata_of(clean.data)["exif"] == {}


def test_png_text_xmp_and_exif_chunks_are_dropped_and_transparency_kept():
    original = png_with_metadata()
    assert SECRET_AUTHOR.encode() in original
    clean = sanitise(original)
    assert SECRET_AUTHOR.encode() not in clean.data and b"XmpCreatorName" not in clean.data
    assert b"eXIf" not in clean.data and b"tEXt" not in clean.data and b"iTXt" not in clean.data
    picture = Image.open(io.BytesIO(clean.data))
    assert picture.mode == "RGBA" and picture.getpixel((3, 3)) == (0, 128, 0, 100)


def test_policy_may_keep_metadata():
    clean = sanitise(jpeg_with_metadata(), keep_metadata=True)
    assert metadata_of(clean.data)["exif"].get(0x013B) == SECRET_AUTHOR


def test_animated_gif_keeps_its_frames():
    frames = [Image.new("RGB", (30, 20), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0,
                   comment=b"made by " + SECRET_AUTHOR.encode())
    clean = sanitise(out.getvalue())
    assert clean.frames == 3 and clean.mime == "image/gif"
    assert SECRET_AUTHOR.encode() not in clean.data


# -- hostile files ------------------------------------------------------------------------------
@pytest.mark.parametrize("data", [
    b"<html><body>not an image</body></html>",
    b"",
    b"BM" + bytes(60),                         # a BMP: Pillow reads it, Tandem does not accept it
    b"%PDF-1.7\n" + bytes(100),
    b"RIFF\x10\x00\x00\x00WAVEfmt ",           # RIFF but not WebP
])
def test_wrong_magic_bytes_are_refused(data):
    with pytest.raises(ImageRefused, match="not a PNG, JPEG, WebP or GIF"):
        sanitise(data)


def test_a_real_bmp_renamed_is_refused_by_its_bytes():
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "BMP")
    with pytest.raises(ImageRefused, match="first bytes"):
        sanitise(out.getvalue())


def test_png_signature_followed_by_garbage_is_refused():
    with pytest.raises(ImageRefused, match="cannot be read"):
        sanitise(b"\x89PNG\r\n\x1a\n" + b"garbage" * 20)


@pytest.mark.parametrize("make", [lambda: jpeg_with_metadata((300, 200)), png_with_metadata])
def test_truncated_files_are_refused(make):
    data = make()
    with pytest.raises(ImageRefused, match="truncated|damaged"):
        sanitise(data[: len(data) * 2 // 3])


def test_over_100_megapixels_is_refused_from_the_header():
    with pytest.raises(ImageRefused, match="100 megapixels") as caught:
        sanitise(crafted_png(10_001, 10_000))
    assert "10001 x 10000" in str(caught.value)


def test_decompression_bomb_with_real_compressed_rows_is_refused():
    bomb = crafted_png(12_000, 12_000, compressed_rows=True)
    assert len(bomb) < 1_000_000  # 144 MB of pixels in a small file
    with pytest.raises(ImageRefused, match="decompression bombs"):
        sanitise(bomb)


def test_pillow_own_bomb_guard_is_reported_the_same_way():
    with pytest.raises(ImageRefused, match="decompression bombs"):
        sanitise(crafted_png(20_000, 20_000))  # over Pillow's 2 x MAX_IMAGE_PIXELS


def test_animation_frames_count_towards_the_pixel_limit(monkeypatch):
    frames = [Image.new("RGB", (10, 10), (c * 50, 0, 0)) for c in range(5)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    monkeypatch.setattr(images, "MAX_PIXELS", 450)  # 5 frames x 100 px = 500
    with pytest.raises(ImageRefused, match="5 frames"):
        sanitise(out.getvalue())


def test_oversized_file_is_refused_before_decoding(monkeypatch):
    monkeypatch.setattr(images, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(ImageRefused, match="MB"):
        sanitise(jpeg_with_metadata((400, 400)))


# -- fitting to a network ------------------------------------------------------------------------
def noisy_jpeg(width: int, height: int) -> bytes:
    picture = Image.effect_noise((width, height), 60).convert("RGB")
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=95)
    return out.getvalue()


def test_large_photo_is_scaled_and_reencoded_under_bluesky_limits():
    clean = sanitise(noisy_jpeg(3000, 2000))
    assert len(clean.data) > 1_000_000
    fitted = fit(clean, images.NETWORK_LIMITS["bluesky"])
    assert len(fitted.data) <= 1_000_000 and max(fitted.width, fitted.height) <= 2000
    assert abs(fitted.width / fitted.height - 1.5) < 0.01


def test_small_images_are_never_upscaled_and_untouched_when_they_fit():
    clean = sanitise(png_with_metadata())
    assert fit(clean, images.NETWORK_LIMITS["bluesky"]) is clean
    fitted = fit(clean, ImageLimits(max_bytes=10_000_000, max_side=5000,
                                    mimes=frozenset({"image/jpeg", "image/png"})))
    assert (fitted.width, fitted.height) == (40, 30)


def test_format_the_network_refuses_is_converted():
    out = io.BytesIO()
    Image.new("RGB", (50, 40), (1, 2, 3)).save(out, "WEBP")
    fitted = fit(sanitise(out.getvalue()), ImageLimits(max_bytes=10**6,
                                                      mimes=frozenset({"image/jpeg"})))
    assert fitted.mime == "image/jpeg" and (fitted.width, fitted.height) == (50, 40)


def test_pixel_limit_from_a_mastodon_instance():
    limits = images.mastodon_limits({"configuration": {
        "media_attachments": {"image_size_limit": 2_000_000, "image_matrix_limit": 1_000_000,
                              "supported_mime_types": ["image/png", "image/jpeg", "video/mp4"]},
        "statuses": {"max_media_attachments": 4}}})
    assert limits.mimes == frozenset({"image/png", "image/jpeg"})
    fitted = fit(sanitise(noisy_jpeg(1600, 1200)), limits)
    assert fitted.width * fitted.height <= 1_000_000 and len(fitted.data) <= 2_000_000
