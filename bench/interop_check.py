#!/usr/bin/python3
"""Compares what FFmpeg (ffprobe), kid3-cli and mutagen read from files Musetag tagged (bench/interop-check.sh).

For every supported file in DIR it reads genre, mood, valence, arousal, moodmodel, a head's user field (styles), bpm
and key with the three tools, turns each
tool's way of showing several values into a list (see normalise_* below), prints a table and exits 1 on any
disagreement with the expected values: DIR/expected.json when present (written by org.musetag.tags.InteropFixtures),
otherwise mutagen's reading, so that a real tagged folder can be checked for agreement between the tools.
"""
import json
import subprocess
import sys
from pathlib import Path

import mutagen
from mutagen.id3 import ID3
from mutagen.mp4 import MP4Tags

FIELDS = ["genre", "mood", "valence", "arousal", "moodmodel", "styles", "bpm", "key"]
MULTI = {"genre", "mood", "styles"}
USER_FIELDS = {"styles"}  # a trained head's field (InteropFixtures writes STYLES)
EXTENSIONS = {".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a", ".m4b", ".mp4", ".wav", ".aif", ".aiff", ".aifc"}
ID3_TXXX = {"valence": "VALENCE", "arousal": "AROUSAL", "moodmodel": "MOODMODEL", "styles": "STYLES"}
MP4_KEYS = {"genre": "\u00a9gen", "mood": "----:com.apple.iTunes:MOOD", "valence": "----:com.apple.iTunes:VALENCE",
            "arousal": "----:com.apple.iTunes:AROUSAL", "moodmodel": "----:com.apple.iTunes:MOODMODEL",
            "styles": "----:com.apple.iTunes:STYLES", "bpm": "tmpo", "key": "----:com.apple.iTunes:initialkey"}
# Where DJ software reads the tempo and the key (docs/tempo-and-key-tags.md): ID3 TBPM/TKEY, Vorbis BPM/INITIALKEY,
# MP4 tmpo (an integer) and the initialkey freeform atom.
ID3_STANDARD = {"bpm": "TBPM", "key": "TKEY"}
VORBIS_NAMES = {"key": "initialkey"}


def split(values, sep):
    out = []
    for v in values:
        out.extend(p.strip() for p in v.split(sep) if p.strip())
    return out


def id3_version(f):
    tags = getattr(f, "tags", None)
    return tags.version[1] if isinstance(tags, ID3) else None


def read_mutagen(path, sep):
    """mutagen keeps several values as lists in every format; ID3v2.3 holds one joined string, split on `sep`."""
    f = mutagen.File(path)
    tags = f.tags if f is not None else None
    result = {k: [] for k in FIELDS}
    if tags is None:
        return result, None
    version = id3_version(f)
    if isinstance(tags, ID3):
        frames = {"genre": tags.getall("TCON"),
                  "mood": tags.getall("TMOO") if version == 4 else tags.getall("TXXX:MOOD")}
        for k, desc in ID3_TXXX.items():
            frames[k] = tags.getall("TXXX:" + desc)
        for k, frame_id in ID3_STANDARD.items():
            frames[k] = tags.getall(frame_id)
        for k, fr in frames.items():
            values = [str(t) for frame in fr for t in frame.text]
            result[k] = split(values, sep) if version == 3 and k in MULTI else values
    elif isinstance(tags, MP4Tags):
        for k, key in MP4_KEYS.items():
            result[k] = [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in tags.get(key, [])]
    else:  # Vorbis comments: names are case-insensitive, one comment per value
        for k in FIELDS:
            result[k] = list(tags.get(VORBIS_NAMES.get(k, k), []))
    return result, version


def read_ffprobe(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json", str(path)],
                         check=True, capture_output=True, text=True).stdout
    data = json.loads(out)
    tags = {}
    for section in [data.get("format", {})] + data.get("streams", []):
        for k, v in (section.get("tags") or {}).items():
            tags.setdefault(k.lower(), v)
    aliases = {"genre": ["genre"], "mood": ["mood", "tmoo"], "valence": ["valence"], "arousal": ["arousal"],
               "moodmodel": ["moodmodel"], "styles": ["styles"], "bpm": ["tbpm", "bpm", "tmpo"],
               "key": ["tkey", "initialkey", "key"]}
    return {k: next((tags[a] for a in aliases[k] if a in tags), None) for k in FIELDS}


def normalise_ffprobe(raw, kind, sep, expected):
    """FFmpeg 5.1 (Debian 12) shows one string per key:
    - Vorbis comments (FLAC, Ogg): repeated comments joined with ';' -> split on ';'.
    - ID3v2.3: the one joined string Musetag wrote -> split on the configured separator.
    - ID3v2.4 (MP3, WAV, AIFF) and MP4: FFmpeg's demuxers keep only the first NUL-separated string of a text frame
      and the first data atom of an MP4 item, so only the first expected value can be compared; the rest is
      checked by kid3 and mutagen.
    """
    result, expect = {}, dict(expected)
    for k in FIELDS:
        v = raw[k]
        values = [] if v is None else [v]
        if k in MULTI:
            if kind == "vorbis":
                values = split(values, ";")
            elif kind == "id3v2.3":
                values = split(values, sep)
            else:
                expect[k] = expected[k][:1]
        result[k] = values
    return result, expect


def wav_has_info_chunk(path):
    """Whether a WAV file has a RIFF LIST/INFO chunk (FFmpeg then ignores its ID3 chunk)."""
    data = path.read_bytes()
    pos = 12
    while pos + 8 <= len(data):
        chunk, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        if chunk == b"LIST" and data[pos + 8:pos + 12] == b"INFO":
            return True
        pos += 8 + size + (size & 1)
    return False


def read_kid3(path):
    out = subprocess.run(["kid3-cli", "-c", '{"method":"get","params":["all",2]}', str(path)],
                         check=True, capture_output=True, text=True).stdout
    tagged = json.loads(out)["result"]["taggedFile"]
    frames = (tagged.get("tag2") or {}).get("frames", [])
    return [(fr["name"].lower(), fr["value"]) for fr in frames]


KID3_NAMES = {"key": ("initial key", "initialkey")}


def normalise_kid3(frames, kind, sep):
    """kid3 (TagLib) lists a repeated Vorbis comment as several frames and shows several values held in one frame
    (ID3v2.4 NUL-separated, MP4 data atoms) joined with '|'; ID3v2.3 shows the joined string Musetag wrote. It names
    the key "Initial Key" in ID3 and Vorbis comments and "initialkey" in MP4."""
    result = {}
    for k in FIELDS:
        values = [v for name, v in frames if name in KID3_NAMES.get(k, (k,))]
        values = split(values, "|")
        if kind == "id3v2.3" and k in MULTI:
            values = split(values, sep)
        result[k] = values
    return result


def kid3_reading(path, kind, sep, expected):
    """kid3 3.9 shows only the first value of an ID3v2.4 TXXX frame holding several NUL-separated values (a head's
    user field; genre and mood use TCON/TMOO, which it reads whole), so only that first value is compared there;
    mutagen reads them all, as Picard and foobar2000 write and read them."""
    expect = dict(expected)
    if kind == "id3v2.4":
        for k in USER_FIELDS:
            expect[k] = expected[k][:1]
    return normalise_kid3(read_kid3(path), kind, sep), expect


def kind_of(path, version):
    if version == 3:
        return "id3v2.3"
    if version == 4:
        return "id3v2.4"
    if path.suffix.lower() in {".m4a", ".m4b", ".mp4"}:
        return "mp4"
    return "vorbis"


def main(folder):
    folder = Path(folder)
    manifest_path = folder / "expected.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    sep = manifest.get("id3v23Separator", "; ")
    expected_files = manifest.get("files")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS and not p.name.startswith("."))
    if expected_files is not None:
        missing = set(expected_files) - {p.name for p in files}
        files = [p for p in files if p.name in expected_files]
    else:
        missing = set()
        print("no expected.json: the tools are compared with what mutagen reads")
    failures = [f"{name}: listed in expected.json but missing" for name in sorted(missing)]
    for path in files:
        mut, version = read_mutagen(path, sep)
        kind = kind_of(path, version)
        expected = {k: expected_files[path.name].get(k, []) for k in FIELDS} if expected_files else mut
        readings = {"mutagen": (mut, expected),
                    "ffprobe": normalise_ffprobe(read_ffprobe(path), kind, sep, expected),
                    "kid3-cli": kid3_reading(path, kind, sep, expected)}
        if path.suffix.lower() == ".wav" and wav_has_info_chunk(path):
            # FFmpeg reads a WAV's RIFF INFO chunk and then drops its ID3 chunk ("Discarding ID3 tags because more
            # suitable tags were found"). Musetag keeps the user's INFO chunk as it is and writes its fields to the
            # ID3 chunk (tags.md), so ffprobe cannot see them in such files; WAV files without INFO are compared.
            readings["ffprobe"] = None
        print(f"\n{path.name} ({kind})")
        print(f"  {'field':<10} {'expected':<28} {'tool':<9} read")
        for k in FIELDS:
            for tool, reading in readings.items():
                if reading is None:
                    print(f"  {k:<10} {'':<28} {tool:<9} n/a (WAV with RIFF INFO: FFmpeg ignores its ID3 chunk)")
                    continue
                if tool == "ffprobe" and kind == "mp4" and k == "bpm":
                    # FFmpeg 5.1's MP4 demuxer does not export the tmpo atom at all (not even one mutagen wrote);
                    # kid3 and mutagen read it.
                    print(f"  {k:<10} {'':<28} {tool:<9} n/a (FFmpeg does not read MP4's tmpo)")
                    continue
                got, expect = reading
                ok = got[k] == expect[k]
                mark = "ok " if ok else "BAD"
                print(f"  {k:<10} {'; '.join(expect[k]):<28} {tool:<9} {mark} {got[k]}")
                if not ok:
                    failures.append(f"{path.name}: {tool} reads {k} as {got[k]}, expected {expect[k]}")
    print()
    if not files:
        failures.append(f"no supported audio files in {folder}")
    for f in failures:
        print("DISAGREEMENT: " + f)
    print(f"{len(files)} files, {len(failures)} disagreements")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: interop_check.py DIR")
    sys.exit(main(sys.argv[1]))
