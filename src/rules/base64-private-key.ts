/**
 * @module Part of `secrets`: private keys committed base64-encoded (a Kubernetes `Secret`'s
 * `tls.key: LS0tLS1CRUdJTi…`, a CI variable, a Helm value), found without decoding every value.
 *
 * Every PEM private key holds `PRIVATE KEY-----`, every PGP one `PRIVATE KEY BLOCK-----` and every
 * SSH2 (RFC 4716 style) one `PRIVATE KEY ----` (in their BEGIN and END lines, whatever the key
 * type), a PuTTY key starts with `PuTTY-User-Key-File-`,
 * and a base64 text holds each as one of three strings, one per position of the key in the encoded
 * bytes; certificates, public keys and text that only mentions a private key hold none. A key
 * base64-wrapped into short lines is missed where line breaks fall inside each of its markers (a
 * PuTTY key has one); its END line is not reported as a second key.
 */

const MARKERS = ['PRIVATE KEY-----', 'PRIVATE KEY BLOCK-----', 'PRIVATE KEY ----', 'PuTTY-User-Key-File-'];

/**
 * The base64 characters that encode `text` whatever bytes surround it, for each of the three
 * offsets (modulo 3) it may start at: a character is kept when all 6 of its bits come from `text`.
 */
export function base64Encodings(text: string): string[] {
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.from('\0'.repeat(offset) + text, 'latin1').toString('base64');
    const firstBit = offset * 8;
    const endBit = (offset + text.length) * 8;
    return encoded.slice(Math.ceil(firstBit / 6), Math.floor(endBit / 6));
  });
}

/**
 * A base64-encoded private key marker (capture group 1). Long literals only: V8 skips through text
 * that holds none, so testing every added byte for it costs little (~1.5 ms for 18 MB).
 */
export const BASE64_PRIVATE_KEY = new RegExp(`(${MARKERS.flatMap(base64Encodings).map((needle) => needle.replace(/[+/]/g, '\\$&')).join('|')})`);

const BASE64_CHAR = /[A-Za-z0-9+/]/;
/** How far back the start of the encoded value is looked for: a key's BEGIN line is near it. */
const MAX_LOOK_BACK = 4096;
const KEY_HEADER = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|---- BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY ----|PuTTY-User-Key-File-\d: [\w@.-]{1,40}/;

/**
 * What a finding shows: the key's BEGIN line read back from the base64 value that holds the marker
 * found at `index` of `line` (it names the key type and is not secret), or the marker alone when
 * it cannot be read back.
 */
export function base64PrivateKeyEvidence(line: string, index: number): string {
  const header = KEY_HEADER.exec(readBack(line, index))?.[0];
  return `${header ?? 'PRIVATE KEY'} (base64-encoded)`;
}

/** Whether the marker at `index` is a key's END line (`-----END … PRIVATE KEY-----`) with no BEGIN before it on the line. */
export function isBase64KeyEnd(line: string, index: number): boolean {
  const text = readBack(line, index);
  return /-{4,5} ?END [A-Z0-9 ]{0,40}PRIVATE KEY/.test(text) && !KEY_HEADER.test(text);
}

/** The base64 value around the marker at `index`, decoded up to just past the marker. */
function readBack(line: string, index: number): string {
  let start = index;
  while (start > 0 && index - start < MAX_LOOK_BACK && BASE64_CHAR.test(line[start - 1]!)) start -= 1;
  // Where the encoded value starts is not known when it is longer than the look-back (a key after
  // a long certificate): one of four starting characters is where a base64 quantum starts.
  let fallback = '';
  for (let shift = 0; shift < 4; shift += 1) {
    const text = Buffer.from(line.slice(start + shift, index + 64), 'base64').toString('latin1');
    if (/PRIVATE KEY(?: BLOCK)?-----|PRIVATE KEY ----|PuTTY-User-Key-File-/.test(text)) {
      if (KEY_HEADER.test(text) || /-----END |---- END /.test(text)) return text;
      fallback ||= text;
    }
  }
  return fallback;
}
