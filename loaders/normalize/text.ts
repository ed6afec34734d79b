// Unicode and whitespace clean-up shared by every source, so the same paper reads the same from any file.

// Zero-width characters, soft hyphens and BOMs are invisible in the listings but would split words and keys.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// C0/C1 controls other than whitespace: never meaningful in a title or an abstract.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const SPACES = /\s+/g;

/** NFC-normalised text with invisible characters removed and every whitespace run collapsed to one space. */
export function normalizeText(text: string): string {
  if (isCleanAscii(text)) return text;
  return text.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '').replace(SPACES, ' ').trim();
}

/** Normalised title, or null when nothing is left. */
export function normalizeTitle(title: string | null | undefined): string | null {
  if (title == null) return null;
  const t = normalizeText(title);
  return t === '' ? null : t;
}

// Most titles and abstracts are already clean ASCII (printable words, single spaces between them): one regex
// scan, several times faster than a charCodeAt loop, spares the clean-up passes and NFC.
const CLEAN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

function isCleanAscii(text: string): boolean {
  return text === '' || CLEAN_ASCII.test(text);
}
