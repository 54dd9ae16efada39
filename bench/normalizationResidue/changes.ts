/**
 * What the rules changed in a segment, word by word: the runs of written words replaced by spoken ones ("Mr." →
 * "Mister"). Read by a person to find wrong expansions, which no residue pattern can see.
 */

export interface Change {
  written: string;
  spoken: string;
}

/** Words as the engine meets them: split on spaces and line breaks. */
const words = (text: string) => text.split(/\s+/).filter((word) => word.length > 0);

/** The longest common subsequence table of two word lists, from the end, so hunks come out in reading order. */
function commonAfter(a: string[], b: string[]): Uint32Array[] {
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  return table;
}

/** The replaced runs of words between `written` and `spoken`; none when they are the same. */
export function changes(written: string, spoken: string): Change[] {
  if (written === spoken) return [];
  const a = words(written);
  const b = words(spoken);
  const table = commonAfter(a, b);
  const result: Change[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length > 0 || added.length > 0) result.push({ written: removed.join(' '), spoken: added.join(' ') });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j < b.length && (i === a.length || table[i][j + 1] >= table[i + 1][j])) {
      added.push(b[j++]);
    } else {
      removed.push(a[i++]);
    }
  }
  flush();
  return result;
}
