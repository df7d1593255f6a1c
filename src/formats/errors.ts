/** An imported file is not the format it claims to be (not JSON, not an export, not a TAK-api list): one clear message, no trace. */
export class FormatError extends Error {}

/** A value the output's format cannot carry (a control character in XML): the output is refused, exit 1. */
export class UnencodableValue extends Error {}
