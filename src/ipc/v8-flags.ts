// V8 flags for Herald's child processes (see README, "Memory").
export const CHILD_V8_FLAGS: readonly string[] = [];
