// Calendar helpers for listing dates such as `Jan 13` (year implied) or `Jun 22, 2024`.

const MONTHS = new Map<string, number>();
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach(
  (name, i) => {
    MONTHS.set(name, i + 1);
    MONTHS.set(name.slice(0, 3), i + 1);
  },
);
MONTHS.set('sept', 9);

/** Month number 1-12 for an English month name or its three-letter abbreviation, else 0. */
export function monthNumber(name: string): number {
  return MONTHS.get(name.toLowerCase()) ?? 0;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD` (optionally followed by a time), returning the date part or null. */
export function parseIsoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (!m) return null;
  return isValidDate(+m[1], +m[2], +m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** The latest `month/day` not after `asOf` (`YYYY-MM-DD`); Feb 29 walks back to a leap year. */
export function resolveYearlessDate(month: number, day: number, asOf: string): string | null {
  const ref = parseIsoDate(asOf);
  if (!ref || !isValidDate(2000, month, day)) return null;
  let year = +ref.slice(0, 4);
  if (isoDate(year, month, day) > ref) year--;
  while (!isValidDate(year, month, day)) year--;
  return isoDate(year, month, day);
}
