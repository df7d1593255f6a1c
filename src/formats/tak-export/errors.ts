/** The input is not the format it claims to be (not JSON, not an export): one clear message, no trace. */
export class FormatError extends Error {}
