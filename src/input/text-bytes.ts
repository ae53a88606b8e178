import { isUtf8 } from 'node:buffer';

/**
 * The rule for bytes that claim to be text, shared by the API and the CLI: text is UTF-8 (a leading byte-order mark
 * is dropped); anything else is refused with where it breaks, never decoded into U+FFFD "��" claims. Latin-1 and
 * Windows-1252 are refused too, with a hint to convert (their bytes cannot be told apart from other 8-bit
 * encodings reliably, and a wrong guess would silently change the text whose offsets the answer reports).
 * Text in which NULs and other control characters are more than 1 in 100 characters is binary content; a stray NUL
 * in a long text (a damaged export) is not.
 */
export class TextBytesError extends Error {
  constructor(
    readonly kind: 'encoding' | 'binary',
    message: string,
    /** Byte offset of the first invalid byte (encoding errors only). */
    readonly byteOffset?: number,
  ) {
    super(message);
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1 when all do. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const [length, min, max] =
      b < 0x80
        ? [1, 0, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [2, 0x80, 0xbf]
          : b === 0xe0
            ? [3, 0xa0, 0xbf]
            : b === 0xed
              ? [3, 0x80, 0x9f]
              : b >= 0xe1 && b <= 0xef
                ? [3, 0x80, 0xbf]
                : b === 0xf0
                  ? [4, 0x90, 0xbf]
                  : b === 0xf4
                    ? [4, 0x80, 0x8f]
                    : b >= 0xf1 && b <= 0xf3
                      ? [4, 0x80, 0xbf]
                      : [0, 0, 0];
    if (length === 0) return i;
    // The second byte has a narrower range for some lead bytes (overlongs, surrogates, past U+10FFFF).
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += length;
  }
  return -1;
}

/** Why the bytes at `offset` are not UTF-8, for a person: the byte, and a likely 8-bit encoding when it looks so. */
export function describeInvalidByte(bytes: Uint8Array, offset: number): string {
  const hex = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`;
  return looksLatin1(bytes)
    ? `byte ${hex} is not UTF-8; the text looks like Latin-1/Windows-1252: convert it to UTF-8 ` +
        '(e.g. `iconv -f windows-1252 -t utf-8`)'
    : `byte ${hex} is not UTF-8; send the text as UTF-8`;
}

/** 8-bit text: no NUL, and every byte from 0x80 is a letter or punctuation of Windows-1252 next to ASCII text. */
function looksLatin1(bytes: Uint8Array): boolean {
  let high = 0;
  for (const b of bytes) {
    if (b === 0 || b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
    if (b >= 0x80) high++;
  }
  return high > 0 && high * 4 < bytes.length;
}

/** Decodes `bytes` as UTF-8 text under the rule above, or throws a `TextBytesError`. */
export function decodeText(bytes: Uint8Array): string {
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) throw new TextBytesError('encoding', describeInvalidByte(bytes, bad), bad);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const binary = binaryReason(body);
  if (binary) throw new TextBytesError('binary', binary);
  return body;
}

// NUL and the C0 controls other than tab, line feed, vertical tab, form feed and carriage return. Not the C1 controls:
// U+0080–U+009F in real text are mostly Windows-1252 quotes and dashes read as Latin-1 (“ as U+0093), still text.
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/g;

/** Why `text` is binary content rather than text, or undefined when it is text. */
export function binaryReason(text: string): string | undefined {
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls * 100 > text.length) {
    const nul = text.indexOf('\u0000');
    const what = nul >= 0 ? `NUL or control characters (a NUL at character ${nul})` : 'control characters';
    return `${controls} of its ${text.length} characters are ${what}: binary content, not text`;
  }
  return undefined;
}
