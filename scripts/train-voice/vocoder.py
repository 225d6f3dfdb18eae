"""Source-filter vocoder built from ONNX-exportable torch ops (MatMul with fixed
DFT bases, CumSum, Resize, RandomNormalLike): pulse train at F0 / Gaussian noise,
shaped frame by frame by the smooth spectral envelope (zero phase), overlap-add."""
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import dsp


class Vocoder(nn.Module):
    def __init__(self):
        super().__init__()
        n = np.arange(dsp.N_FFT)[:, None]
        k = np.arange(dsp.N_BINS)[None, :]
        w = dsp.hann()[:, None]
        ang = 2 * np.pi * n * k / dsp.N_FFT
        self.register_buffer("fc", torch.tensor(w * np.cos(ang), dtype=torch.float32))   # [N, K]
        self.register_buffer("fs", torch.tensor(-w * np.sin(ang), dtype=torch.float32))
        ck = np.full(dsp.N_BINS, 2.0)
        ck[0] = ck[-1] = 1.0
        # inverse real DFT with the synthesis window and OLA normalisation folded in
        norm = 1.0 / (dsp.N_FFT * 1.5)
        self.register_buffer("ic", torch.tensor((ck[:, None] * np.cos(ang.T)) * dsp.hann()[None, :] * norm, dtype=torch.float32))
        self.register_buffer("is_", torch.tensor((-ck[:, None] * np.sin(ang.T)) * dsp.hann()[None, :] * norm, dtype=torch.float32))
        _, I = dsp.band_matrices()
        self.register_buffer("interp", torch.tensor(I))   # [B, K]

    def excitation_stft(self, f0, vuv, noise=None):
        T = f0.shape[0]
        f0s = F.interpolate(f0.view(1, 1, -1), scale_factor=float(dsp.HOP), mode="linear", align_corners=False).view(-1)
        vs = F.interpolate(vuv.view(1, 1, -1), scale_factor=float(dsp.HOP), mode="linear", align_corners=False).view(-1)
        phase = torch.cumsum((f0s / dsp.SR).double(), dim=0)
        fl = torch.floor(phase)
        pulse = (fl - torch.cat([torch.zeros_like(fl[:1]), fl[:-1]])).float()
        pulse = pulse * torch.sqrt(dsp.SR / f0s)
        if noise is None:
            noise = torch.randn_like(pulse)
        exc = vs * pulse + (1 - vs) * noise
        return self.stft(exc, T)

    def stft(self, x, T):
        xp = torch.cat([torch.zeros(dsp.PAD_L), x, torch.zeros(dsp.N_FFT - dsp.PAD_L)])
        rows = xp.view(-1, dsp.HOP)
        fr = torch.cat([rows[0:T], rows[1:T + 1], rows[2:T + 2], rows[3:T + 3]], dim=1)
        return fr @ self.fc, fr @ self.fs

    def istft(self, re, im, T):
        out = re @ self.ic + im @ self.is_
        q = out.view(T, 4, dsp.HOP)
        y = (F.pad(q[:, 0], (0, 0, 0, 3)) + F.pad(q[:, 1], (0, 0, 1, 2))
             + F.pad(q[:, 2], (0, 0, 2, 1)) + F.pad(q[:, 3], (0, 0, 3, 0))).reshape(-1)
        return y[dsp.PAD_L:dsp.PAD_L + T * dsp.HOP]

    def mag_synth(self, mag, f0, vuv, n_iter=0, noise=None):
        """full-resolution magnitude [T, K], phase from the excitation, then n_iter GL steps"""
        T = mag.shape[0]
        re, im = self.excitation_stft(f0, vuv, noise)
        for i in range(n_iter + 1):
            a = torch.sqrt(re * re + im * im) + 1e-8
            re, im = mag * re / a, mag * im / a
            y = self.istft(re, im, T)
            if i < n_iter:
                re, im = self.stft(y, T)
        return y

    def forward(self, logband, f0, vuv, noise=None):
        """logband [T, B] log band power; f0 [T] Hz; vuv [T] in [0, 1] -> wave [T*HOP]."""
        T = logband.shape[0]
        # per-sample F0 / voicing, sample n <-> frame (n - HOP/2) / HOP
        f0s = F.interpolate(f0.view(1, 1, -1), scale_factor=float(dsp.HOP), mode="linear", align_corners=False).view(-1)
        vs = F.interpolate(vuv.view(1, 1, -1), scale_factor=float(dsp.HOP), mode="linear", align_corners=False).view(-1)
        phase = torch.cumsum((f0s / dsp.SR).double(), dim=0)
        fl = torch.floor(phase)
        pulse = (fl - torch.cat([torch.zeros_like(fl[:1]), fl[:-1]])).float()
        pulse = pulse * torch.sqrt(dsp.SR / f0s)
        if noise is None:
            noise = torch.randn_like(pulse)
        exc = vs * pulse + (1 - vs) * noise
        # frames: padded signal, frame f = padded[f*HOP : f*HOP + N_FFT]
        xp = torch.cat([torch.zeros(dsp.PAD_L), exc, torch.zeros(dsp.N_FFT - dsp.PAD_L)])
        rows = xp.view(-1, dsp.HOP)                  # [T + 4, HOP]
        fr = torch.cat([rows[0:T], rows[1:T + 1], rows[2:T + 2], rows[3:T + 3]], dim=1)  # [T, N]
        re = fr @ self.fc
        im = fr @ self.fs
        gain = torch.exp(0.5 * (logband @ self.interp - math.log(dsp.WIN_POW)))   # [T, K]
        out = (re * gain) @ self.ic + (im * gain) @ self.is_     # [T, N]
        q = out.view(T, 4, dsp.HOP)
        y = (F.pad(q[:, 0], (0, 0, 0, 3)) + F.pad(q[:, 1], (0, 0, 1, 2))
             + F.pad(q[:, 2], (0, 0, 2, 1)) + F.pad(q[:, 3], (0, 0, 3, 0))).reshape(-1)
        return y[dsp.PAD_L:dsp.PAD_L + T * dsp.HOP]
