"""musetag-base: a small CNN on MelSpec v1 patches with a shared 128-d embedding and three heads."""
import torch
import torch.nn as nn

GENRES = ["blues", "classical", "country", "disco", "electronic", "folk", "hiphop", "jazz", "latin", "metal", "pop",
          "reggae", "rnb", "rock"]
QUADRANTS = ["Q1", "Q2", "Q3", "Q4"]
N_MELS, PATCH_FRAMES = 64, 188


def conv_bn(cin, cout, stride=1):
    return [nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class MuseNet(nn.Module):
    """Input [N, 1, 64, 188] raw dB. Standardisation (per-mel-band constants) and calibration temperatures are
    buffers inside the graph. Outputs (embedding, genre probs, quadrant probs, va)."""

    def __init__(self, chans=(16, 32, 64, 128), emb_dim=128, dropout=0.3):
        super().__init__()
        self.register_buffer("mel_mean", torch.zeros(1, 1, N_MELS, 1))
        self.register_buffer("mel_inv_std", torch.ones(1, 1, N_MELS, 1))
        self.register_buffer("genre_inv_temp", torch.ones(1))
        self.register_buffer("quad_inv_temp", torch.ones(1))
        c1, c2, c3, c4 = chans
        self.backbone = nn.Sequential(
            *conv_bn(1, c1, stride=2),                       # 32 x 94
            *conv_bn(c1, c2), nn.MaxPool2d(2),               # 16 x 47
            *conv_bn(c2, c3), nn.MaxPool2d(2),               # 8 x 23
            *conv_bn(c3, c4),                                # 8 x 23
        )
        self.proj = nn.Linear(2 * c4, emb_dim)
        self.drop = nn.Dropout(dropout)
        self.genre_head = nn.Linear(emb_dim, len(GENRES))
        self.quad_head = nn.Linear(emb_dim, len(QUADRANTS))
        self.va_head = nn.Linear(emb_dim, 2)

    def set_standardisation(self, mean, std):
        self.mel_mean.copy_(torch.as_tensor(mean, dtype=torch.float32).view(1, 1, N_MELS, 1))
        self.mel_inv_std.copy_(1.0 / torch.as_tensor(std, dtype=torch.float32).view(1, 1, N_MELS, 1))

    def set_temperatures(self, t_genre, t_quad):
        self.genre_inv_temp.fill_(1.0 / t_genre)
        self.quad_inv_temp.fill_(1.0 / t_quad)

    def logits(self, mel):
        """(embedding, genre logits, quadrant logits, va) with temperature NOT applied (for training / fitting)."""
        x = (mel - self.mel_mean) * self.mel_inv_std
        x = self.backbone(x)
        x = x.mean(dim=2)                                      # over mel -> [N, C, T]
        x = torch.cat([x.mean(dim=2), x.amax(dim=2)], dim=1)   # mean + max over time -> [N, 2C]
        emb = torch.relu(self.proj(x))
        h = self.drop(emb)
        return emb, self.genre_head(h), self.quad_head(h), torch.tanh(self.va_head(h))

    def forward(self, mel):
        emb, g, q, va = self.logits(mel)
        return (emb, torch.softmax(g * self.genre_inv_temp, dim=1), torch.softmax(q * self.quad_inv_temp, dim=1), va)
