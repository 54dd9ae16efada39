/**
 * A name the narration calls an animal in an apposition ("Biscuit, a brown dog of no breed at all", "Tubarão, um
 * cachorro magro", "Canelo, el perro del molino") belongs to a pet or a beast of the house: spoken to, never a voice
 * of the book unless a tag makes it speak.
 */
import type { HeuristicLanguage } from './vocabulary';

const ANIMAL_APPOSITION: Record<HeuristicLanguage, RegExp> = {
  en: /^,[ \t]*(?:a|an|the|his|her|their|our|my)[ \t]+(?:[\p{Ll}-]+[ \t]+){0,3}?(?:dog|bitch|puppy|hound|terrier|spaniel|mongrel|cur|cat|kitten|horse|mare|pony|donkey|mule|parrot|cow|goat|pig)\b/u,
  es: /^,[ \t]*(?:un|una|el|la|su)[ \t]+(?:[\p{Ll}-]+[ \t]+){0,2}?(?:perr[oa]|perrito|perrita|cachorro|gat[oa]|caballo|yegua|burr[oa]|mula|loro|vaca|cabra)\b/u,
  pt: /^,[ \t]*(?:um|uma|o|a|seu|sua)[ \t]+(?:[\p{Ll}-]+[ \t]+){0,2}?(?:cão|cadela|cachorr[oa]|cachorrinh[oa]|vira-lata|gat[oa]|cavalo|égua|burr[oa]|mula|papagaio|vaca|cabra)\b/u,
};

/** Whether the words right after a mention ending at `end` call it an animal. */
export function calledAnAnimal(text: string, end: number, language: HeuristicLanguage): boolean {
  return ANIMAL_APPOSITION[language].test(text.slice(end, end + 80));
}
