/** An imported file is not the format it claims to be (not JSON, not an export, not a TAK-api list): one clear message, no trace. */
export class FormatError extends Error {}
