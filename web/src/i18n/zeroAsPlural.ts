type Catalogue = { [key: string]: string | Catalogue };

/**
 * CLDR files 0 under Portuguese's "one", so i18next would write "0 comentário aberto"; in Brazil zero takes the
 * plural ("0 comentários abertos"). For every counted text that has no `_zero` form of its own, this copies the
 * plural form in as `_zero` (i18next tries `_zero` first when the count is 0), so a text added later is covered too.
 */
export function withZeroAsPlural<T extends object>(catalogue: T): T {
  const copy: Catalogue = {};
  for (const [key, value] of Object.entries(catalogue as Catalogue)) {
    copy[key] = typeof value === 'string' ? value : withZeroAsPlural(value);
  }
  for (const key of Object.keys(copy)) {
    const base = key.match(/^(.*)_other$/)?.[1];
    if (base === undefined || `${base}_zero` in copy || !(`${base}_one` in copy)) continue;
    copy[`${base}_zero`] = copy[key];
  }
  return copy as T;
}
