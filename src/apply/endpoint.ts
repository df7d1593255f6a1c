/**
 * Submits an order to an environment's `orderEndpoint` (an HTTPS POST of the JSON order), as a
 * system of the platform calls another: with a client certificate and key read from the files that
 * `TAK_ORDER_CLIENT_CERT` and `TAK_ORDER_CLIENT_KEY` name (never from the repository), and the
 * server verified against the environment's trusted CAs. The answer is kept with the run.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';

export const CLIENT_CERT_VARIABLE = 'TAK_ORDER_CLIENT_CERT';
export const CLIENT_KEY_VARIABLE = 'TAK_ORDER_CLIENT_KEY';

export interface EndpointAnswer {
  status: number;
  body: string;
}

/** The endpoint could not be reached or refused the order: the message says which and what to do. */
export class SubmitFailed extends Error {}

export interface SubmitInput {
  url: string;
  order: string;
  /** PEM bundle of the CAs the endpoint's certificate must chain to. */
  ca: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export function submitOrder(input: SubmitInput): Promise<EndpointAnswer> {
  const env = input.env ?? process.env;
  const cert = credential(env, CLIENT_CERT_VARIABLE, 'client certificate');
  const key = credential(env, CLIENT_KEY_VARIABLE, 'client key');
  return new Promise((resolve, reject) => {
    const body = Buffer.from(input.order, 'utf8');
    const req = request(
      input.url,
      {
        method: 'POST',
        cert,
        key,
        ca: input.ca,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length },
        timeout: input.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const answer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
          if (answer.status >= 200 && answer.status < 300) resolve(answer);
          else reject(new SubmitFailed(`the order endpoint ${input.url} answered ${answer.status}: ${oneLine(answer.body)}; see what it says, fix the order or the endpoint, and run again`));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in time')));
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(new SubmitFailed(`cannot submit to the order endpoint ${input.url}: ${error.code ?? error.message}; check that it is up and trusts the client certificate, then run again`)),
    );
    req.end(body);
  });
}

function credential(env: NodeJS.ProcessEnv, variable: string, what: string): Buffer {
  const file = env[variable];
  if (!file) throw new SubmitFailed(`${variable} is not set; point it at the ${what} (PEM) for the order endpoint`);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new SubmitFailed(`cannot read the ${what} ${file} (${variable}): ${(error as NodeJS.ErrnoException).code}; fix the path`);
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 300) || '(empty)';
