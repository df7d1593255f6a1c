import * as path from 'node:path';

/** `node` arguments that run the compiled CLI (`npm run bench` builds it first), as a user does. */
export const tak = (...args: string[]): string[] => [path.join(__dirname, '..', 'bin', 'tak.js'), ...args];
