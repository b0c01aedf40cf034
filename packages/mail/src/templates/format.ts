/**
 * An instant as mail shows it: `2026-07-01 12:00 UTC`. Written by hand rather than with Intl, whose output
 * differs between ICU versions (spaces, "at"), so a message reads the same on every machine.
 */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Aligned `label: value` lines for a plain-text message; rows without a value are left out. */
export function textTable(rows: readonly (readonly [string, string | undefined])[]): string {
  const present = rows.filter((row): row is readonly [string, string] => row[1] !== undefined && row[1] !== '');
  const width = Math.max(0, ...present.map(([label]) => label.length + 1));
  return present
    .map(([label, value]) => {
      const [first = '', ...rest] = value.split(/\r?\n/);
      const pad = ' '.repeat(width + 2);
      return [`  ${`${label}:`.padEnd(width)} ${first}`, ...rest.map((line) => `${pad} ${line}`)].join('\n');
    })
    .join('\n');
}

/** A paragraph wrapped at `width` columns on spaces (a word longer than the width gets a line of its own). */
export function wrap(paragraph: string, width = 72): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
