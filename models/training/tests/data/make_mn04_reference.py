"""How mn04_reference.npz was made (run once by hand; not part of the tests).

Runs the public EfficientAT code UNMODIFIED (a copy of its src/ taken from the repository nikih94/swch-audio-classification
at commit 2b362d97 into a folder outside this repository) on the reference clips
/work/shared/pretrained/efficientat/reference/{music,speech,typing}.wav (10 s, 32 kHz):
  get_model(width_mult=0.4, pretrained_name=None, head_type="mlp") + load_state_dict(mn04_as_mAP_432.pt), eval;
  AugmentMelSTFT(n_mels=128, sr=32000, win_length=800, hopsize=320) (fmax None -> 15 kHz, the training default), eval.
Saved (float32, only outputs, no audio):
  mel_sample [3, 16, 40]  the network input mel[:, ::8, ::25] (128 bands x 1000 frames subsampled, to stay small)
  mel_mean   [3, 128]     the mel averaged over frames
  logits [3, 527], embedding [3, 384] (the network's pooled "features"), hidden [3, 512] (classifier.3 output)
  rs_logits, rs_embedding: the same network on torchaudio.functional.resample(resample(x, 32000, 16000), 16000, 32000),
                           i.e. the 16 kHz path done by torchaudio's default resampler.
Usage: cd <efficientat copy> && /usr/bin/python3 make_mn04_reference.py <efficientat copy>/src <out.npz>
(cwd must be the copy: its helpers/utils.py reads metadata/ relative to it).
"""
import sys

import numpy as np
import soundfile as sf
import torch
import torchaudio

torch.set_num_threads(2)
sys.path.insert(0, sys.argv[1])
from models.mn.model import get_model  # noqa: E402  (the public code)
from models.preprocess import AugmentMelSTFT  # noqa: E402

P = "/work/shared/pretrained/efficientat/"
net = get_model(width_mult=0.4, pretrained_name=None, head_type="mlp", strides=(2, 2, 2, 2))
net.load_state_dict(torch.load(P + "mn04_as_mAP_432.pt", map_location="cpu"))
net.eval()
mel = AugmentMelSTFT(n_mels=128, sr=32000, win_length=800, hopsize=320)
mel.eval()
hidden = {}
net.classifier[3].register_forward_hook(lambda m, i, o: hidden.__setitem__("h", o.detach().clone()))
out = {}
R = torchaudio.functional.resample
for n in ["music", "speech", "typing"]:
    x, sr = sf.read(P + f"reference/{n}.wav", dtype="float32")
    assert sr == 32000
    x = torch.from_numpy(x)[None]
    with torch.no_grad():
        m = mel(x)
        logits, emb = net(m.unsqueeze(0))
        h = hidden["h"]  # taken before the second forward overwrites it
        rs_logits, rs_emb = net(mel(R(R(x, 32000, 16000), 16000, 32000)).unsqueeze(0))
    for k, v in [("mel_sample", m[0, ::8, ::25]), ("mel_mean", m[0].mean(1)), ("logits", logits[0]),
                 ("embedding", emb[0]), ("hidden", h[0]), ("rs_logits", rs_logits[0]),
                 ("rs_embedding", rs_emb[0])]:
        out.setdefault(k, []).append(v.numpy().astype(np.float32))
np.savez_compressed(sys.argv[2], clips=np.array(["music", "speech", "typing"]),
                    **{k: np.stack(v) for k, v in out.items()})
