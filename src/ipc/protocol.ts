// The shape of a conversation between a host and its child process or worker:
// each pair declares one `type` of this shape in a file both sides import, so
// a request's arguments and result are checked on both ends.
export type Protocol = {
  requests: Record<string, { args: unknown; result: unknown }>;
  events: Record<string, unknown>;
};

export type Op<P extends Protocol> = keyof P['requests'] & string;
export type Args<P extends Protocol, K extends Op<P>> = P['requests'][K]['args'];
export type Result<P extends Protocol, K extends Op<P>> = P['requests'][K]['result'];
export type EventName<P extends Protocol> = keyof P['events'] & string;

// What travels on the wire. The child says `ready` once its handlers are in
// place (after its own slow start), so no request is sent into the void.
export type ToChild = { t: 'req'; id: number; op: string; args: unknown };
export type ToHost =
  | { t: 'ready' }
  | { t: 'res'; id: number; ok: true; result: unknown }
  | { t: 'res'; id: number; ok: false; error: string }
  | { t: 'evt'; name: string; data: unknown };
