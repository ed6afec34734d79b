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

// Most titles and abstracts are already clean ASCII: one scan spares the regex passes and NFC.
function isCleanAscii(text: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c > 32 && c < 127) prevSpace = false;
    else return false;
  }
  return !prevSpace || text.length === 0;
}
