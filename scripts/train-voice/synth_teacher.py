#!/usr/bin/python3
"""Synthesise sentences with the teacher (festival + festvox-us-slt-hts) at 22050 Hz.

Usage: synth_teacher.py SENTENCES.txt OUT_WAV_DIR [N_PROCS]
Writes OUT_WAV_DIR/000000.wav ... (line index, zero based). Existing files are
skipped, so the step can be resumed.
"""
import os
import subprocess
import sys
import time


def main():
    src, out = sys.argv[1], sys.argv[2]
    nproc = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    os.makedirs(out, exist_ok=True)
    lines = [l.strip() for l in open(src) if l.strip()]
    todo = [(i, s) for i, s in enumerate(lines) if not os.path.exists(os.path.join(out, f"{i:06d}.wav"))]
    t0 = time.time()
    procs = []
    for k in range(nproc):
        part = todo[k::nproc]
        if not part:
            continue
        scm = os.path.join(out, f"_shard{k}.scm")
        with open(scm, "w") as f:
            f.write("(voice_cmu_us_slt_arctic_hts)\n")
            for i, s in part:
                s = s.replace("\\", " ").replace('"', " ")
                tmp = os.path.join(out, f"{i:06d}.tmp.wav")
                f.write(f'(utt.save.wave (utt.wave.resample (SynthText "{s}") 22050) "{tmp}" \'riff)\n')
                f.write(f'(system "mv {tmp} {os.path.join(out, f"{i:06d}.wav")}")\n')
        procs.append(subprocess.Popen(["festival", "-b", scm]))
    for p in procs:
        p.wait()
    n = sum(1 for i in range(len(lines)) if os.path.exists(os.path.join(out, f"{i:06d}.wav")))
    print(f"teacher: {n}/{len(lines)} wavs in {out}, {time.time() - t0:.1f}s for {len(todo)} new")
    if n != len(lines):
        sys.exit(1)


if __name__ == "__main__":
    main()
