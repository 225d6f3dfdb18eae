"""Acoustic model: phoneme ids -> durations -> log |STFT| frames (513 bins, 86 fps).

Encoder  : embedding, 3 residual conv blocks, BiLSTM, LayerNorm (token level)
Prior    : 1x1 conv to 80 normalised log-mel means; monotonic alignment search (MAS)
           between it and the teacher's mel gives the durations while training
Durations: 3 conv blocks and a BiLSTM on the (detached) encoder output -> log frames per token
Decoder  : frame level, input = encoder state of the token + position in the token;
           one full-rate conv, stride-2 down, 4 dilated residual conv blocks at
           43 fps, transposed-conv up + skip, full-rate conv block, 1x1 -> 513
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

N_SYMBOLS = 256
N_MEL = 80
N_BINS = 513
TRAIN_NOISE = 0.1       # std of the noise added to the decoder input while training
NOISE_PER_SCALE = 0.15  # at inference: std = noise_scale * NOISE_PER_SCALE (0.667 -> 0.1)
DUR_NOISE_PER_W = 0.1   # at inference: log-duration noise std = noise_w * DUR_NOISE_PER_W


class ChanLN(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.ln = nn.LayerNorm(c)

    def forward(self, x):
        return self.ln(x.transpose(1, 2)).transpose(1, 2)


class ConvBlock(nn.Module):
    def __init__(self, c, k, dil=1, p=0.1):
        super().__init__()
        self.conv = nn.Conv1d(c, c, k, padding=dil * (k - 1) // 2, dilation=dil)
        self.ln = ChanLN(c)
        self.drop = nn.Dropout(p)

    def forward(self, x, mask):
        return self.ln(x + self.drop(F.relu(self.conv(x * mask)))) * mask


SPK_DIM = 64            # speaker embedding size (multi-speaker base and its clones)


class Voice(nn.Module):
    """n_speakers = 0: a single-speaker voice (the bundled one). Otherwise a speaker is a
    SPK_DIM vector g: a row of `spk` for the base's own speakers, or a vector learned
    for a new speaker at enrollment. g shifts the token states (so the prior, durations
    and decoder all see it) and every decoder block (timbre lives mostly there)."""

    def __init__(self, c=192, d=192, n_speakers=0):
        super().__init__()
        self.c = c
        self.n_speakers = n_speakers
        if n_speakers:
            self.spk = nn.Embedding(n_speakers, SPK_DIM)
            nn.init.normal_(self.spk.weight, 0.0, 0.3)
            self.spk_tok = nn.Linear(SPK_DIM, c)
            self.spk_dec = nn.Linear(SPK_DIM, d * 6)
        self.emb = nn.Embedding(N_SYMBOLS, c)
        nn.init.normal_(self.emb.weight, 0.0, c ** -0.5)
        self.enc = nn.ModuleList([ConvBlock(c, 5) for _ in range(3)])
        self.lstm = nn.LSTM(c, c // 2, batch_first=True, bidirectional=True)
        self.enc_ln = ChanLN(c)
        self.prior = nn.Conv1d(c, N_MEL, 1)
        self.dur_in = nn.Conv1d(c, c, 3, padding=1)
        self.dur = nn.ModuleList([ConvBlock(c, k) for k in (5, 5, 3)])
        # phrase-level timing (lengthening before a pause, faster runs of unstressed
        # syllables) needs context across the whole sentence, not just a few phonemes
        self.dur_lstm = nn.LSTM(c, c // 2, batch_first=True, bidirectional=True)
        self.dur_out = nn.Conv1d(c, 1, 1)
        self.dec_in = nn.Conv1d(c + 2, d, 3, padding=1)
        self.down = nn.Conv1d(d, d, 4, stride=2, padding=1)
        self.dec = nn.ModuleList([ConvBlock(d, 5, dil, p=0.05) for dil in (1, 2, 4, 8, 1)])
        self.up = nn.ConvTranspose1d(d, d, 4, stride=2, padding=1)
        self.post = ConvBlock(d, 3, p=0.0)
        self.out = nn.Conv1d(d, N_BINS, 1)
        self.register_buffer("mag_mean", torch.zeros(N_BINS))
        self.register_buffer("mag_std", torch.ones(N_BINS))

    # ---- token level -------------------------------------------------------------------
    def encode(self, ids, x_mask, lengths=None, g=None):
        h = self.emb(ids).transpose(1, 2) * x_mask          # [B, C, N]
        for blk in self.enc:
            h = blk(h, x_mask)
        h = h.transpose(1, 2)
        if lengths is not None:
            packed = nn.utils.rnn.pack_padded_sequence(h, lengths.cpu(), batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=ids.shape[1])
        else:
            h, _ = self.lstm(h)
        h = self.enc_ln(h.transpose(1, 2))
        if g is not None:
            h = h + self.spk_tok(g).unsqueeze(2)
        return h * x_mask

    def durations(self, h, x_mask):
        z = F.relu(self.dur_in(h.detach() * x_mask))
        for blk in self.dur:
            z = blk(z, x_mask)
        z = z.transpose(1, 2)
        if z.shape[0] > 1:
            # packed, so the backward direction of a shorter sentence starts at its own end
            lengths = x_mask.sum((1, 2)).long().cpu()
            packed = nn.utils.rnn.pack_padded_sequence(z, lengths, batch_first=True, enforce_sorted=False)
            z, _ = self.dur_lstm(packed)
            z, _ = nn.utils.rnn.pad_packed_sequence(z, batch_first=True, total_length=x_mask.shape[2])
        else:
            z, _ = self.dur_lstm(z)
        z = z.transpose(1, 2)
        return self.dur_out(z * x_mask).squeeze(1)           # [B, N] log frames

    # ---- frame level -------------------------------------------------------------------
    def decode(self, h_up, pos, y_mask, g=None):
        x = torch.cat([h_up, pos], 1)
        full = F.relu(self.dec_in(x)) * y_mask
        bias = self.spk_dec(g).view(g.shape[0], 6, -1, 1) if g is not None else None
        T = full.shape[2]
        z = self.down(F.pad(full, (0, 1)))
        half_mask = F.max_pool1d(F.pad(y_mask, (0, 1)), 2, 2, ceil_mode=False)
        half_mask = half_mask[:, :, : z.shape[2]]
        for i, blk in enumerate(self.dec):
            z = blk(z if bias is None else z + bias[:, i], half_mask)
        up = self.up(z)[:, :, :T]
        y = up + full
        y = self.post(y if bias is None else y + bias[:, 5], y_mask)
        return self.out(y) * y_mask                            # normalised log |STFT|

    @staticmethod
    def frame_inputs(h, path, d):
        """h [B, C, N], path [B, N, T] (0/1), d [B, N] frames per token."""
        h_up = torch.bmm(h, path)                                # [B, C, T]
        cum = torch.cumsum(d, 1)
        start = cum - d
        T = path.shape[2]
        t = torch.arange(T, device=h.device, dtype=h.dtype).view(1, 1, -1)
        start_t = torch.bmm(start.unsqueeze(1), path)            # [B, 1, T]
        d_t = torch.bmm(d.unsqueeze(1), path).clamp(min=1.0)
        pos = torch.cat([(t - start_t + 0.5) / d_t, torch.log(d_t) / 4.0], 1)
        return h_up, pos

    # ---- inference (exported to ONNX, batch of one) --------------------------------------
    def infer(self, ids, lengths, scales, g=None):
        noise_scale, length_scale, noise_w = scales[0], scales[1], scales[2]
        N = ids.shape[1]
        x_mask = (torch.arange(N).view(1, -1) < lengths.view(-1, 1)).float().unsqueeze(1)
        h = self.encode(ids, x_mask, g=g)
        logw = self.durations(h, x_mask)
        logw = logw + torch.randn_like(logw) * noise_w * DUR_NOISE_PER_W
        d = torch.clamp(torch.round(torch.exp(logw) * length_scale), min=1.0) * x_mask.squeeze(1)
        cum = torch.cumsum(d, 1)                                # [1, N]
        total = cum[0, -1].long()
        t = torch.arange(total).float().view(1, 1, -1)           # [1, 1, T]
        path = ((t >= (cum - d).unsqueeze(2)) & (t < cum.unsqueeze(2))).float()   # [1, N, T]
        h_up, pos = self.frame_inputs(h, path, d)
        h_up = h_up + torch.randn_like(h_up) * noise_scale * NOISE_PER_SCALE
        y_mask = torch.ones_like(pos[:, :1])
        out = self.decode(h_up, pos, y_mask, g)
        return out * self.mag_std.view(1, -1, 1) + self.mag_mean.view(1, -1, 1)   # log |STFT| [1, 513, T]


@torch.no_grad()
def mas(logp, x_len, y_len):
    """Monotonic alignment search. logp [B, N, T] -> path [B, N, T] (0/1), every token
    gets >= 1 frame, token 0 starts at frame 0, token N-1 ends at frame T-1."""
    B, N, T = logp.shape
    neg = -1e9
    Q = torch.full((B, N), neg)
    Q[:, 0] = logp[:, 0, 0]
    direction = torch.zeros(B, N, T, dtype=torch.bool)       # True: came from token n-1
    n_idx = torch.arange(N).view(1, -1)
    tok_ok = n_idx < x_len.view(-1, 1)
    for t in range(1, T):
        shifted = torch.cat([torch.full((B, 1), neg), Q[:, :-1]], 1)
        move = shifted > Q
        direction[:, :, t] = move
        Q = torch.where(move, shifted, Q) + logp[:, :, t]
        Q = torch.where(tok_ok & (n_idx <= t), Q, torch.full_like(Q, neg))
    path = torch.zeros(B, N, T)
    idx = (x_len - 1).clone()
    ar = torch.arange(B)
    for t in range(T - 1, -1, -1):
        active = t < y_len
        path[ar[active], idx[active], t] = 1.0
        go = direction[ar, idx, t] & active & (idx > 0)
        # cannot stay if there are fewer frames left than tokens
        go = go | (active & (idx >= t) & (idx > 0))
        idx = torch.where(go, idx - 1, idx)
    return path


def n_params(m):
    return sum(p.numel() for p in m.parameters())
