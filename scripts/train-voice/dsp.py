"""Shared signal-processing constants and helpers (numpy / torch).

Frame convention (identical in training features and in the ONNX vocoder):
the waveform is left-padded with PAD_L = (N_FFT - HOP) / 2 zeros; frame f covers
padded samples [f*HOP, f*HOP + N_FFT), i.e. it is centred on original sample
f*HOP + HOP/2. A waveform of L samples has F = ceil(L / HOP) frames.
"""
import math
import wave

import numpy as np

SR = 22050
N_FFT = 1024
HOP = 256
PAD_L = (N_FFT - HOP) // 2
N_BINS = N_FFT // 2 + 1
N_MELS = 80
GAIN = 2.5          # constant gain applied to teacher audio (festival output peaks at ~0.25)
LOG_FLOOR = 1e-4    # magnitude floor before log


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getframerate() == SR, path
        assert w.getsampwidth() == 2
        x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768.0
        if w.getnchannels() > 1:
            x = x.reshape(-1, w.getnchannels()).mean(1)
    return x


def write_wav(path, x, sr=SR):
    x = np.clip(np.asarray(x, dtype=np.float32), -1, 1)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes((x * 32767).astype("<i2").tobytes())


def hann(n=N_FFT):
    # periodic Hann window
    return (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)).astype(np.float32)


def stft_mag(x):
    """|STFT| with the module's frame convention -> [F, N_BINS]."""
    n_frames = int(math.ceil(len(x) / HOP))
    total = (n_frames - 1) * HOP + N_FFT
    xp = np.zeros(total, dtype=np.float32)
    xp[PAD_L:PAD_L + len(x)] = x[: total - PAD_L]
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(n_frames)[:, None]
    frames = xp[idx] * hann()[None, :]
    return np.abs(np.fft.rfft(frames, axis=1)).astype(np.float32)


def mel_basis(n_mels=N_MELS, fmin=0.0, fmax=SR / 2):
    def hz2mel(f):
        return 2595.0 * np.log10(1.0 + f / 700.0)

    def mel2hz(m):
        return 700.0 * (10 ** (m / 2595.0) - 1.0)

    freqs = np.linspace(0, SR / 2, N_BINS)
    pts = mel2hz(np.linspace(hz2mel(fmin), hz2mel(fmax), n_mels + 2))
    fb = np.zeros((n_mels, N_BINS), dtype=np.float32)
    for m in range(n_mels):
        lo, c, hi = pts[m], pts[m + 1], pts[m + 2]
        up = (freqs - lo) / max(c - lo, 1e-6)
        down = (hi - freqs) / max(hi - c, 1e-6)
        fb[m] = np.maximum(0, np.minimum(up, down))
    fb /= np.maximum(fb.sum(1, keepdims=True), 1e-6)
    return fb


def griffin_lim_np(mag, n_iter=32, momentum=0.99, seed=0):
    """Reference numpy fast Griffin-Lim, same conventions as the ONNX vocoder."""
    n_frames = mag.shape[0]
    rng = np.random.RandomState(seed)
    phase0 = rng.uniform(-np.pi, np.pi, N_BINS)
    k = np.arange(N_BINS)
    phase = phase0[None, :] + 0.5 * np.pi * k[None, :] * np.arange(n_frames)[:, None]
    X = mag * np.exp(1j * phase)
    w = hann()
    total = (n_frames - 1) * HOP + N_FFT

    def istft(X):
        fr = np.fft.irfft(X, n=N_FFT, axis=1) * w[None, :]
        y = np.zeros(total, dtype=np.float32)
        for f in range(n_frames):
            y[f * HOP:f * HOP + N_FFT] += fr[f]
        return y / 1.5

    def stft(y):
        idx = np.arange(N_FFT)[None, :] + HOP * np.arange(n_frames)[:, None]
        return np.fft.rfft(y[idx] * w[None, :], axis=1)

    prev = 0
    for _ in range(n_iter):
        C = stft(istft(X))
        T = C + momentum * (C - prev)
        prev = C
        X = mag * T / np.maximum(np.abs(T), 1e-8)
    return istft(X)[PAD_L:PAD_L + n_frames * HOP]


# ---- source-filter representation -------------------------------------------------------
N_BANDS = 64
MIN_HALF_BW = 250.0   # Hz; bands at least this wide so voiced harmonics do not show
F0_MIN, F0_MAX = 70.0, 400.0
WIN_POW = float((hann() ** 2).sum())   # E|STFT|^2 of unit white noise (= 384)


def band_centres():
    def hz2mel(f):
        return 2595.0 * np.log10(1.0 + f / 700.0)

    def mel2hz(m):
        return 700.0 * (10 ** (m / 2595.0) - 1.0)

    return mel2hz(np.linspace(0, hz2mel(SR / 2), N_BANDS))


def band_matrices():
    """A [N_BANDS, N_BINS]: band-average power weights; I [N_BANDS, N_BINS]: linear
    interpolation of per-band log power back to the FFT bins."""
    c = band_centres()
    freqs = np.linspace(0, SR / 2, N_BINS)
    A = np.zeros((N_BANDS, N_BINS), dtype=np.float64)
    for j in range(N_BANDS):
        left = c[j] - c[j - 1] if j > 0 else c[1] - c[0]
        right = c[j + 1] - c[j] if j < N_BANDS - 1 else c[-1] - c[-2]
        lw, rw = max(left, MIN_HALF_BW), max(right, MIN_HALF_BW)
        A[j] = np.where(freqs < c[j], 1 - (c[j] - freqs) / lw, 1 - (freqs - c[j]) / rw).clip(0)
    A /= A.sum(1, keepdims=True)
    I = np.zeros((N_BANDS, N_BINS), dtype=np.float64)
    for k, f in enumerate(freqs):
        j = np.searchsorted(c, f, side="right") - 1
        j = min(max(j, 0), N_BANDS - 2)
        t = (f - c[j]) / (c[j + 1] - c[j])
        t = min(max(t, 0.0), 1.0)
        I[j, k] += 1 - t
        I[j + 1, k] += t
    return A.astype(np.float32), I.astype(np.float32)


def frames_of(x):
    n_frames = int(math.ceil(len(x) / HOP))
    total = (n_frames - 1) * HOP + N_FFT
    xp = np.zeros(total, dtype=np.float32)
    xp[PAD_L:PAD_L + len(x)] = x[: total - PAD_L]
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(n_frames)[:, None]
    return xp[idx]


def log_bands(x, A=None):
    """log band-average power [F, N_BANDS]."""
    if A is None:
        A = band_matrices()[0]
    fr = frames_of(x) * hann()[None, :]
    p = np.abs(np.fft.rfft(fr, axis=1)) ** 2
    return np.log(p @ A.T + 1e-7).astype(np.float32)


def f0_track(x):
    """Normalised-autocorrelation F0 per frame -> (f0 Hz with unvoiced frames
    interpolated, voiced flag)."""
    fr = frames_of(x)
    fr = fr - fr.mean(1, keepdims=True)
    w = hann()
    fw = fr * w[None, :]
    spec = np.fft.rfft(fw, n=2 * N_FFT, axis=1)
    r = np.fft.irfft(np.abs(spec) ** 2, axis=1)[:, :N_FFT]
    rw = np.fft.irfft(np.abs(np.fft.rfft(w, n=2 * N_FFT)) ** 2)[:N_FFT]
    r = r / np.maximum(r[:, :1], 1e-9) / np.maximum(rw[None, :] / rw[0], 1e-3)
    lo, hi = int(SR / F0_MAX), int(SR / F0_MIN)
    seg = r[:, lo:hi]
    best = seg.max(1)
    # prefer the shortest lag whose peak is close to the best (avoids octave-down errors)
    lag = np.argmax(seg >= (0.9 * best)[:, None], axis=1)
    # climb to the local maximum
    for _ in range(20):
        nxt = np.minimum(lag + 1, seg.shape[1] - 1)
        up = seg[np.arange(len(lag)), nxt] > seg[np.arange(len(lag)), lag]
        lag = np.where(up, nxt, lag)
    l = lag + lo
    l_c = np.clip(l, 1, N_FFT - 2)
    a, b, c = r[np.arange(len(l)), l_c - 1], r[np.arange(len(l)), l_c], r[np.arange(len(l)), l_c + 1]
    den = a - 2 * b + c
    off = np.where(np.abs(den) > 1e-9, 0.5 * (a - c) / den, 0.0).clip(-0.5, 0.5)
    f0 = SR / (l_c + off)
    energy = (fr ** 2).mean(1)
    voiced = (best > 0.6) & (energy > 1e-5)
    # median-smooth the voicing decision
    v = voiced.astype(np.float32)
    vp = np.pad(v, 1, mode="edge")
    voiced = (vp[:-2] + vp[1:-1] + vp[2:]) >= 2
    f0 = np.where(voiced, f0, np.nan)
    idx = np.arange(len(f0))
    if voiced.any():
        f0 = np.interp(idx, idx[voiced], f0[voiced])
    else:
        f0 = np.full(len(f0), 180.0)
    return f0.astype(np.float32), voiced.astype(np.float32)


# ---- features shared by the multi-speaker base (prep_base.py) and enrollment (adapt.py) ----
TARGET_RMS = 0.1      # active-speech RMS every utterance is brought to (-20 dBFS)
FEAT_FLOOR = 1e-3     # magnitude floor of the training features


def read_wav_any(path):
    """Mono float32 at SR from a 16-bit WAV of any rate (polyphase resampling)."""
    with wave.open(path, "rb") as w:
        sr, ch, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
        raw = w.readframes(w.getnframes())
    assert width == 2, f"{path}: {8 * width}-bit samples (16-bit expected)"
    x = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if ch > 1:
        x = x.reshape(-1, ch).mean(1)
    if sr != SR:
        from scipy.signal import resample_poly
        g = math.gcd(sr, SR)
        x = resample_poly(x, SR // g, sr // g).astype(np.float32)
    return x, sr


def level(x):
    """Scales to TARGET_RMS over the loudest half of 20 ms frames, so speakers recorded
    at different levels (festival at -30 dBFS, a phone prompt at -12) train alike."""
    n = int(0.02 * SR)
    if len(x) < n:
        return x
    fr = x[: len(x) // n * n].reshape(-1, n)
    rms = np.sqrt((fr ** 2).mean(1))
    active = np.sort(rms)[len(rms) // 2:]
    r = float(np.sqrt((active ** 2).mean())) if len(active) else 0.0
    if r < 1e-5:
        return x
    y = x * (TARGET_RMS / r)
    peak = float(np.abs(y).max())
    return y / peak * 0.99 if peak > 0.99 else y


def trim(x, rel=0.05, keep=0.1):
    """Leading and trailing silence cut to `keep` seconds; silence is below `rel` of the peak."""
    idx = np.nonzero(np.abs(x) > rel * max(1e-4, float(np.abs(x).max())))[0]
    if len(idx) == 0:
        return x
    a = max(0, idx[0] - int(keep * SR))
    b = min(len(x), idx[-1] + int(keep * SR))
    return x[a:b]


def features(x):
    """-> log |STFT| [F, 513] float16, log mel [F, 80] float32 (not yet normalised)."""
    mag = stft_mag(x)
    logmag = np.log(np.maximum(mag, FEAT_FLOOR))
    mel = np.log(np.maximum(mag @ mel_basis().T, FEAT_FLOOR))
    return logmag.astype(np.float16), mel.astype(np.float32)


def band_bins(source_rate):
    """STFT bins below the Nyquist frequency of the rate a recording was made at
    (a little under it: resampling filters roll off before Nyquist)."""
    nyq = 0.95 * min(source_rate, SR) / 2
    return int(min(N_BINS, math.floor(nyq / (SR / N_FFT)) + 1))
