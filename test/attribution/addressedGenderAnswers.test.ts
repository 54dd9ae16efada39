/**
 * Words of address giving the gender of the one spoken to, with no name ("Entre, minha filha", "Siéntese, señor"),
 * point to who answers: the only person of that gender in the scene who did not say them.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { readChapter } from '../../core/characters/attribution/chapterReading';
import { chapterStructure } from '../../core/characters/attribution/structure';
import { segmentChapter } from '../../core/planning/segmentation';
import { person } from './chapterFixture';

function answeringPerTurn(text: string, cast: Cast, language: string): string[][] {
  const ordered = segmentChapter(text, { language }).map((segment) => ({
    ...segment,
    id: `s${segment.index}`,
    chapterId: 'c',
  }));
  return readChapter(ordered, chapterStructure(ordered), cast, new Map()).map(({ evidence }) => evidence.answering);
}

describe('the one a gendered word of address speaks to answers', () => {
  const cast = new Cast(
    [person('ana', 'Dona Ana', 'female', ['Ana']), person('rui', 'Rui', 'male'), person('luisa', 'Luísa', 'female')],
    'pt',
  );

  it('points the reply to the only other person of that gender in the scene', () => {
    const text = [
      'Luísa chegou ao fim da tarde, vestida de cinzento; Rui lia o jornal.',
      '— Entre, minha filha — disse Dona Ana.',
      '— Não venho atrapalhar?',
    ].join('\n\n');
    expect(answeringPerTurn(text, cast, 'pt')).toEqual([[], ['luisa']]);
  });

  it('points nowhere when two people of that gender could answer', () => {
    const crowded = new Cast(
      [...['ana', 'luisa', 'rita'].map((id) => person(id, id[0].toUpperCase() + id.slice(1), 'female'))],
      'pt',
    );
    const text = [
      'Ana, Luisa e Rita estavam na sala.',
      '— Entre, minha filha — disse Ana.',
      '— Não venho atrapalhar?',
    ].join('\n\n');
    expect(answeringPerTurn(text, crowded, 'pt')).toEqual([[], []]);
  });
});
