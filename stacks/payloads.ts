/**
 * Large opaque values (the VP cache shards' base64, a megabyte each) kept out of cdktf: its token
 * resolution and its stable stringify scan and copy every string several times, seconds for a
 * prod-sized cache. The stack gets a short stand-in for each value, and the synthesized stack file
 * gets the values back, JSON-encoded as cdktf encodes every string, so the file is byte for byte
 * what cdktf would have written.
 */

/** What a stand-in looks like in the synthesized JSON; NUL characters are in no declared value. */
const STAND_IN = /"\\u0000tak-payload-(\d+)\\u0000"/g;

export class Payloads {
  private readonly values: string[] = [];

  /**
   * A stand-in for `value`, to put into the stack instead. The value must be one that cdktf
   * passes through as it is: without `$` it holds no token and no Terraform interpolation (base64
   * has none).
   */
  standIn(value: string): string {
    if (value.includes('$')) throw new Error('a value with "$" cannot stand aside from the stack: cdktf would read it');
    this.values.push(value);
    return `\u0000tak-payload-${this.values.length - 1}\u0000`;
  }

  /** The synthesized stack file `json` with every stand-in replaced by its value. */
  restore(json: string): string {
    return json.replace(STAND_IN, (_, index: string) => JSON.stringify(this.values[Number(index)]));
  }
}
