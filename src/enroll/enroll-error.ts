// A failure `herald enroll` reports as one line and an exit code: 2 for input
// the user can fix (a name, a directory, the recordings), 1 for a failure at
// run time (no base model, the adaptation process died, a full disk).
export class EnrollError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}
