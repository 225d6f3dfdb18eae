// Who is waiting for a model run. The device's own announcements (and
// warm-up, the CLI) are 'foreground'; synthesis for other programs over the
// network (Wyoming) is 'background'.
export type RunLane = 'foreground' | 'background';

// The onnx worker gets one run at a time; when it finishes, the next comes
// from the foreground lane first. So a queued announcement waits for at most
// the one background run already in the worker (one sentence, or part of a
// long one), however many network clients are synthesizing.
export class RunLanes {
  private busy = false;
  private readonly waiting: Record<RunLane, Array<() => void>> = { foreground: [], background: [] };

  async run<T>(lane: RunLane, task: () => Promise<T>): Promise<T> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting[lane].push(resolve));
    else this.busy = true;
    try {
      return await task();
    } finally {
      // The turn passes straight to the next run, so nothing can overtake it in between.
      const next = this.waiting.foreground.shift() ?? this.waiting.background.shift();
      if (next) next();
      else this.busy = false;
    }
  }
}
