/**
 * Big numbers on the variant's scale: Brazil counts on the short scale (um bilhão = 10⁹), Portugal and Spanish on the
 * long scale (mil milhões, mil millones = 10⁹; um bilião, un billón = 10¹²).
 */
import { rulesForLanguage, toSpokenForm } from '../../core/speech/normalize';

describe('big numbers by language variant', () => {
  it('reads Brazilian Portuguese on the short scale', () => {
    const cardinal = rulesForLanguage('pt-BR')?.cardinal;
    expect(cardinal?.(1_000_000_000n)).toBe('um bilhão');
    expect(cardinal?.(2_500_000_000n)).toBe('dois bilhões e quinhentos milhões');
    expect(cardinal?.(1_000_000_000_000n)).toBe('um trilhão');
    expect(cardinal?.(3_000_200_000_000n)).toBe('três trilhões e duzentos milhões');
    expect(cardinal?.(1_000_000_000_000_000_000n)).toBe('um quintilhão');
    expect(cardinal?.(1_000_000_017_000n)).toBe('um trilhão e dezessete mil');
  });

  it('reads European Portuguese on the long scale', () => {
    const cardinal = rulesForLanguage('pt-PT')?.cardinal;
    expect(cardinal?.(1_000_000_000n)).toBe('mil milhões');
    expect(cardinal?.(2_500_000_000n)).toBe('dois mil e quinhentos milhões');
    expect(cardinal?.(1_000_200_000n)).toBe('mil milhões e duzentos mil');
    expect(cardinal?.(1_000_000_000_000n)).toBe('um bilião');
    expect(cardinal?.(1_200_000_000_000n)).toBe('um bilião e duzentos mil milhões');
    expect(cardinal?.(2_000_000_000_000_000_000n)).toBe('dois triliões');
    expect(cardinal?.(1_000_000_017_000n)).toBe('um bilião e dezassete mil');
  });

  it('reads Spanish on the long scale, with "un" before the names of numbers', () => {
    const cardinal = rulesForLanguage('es-ES')?.cardinal;
    expect(cardinal?.(1_000_000_000n)).toBe('mil millones');
    expect(cardinal?.(1_500_000_000n)).toBe('mil quinientos millones');
    expect(cardinal?.(1_000_000_000_000n)).toBe('un billón');
    expect(cardinal?.(21_000n)).toBe('veintiún mil');
    expect(cardinal?.(201_000_000n)).toBe('doscientos un millones');
  });

  it('picks the variant from the region: Brazil and a bare "pt" are Brazilian, every other region European', () => {
    const billion = (locale: string) => toSpokenForm('1000000000', locale);
    expect(billion('pt')).toBe('um bilhão');
    expect(billion('pt-BR')).toBe('um bilhão');
    expect(billion('pt-Latn-BR')).toBe('um bilhão');
    expect(billion('pt-PT')).toBe('mil milhões');
    expect(billion('pt-AO')).toBe('mil milhões');
    expect(billion('pt-MZ')).toBe('mil milhões');
  });

  it('never says "um mil" nor two names of a thousand in a row, for any size up to 21 digits', () => {
    for (const locale of ['pt-BR', 'pt-PT', 'es-ES']) {
      const cardinal = rulesForLanguage(locale)?.cardinal;
      for (let digits = 1; digits <= 21; digits += 1) {
        for (const lead of ['1', '2', '15', '100', '999']) {
          const value = BigInt(`${lead}${'0'.repeat(Math.max(0, digits - lead.length))}`);
          const words = cardinal?.(value) ?? '';
          expect({ value, words }).toEqual({
            value,
            words: expect.not.stringMatching(/\b(?:um|uno) mil\b|\bmil mil\b/),
          });
        }
      }
    }
  });
});
