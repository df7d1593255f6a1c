/**
 * Large opaque values (the VP cache shards' base64, a megabyte each) kept out of cdktf: its token
 * resolution and its stable stringify scan and copy every string several times, seconds for a
 * prod-sized cache. The stack gets a short stand-in for each value, and the synthesized stack file
 * gets the values back. Base64 needs no escaping in JSON, so the file is byte for byte what cdktf
 * would have written.
 */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** What a stand-in looks like in the synthesized JSON; NUL characters are in no declared value. */
const STAND_IN = /"\\u0000tak-payload-(\d+)\\u0000"/g;

export class Payloads {
  private readonly values: string[] = [];

  /** A stand-in for `value` (base64), to put into the stack instead. */
  standIn(value: string): string {
    if (!BASE64.test(value)) throw new Error('only base64 can stand aside from the stack');
    this.values.push(value);
    return `\u0000tak-payload-${this.values.length - 1}\u0000`;
  }

  /** The synthesized stack file `json` with every stand-in replaced by its value. */
  restore(json: string): string {
    return json.replace(STAND_IN, (_, index: string) => `"${this.values[Number(index)]}"`);
  }
}
