/** The residue scan's patterns (bench/normalizationResidue): what it counts as left for an engine to read badly. */
import { changes } from '../../bench/normalizationResidue/changes';
import { residueTokens } from '../../bench/normalizationResidue/residue';

const kinds = (spoken: string) => residueTokens(spoken).map(({ kind, token }) => `${kind}: ${token}`);

describe('residue scan', () => {
  it('finds each kind once, under the first kind that claims the token', () => {
    expect(
      kinds('Write to a@b.org. It cost 5s. [3] at § two, in _vain_, under Louis XIV, said viz. that s p e a k.'),
    ).toEqual([
      'url or email: a@b.org.',
      'italics underscore: _',
      'italics underscore: _',
      'bracket or note mark: [3]',
      'digits: 5s.',
      'symbol: §',
      'Roman numeral: XIV',
      'letters spaced out: s p e a k',
      'abbreviation left: viz.',
    ]);
  });

  it('tells a word in capitals among others from one alone, and leaves the pronoun and clean prose', () => {
    expect(kinds('THE END OF IT, and he did NOT die.')).toEqual([
      'word in capitals, alone: NOT',
      'words in capitals, a run: THE',
      'words in capitals, a run: END',
      'words in capitals, a run: OF',
      'words in capitals, a run: IT',
    ]);
    expect(kinds('And so was I, Mister Darcy... he said.')).toEqual(['ellipsis: ...']);
  });

  it('finds a blanked name or a censored word read as its pieces, not a letter before a comma in prose', () => {
    expect(kinds('"General, \'s letter," he said, D, n it, d, d')).toEqual([
      "blank or censored word: 's",
      'blank or censored word: D, n',
      'blank or censored word: d, d',
    ]);
    expect(kinds('"I, who have", O, I never; e, com certeza, a, a')).toEqual([]);
  });

  it('looks for a title letter left before a name in Spanish and Portuguese books only', () => {
    expect(
      residueTokens('Foi a S. Paulo com J. D. Silva.', 'pt-BR').map(({ kind, token }) => `${kind}: ${token}`),
    ).toEqual(['title letter left before a name: S.', 'title letter left before a name: D.']);
    expect(kinds('Mister H. B. Patterson')).toEqual(['initial: H. B.']);
  });

  it('lists the words the rules rewrote, run by run', () => {
    expect(changes('Mr. Darcy paid £5 at once.', 'Mister Darcy paid five pounds at once.')).toEqual([
      { written: 'Mr.', spoken: 'Mister' },
      { written: '£5', spoken: 'five pounds' },
    ]);
    expect(changes('same', 'same')).toEqual([]);
  });
});
