"""Gives each base file of Musetag's fuzz test the tags a real user's file carries, written with mutagen: title,
several artists, album, comment, lyrics, cover art, a ReplayGain value, the user's own genre, date and track.
Usage: add_user_tags.py COVER.png FILE...
"""
import base64
import sys

import mutagen
from mutagen.flac import Picture
from mutagen.id3 import APIC, COMM, ID3, TALB, TCON, TDRC, TIT2, TPE1, TRCK, TXXX, USLT
from mutagen.mp4 import MP4, MP4Cover, MP4FreeForm


def id3(tags, cover):
    tags.add(TIT2(encoding=3, text=["Fuzz title \u00e9"]))
    tags.add(TPE1(encoding=3, text=["piman", "jzig"]))
    tags.add(TALB(encoding=3, text=["Fuzz album"]))
    tags.add(COMM(encoding=3, lang="eng", desc="", text=["a comment"]))
    tags.add(USLT(encoding=3, lang="eng", desc="", text="la la la\nlo lo"))
    tags.add(APIC(encoding=3, mime="image/png", type=3, desc="cover", data=cover))
    tags.add(TXXX(encoding=3, desc="REPLAYGAIN_TRACK_GAIN", text=["-6.50 dB"]))
    tags.add(TCON(encoding=3, text=["Ambient"]))
    tags.add(TDRC(encoding=3, text=["2019"]))
    tags.add(TRCK(encoding=3, text=["3/9"]))


def vorbis(f, cover, flac):
    f["TITLE"] = ["Fuzz title \u00e9"]
    f["ARTIST"] = ["piman", "jzig"]
    f["ALBUM"] = ["Fuzz album"]
    f["COMMENT"] = ["a comment"]
    f["LYRICS"] = ["la la la\nlo lo"]
    f["REPLAYGAIN_TRACK_GAIN"] = ["-6.50 dB"]
    f["GENRE"] = ["Ambient"]
    f["DATE"] = ["2019"]
    f["TRACKNUMBER"] = ["3"]
    pic = Picture()
    pic.type, pic.mime, pic.desc, pic.data = 3, "image/png", "cover", cover
    if flac:
        f.add_picture(pic)
    else:
        f["METADATA_BLOCK_PICTURE"] = [base64.b64encode(pic.write()).decode("ascii")]


def mp4(f, cover):
    f["\xa9nam"] = ["Fuzz title \u00e9"]
    f["\xa9ART"] = ["piman", "jzig"]
    f["\xa9alb"] = ["Fuzz album"]
    f["\xa9cmt"] = ["a comment"]
    f["\xa9lyr"] = ["la la la\nlo lo"]
    f["covr"] = [MP4Cover(cover, imageformat=MP4Cover.FORMAT_PNG)]
    f["----:com.apple.iTunes:REPLAYGAIN_TRACK_GAIN"] = [MP4FreeForm(b"-6.50 dB")]
    f["\xa9gen"] = ["Ambient"]
    f["\xa9day"] = ["2019"]
    f["trkn"] = [(3, 9)]


def main():
    cover = open(sys.argv[1], "rb").read()
    for path in sys.argv[2:]:
        f = mutagen.File(path)
        if isinstance(f, MP4):
            if f.tags is None:
                f.add_tags()
            mp4(f, cover)
            f.save()
        elif hasattr(f, "tags") and (f.tags is None or isinstance(f.tags, ID3)) and type(f).__name__ in (
                "MP3", "WAVE", "AIFF"):
            if f.tags is None:
                f.add_tags()
            id3(f.tags, cover)
            f.save(v2_version=4)
        else:
            if f.tags is None:
                f.add_tags()
            vorbis(f, cover, type(f).__name__ == "FLAC")
            f.save()


if __name__ == "__main__":
    main()
