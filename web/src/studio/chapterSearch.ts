/**
 * Whether a chapter answers a search typed to find it: by its number in the book ("12") or by words of its title,
 * without regard to case or accents ("capitulo" finds "Capítulo").
 */
export function chapterMatches(query: string, title: string, number: number): boolean {
  const wanted = fold(query.trim());
  if (!wanted) return true;
  if (/^\d+$/.test(wanted) && Number(wanted) === number) return true;
  return fold(title).includes(wanted);
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
