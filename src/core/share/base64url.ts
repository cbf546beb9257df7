/*
 * Base64url without padding (RFC 4648 §5): the alphabet A-Z a-z 0-9 - _ needs no escaping in a
 * URL fragment. Written here because core has no DOM (`btoa`) and no Node (`Buffer`).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/**
 * Encodes bytes as base64url without padding. O(bytes).
 * @example base64urlEncode(new Uint8Array([251, 255])) === '-_8'
 */
export function base64urlEncode(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out.push(ALPHABET[v >> 18]!, ALPHABET[(v >> 12) & 63]!, ALPHABET[(v >> 6) & 63]!, ALPHABET[v & 63]!);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i]! << 16;
    out.push(ALPHABET[v >> 18]!, ALPHABET[(v >> 12) & 63]!);
  } else if (rest === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out.push(ALPHABET[v >> 18]!, ALPHABET[(v >> 12) & 63]!, ALPHABET[(v >> 6) & 63]!);
  }
  return out.join('');
}

/**
 * Decodes base64url without padding; null for any character outside the alphabet or an
 * impossible length (4k + 1). O(chars).
 * @example base64urlDecode('-_8') // Uint8Array [251, 255]
 */
export function base64urlDecode(text: string): Uint8Array | null {
  const n = text.length;
  if (n % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let o = 0;
  for (let i = 0; i < n; i += 4) {
    let v = 0;
    const chunk = Math.min(4, n - i);
    for (let j = 0; j < 4; j++) {
      let d = 0;
      if (j < chunk) {
        const c = text.charCodeAt(i + j);
        d = c < 128 ? VALUE[c]! : -1;
        if (d < 0) return null;
      }
      v = (v << 6) | d;
    }
    out[o++] = (v >> 16) & 255;
    if (chunk > 2) out[o++] = (v >> 8) & 255;
    if (chunk > 3) out[o++] = v & 255;
  }
  return out;
}
