import type { Rule } from '../src/check/types';

/**
 * No private key material anywhere in the repository, whatever the file is called: the loader's
 * scan found it by content (PEM key blocks, PKCS#12, Java key stores, DER keys, PuTTY files).
 */
const noPrivateKey: Rule = (state) =>
  state.catalog.privateKeys.map((k) => ({
    message: `${k.file} holds ${k.kind}; private keys must never be in the repository: delete the file, rewrite it out of the history and replace the key`,
    location: { file: k.file, line: k.line },
    entity: k.file,
  }));

export default noPrivateKey;
