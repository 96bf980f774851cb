"""Independent oracle for Musetag's fuzz test: reads each file's tags with mutagen (not JAudioTagger, not Musetag)
and prints one JSON line per path listed in the file named by its argument (one path a line): {"path", "error"} or {"path", "kind", "has_tag", "other", "managed"}.

"other" lists every tag item Musetag does not manage, in file order, as text that changes when any byte of the item's
meaning changes (frame repr, comment key=value, MP4 value repr, picture digests); "managed" the managed ones.
"""
import hashlib
import json
import sys

import mutagen
from mutagen.id3 import ID3

MANAGED_TXXX = {"MOOD", "VALENCE", "AROUSAL", "MOODMODEL"}
MANAGED_VORBIS = {"GENRE", "MOOD", "VALENCE", "AROUSAL", "MOODMODEL", "BPM", "INITIALKEY", "KEY"}
MANAGED_ID3 = ("TCON", "TMOO", "TBPM", "TKEY")
MANAGED_MP4 = ("\xa9gen", "gnre", "tmpo")
MANAGED_MP4_FREEFORM = MANAGED_TXXX | {"INITIALKEY"}
MP4_FREEFORM = "----:com.apple.iTunes:"


def digest(data):
    return hashlib.sha256(bytes(data)).hexdigest()[:16]


def id3_items(tags):
    other, managed = [], []
    for frame in tags.values():
        key = frame.HashKey
        is_managed = frame.FrameID in MANAGED_ID3 or (
            frame.FrameID == "TXXX" and frame.desc.upper() in MANAGED_TXXX)
        if frame.FrameID == "APIC":
            text = "APIC:%s:%s:%s:%s" % (frame.mime, frame.type, frame.desc, digest(frame.data))
        elif is_managed:
            text = "%s=%s" % (key.upper(), list(frame.text))
        else:
            text = "%s=%r" % (key, frame)
        (managed if is_managed else other).append(text)
    return other, managed


def vorbis_items(f):
    other, managed = [], []
    for key, value in f.tags or []:
        if key.upper() in MANAGED_VORBIS:
            managed.append("%s=%s" % (key.upper(), value))
        else:
            other.append("%s=%s" % (key, value))
    for pic in getattr(f, "pictures", []) or []:
        other.append("PICTURE:%s:%s:%s" % (pic.mime, pic.type, digest(pic.data)))
    return other, managed


def mp4_items(tags):
    other, managed = [], []
    for key, value in tags.items():
        upper = key.upper()
        is_managed = key in MANAGED_MP4 or (
            upper.startswith(MP4_FREEFORM.upper()) and upper[len(MP4_FREEFORM):] in MANAGED_MP4_FREEFORM)
        if key == "covr":
            text = "covr:" + ",".join("%d:%s" % (c.imageformat, digest(c)) for c in value)
        else:
            text = "%s=%r" % (key, value)
        (managed if is_managed else other).append(text.upper() if is_managed else text)
    return other, managed


def snapshot(path):
    try:
        f = mutagen.File(path)
    except Exception as e:  # damaged files are expected here; the test decides what that means
        return {"path": path, "error": "%s: %s" % (type(e).__name__, e)}
    if f is None:
        return {"path": path, "error": "not recognised"}
    kind = type(f).__name__
    tags = f.tags
    if tags is None:
        other, managed = vorbis_items(f) if hasattr(f, "pictures") else ([], [])
        return {"path": path, "kind": kind, "has_tag": False, "other": other, "managed": managed}
    if isinstance(tags, ID3):
        other, managed = id3_items(tags)
    elif kind == "MP4":
        other, managed = mp4_items(tags)
    else:
        other, managed = vorbis_items(f)
    return {"path": path, "kind": kind, "has_tag": True, "other": other, "managed": managed}


def main():
    with open(sys.argv[1], encoding="utf-8") as paths:
        lines = paths.read().splitlines()
    for line in lines:
        path = line.rstrip("\n")
        if path:
            print(json.dumps(snapshot(path), ensure_ascii=True), flush=False)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
