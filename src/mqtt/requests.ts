// Request/response over MQTT in Zigbee2MQTT's manner: a request on
// <device>/request/<name> with an optional `transaction`, answered on
// <device>/response/<name> with the same transaction echoed.
export type RequestHandler = (data: Record<string, unknown>) => Promise<unknown> | unknown;

export interface Response {
  status: 'ok' | 'error';
  data: unknown;
  error?: string;
  transaction?: unknown;
}

export async function answerRequest(handlers: Record<string, RequestHandler>, name: string, payload: Buffer): Promise<Response> {
  let data: Record<string, unknown> = {};
  let transaction: unknown;
  if (payload.length) {
    try {
      const parsed = JSON.parse(payload.toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        data = parsed;
        transaction = parsed.transaction;
      } else {
        return { status: 'error', data: {}, error: 'request payload must be a JSON object' };
      }
    } catch (err) {
      return { status: 'error', data: {}, error: `invalid JSON: ${(err as Error).message}` };
    }
  }
  const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
  if (!handler) return { status: 'error', data: {}, error: `unknown request '${name}' (known: ${Object.keys(handlers).join(', ')})`, transaction };
  try {
    return { status: 'ok', data: (await handler(data)) ?? {}, transaction };
  } catch (err) {
    return { status: 'error', data: {}, error: (err as Error).message, transaction };
  }
}
