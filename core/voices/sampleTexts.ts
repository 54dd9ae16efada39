/** What an audition says when the caller gives no text: a short line in the voice's language. */
import { languageOf } from './voiceFilter';

const SAMPLES: Record<string, string> = {
  en: 'It was a bright cold morning, and every word of the story was waiting to be heard.',
  es: 'Era una mañana clara y fría, y cada palabra de la historia esperaba ser escuchada.',
  pt: 'Era uma manhã clara e fria, e cada palavra da história esperava para ser ouvida.',
  fr: 'C’était un matin clair et froid, et chaque mot de l’histoire attendait d’être entendu.',
  de: 'Es war ein klarer, kalter Morgen, und jedes Wort der Geschichte wartete darauf, gehört zu werden.',
  it: 'Era una mattina limpida e fredda, e ogni parola della storia aspettava di essere ascoltata.',
};

export function defaultSampleText(locale: string): string {
  return SAMPLES[languageOf(locale)] ?? SAMPLES.en;
}
