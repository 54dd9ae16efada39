import { deriveWorkflow, emptyProductionFacts, type ProductionFacts } from './project';

const metadata = { title: 'Emma', authors: ['Jane Austen'], language: 'en-GB' } as Parameters<
  typeof deriveWorkflow
>[0]['metadata'];

function casting(facts: Partial<ProductionFacts>) {
  return deriveWorkflow({ metadata, facts: { ...emptyProductionFacts, ...facts } }).steps.find(
    (step) => step.step === 'casting',
  );
}

describe('the casting step', () => {
  test('waits only for the characters production would ask a voice of', () => {
    const facts = { characterCount: 5, charactersWithVoice: 3, speakingCharacters: 3, speakingCharactersWithVoice: 3 };
    expect(casting(facts)).toEqual({ step: 'casting', state: 'complete', detail: '3/3 voiced' });
    expect(casting({ ...facts, speakingCharactersWithVoice: 2 })).toMatchObject({ state: 'in_progress' });
  });

  test('counts every character on a project whose speaking cast was never counted', () => {
    expect(casting({ characterCount: 5, charactersWithVoice: 3 })).toEqual({
      step: 'casting',
      state: 'in_progress',
      detail: '3/5 voiced',
    });
  });

  test('has not started without characters', () => {
    expect(casting({})).toEqual({ step: 'casting', state: 'not_started', detail: null });
  });
});
