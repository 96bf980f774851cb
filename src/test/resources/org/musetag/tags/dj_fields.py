#!/usr/bin/python3
"""Reads or writes the tempo and key of one file with mutagen, where DJ software keeps them (TagStoreContractTest).

    dj_fields.py read FILE              -> {"bpm": [...], "key": [...], "key_alt": [...]} as JSON
    dj_fields.py write FILE BPM KEY [VORBIS_KEY_NAME]
ID3: TBPM and TKEY. MP4: tmpo (an integer) and ----:com.apple.iTunes:initialkey. Vorbis: BPM and INITIALKEY, with
Picard's KEY as "key_alt" (written instead of INITIALKEY when VORBIS_KEY_NAME is KEY).
"""
import json
import sys

import mutagen
from mutagen.id3 import ID3, TBPM, TKEY
from mutagen.mp4 import MP4FreeForm, MP4Tags

MP4_KEY = "----:com.apple.iTunes:initialkey"


def read(f):
    tags = f.tags
    if tags is None:
        return {"bpm": [], "key": [], "key_alt": []}
    if isinstance(tags, ID3):
        return {"bpm": [str(t) for fr in tags.getall("TBPM") for t in fr.text],
                "key": [str(t) for fr in tags.getall("TKEY") for t in fr.text], "key_alt": []}
    if isinstance(tags, MP4Tags):
        return {"bpm": [str(v) for v in tags.get("tmpo", [])],
                "key": [bytes(v).decode("utf-8") for k, vs in tags.items() if k.lower() == MP4_KEY.lower()
                        for v in vs],
                "key_alt": []}
    return {"bpm": list(tags.get("bpm", [])), "key": list(tags.get("initialkey", [])),
            "key_alt": list(tags.get("key", []))}


def write(f, bpm, key, vorbis_key):
    tags = f.tags
    if isinstance(tags, ID3):
        tags.setall("TBPM", [TBPM(encoding=3, text=[bpm])])
        tags.setall("TKEY", [TKEY(encoding=3, text=[key])])
        f.save(v2_version=tags.version[1])
        return
    if isinstance(tags, MP4Tags):
        tags["tmpo"] = [int(bpm)]
        tags[MP4_KEY] = [MP4FreeForm(key.encode("utf-8"))]
    else:
        tags["BPM"] = [bpm]
        tags[vorbis_key] = [key]
    f.save()


def main():
    mode, path = sys.argv[1], sys.argv[2]
    f = mutagen.File(path)
    if f is None:
        sys.exit(f"mutagen cannot read {path}")
    if mode == "read":
        print(json.dumps(read(f)))
    else:
        write(f, sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else "INITIALKEY")


if __name__ == "__main__":
    main()
