import wavefile from 'wavefile';

// A take as a 16-bit mono PCM WAV: what every tool reads, and what
// adaptation and `herald enroll --from` decode.
export function pcm16Wav(audio: Float32Array, rate: number): Uint8Array {
  const pcm = new Int16Array(audio.length);
  for (let i = 0; i < audio.length; i++) pcm[i] = Math.max(-32768, Math.min(32767, Math.round(audio[i] * 32767)));
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, rate, '16', pcm);
  return wav.toBuffer();
}
