import { fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Character } from '../../api/types';
import { renderInStudio } from '../../test/render';
import { CharacterCard } from './CharacterCard';
import { MergeDialog } from './MergeDialog';

function character(id: string, name: string, lines: number, overrides: Partial<Character> = {}): Character {
  return {
    id,
    name,
    aliases: [],
    gender: 'unknown',
    ageBand: 'adult',
    description: '',
    traits: [],
    speakingStyle: '',
    dialogueLineCount: lines,
    firstAppearance: null,
    importance: id === 'narrator' ? 'narrator' : 'minor',
    voice: null,
    override: null,
    source: 'heuristic',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    etag: `"${id}"`,
    ...overrides,
  };
}

const noop = () => undefined;

beforeAll(() => {
  // jsdom has <dialog> without its modal methods.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

describe('a character card', () => {
  it('says the narrator reads the narration instead of counting its no dialogue lines', () => {
    renderInStudio(
      <CharacterCard character={character('narrator', 'Narrator', 0)} canEdit onEdit={noop} onMerge={noop} />,
    );
    const card = screen.getByRole('listitem', { name: 'Narrator' });
    expect(within(card).getByText(/Reads the narration/)).toBeTruthy();
    expect(within(card).queryByText(/0 lines/)).toBeNull();
  });

  it('counts the lines of a first-person narrator beside its narration, and of any other character', () => {
    renderInStudio(
      <ul>
        <CharacterCard character={character('narrator', 'Brás Cubas', 12)} canEdit onEdit={noop} onMerge={noop} />
        <CharacterCard character={character('c1', 'Marcela', 1)} canEdit onEdit={noop} onMerge={noop} />
      </ul>,
    );
    expect(
      within(screen.getByRole('listitem', { name: 'Narrator' })).getByText(/Reads the narration · 12 lines/),
    ).toBeTruthy();
    expect(within(screen.getByRole('listitem', { name: 'Marcela' })).getByText(/· 1 line$/)).toBeTruthy();
  });
});

describe('merging a character', () => {
  it('offers the likeliest character first and tells two of the same name apart by their lines', () => {
    const borbas = character('c-borbas', 'Quincas Borbas', 2);
    const others = [
      character('c-virgilia', 'Virgília', 40),
      character('c-jacob-1', 'Jacob', 3),
      character('c-jacob-2', 'Jacob', 1),
      character('c-borba', 'Quincas Borba', 25),
    ];
    renderInStudio(<MergeDialog character={borbas} others={others} onClose={noop} />);
    const into = screen.getByLabelText('Merge into') as HTMLSelectElement;
    expect(into.value).toBe('c-borba');
    const options = within(into)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options[0]).toBe('Quincas Borba (25 lines)');
    expect(options).toEqual(expect.arrayContaining(['Jacob (3 lines)', 'Jacob (1 line)', 'Virgília (40 lines)']));
    fireEvent.change(into, { target: { value: 'c-jacob-2' } });
    expect(into.value).toBe('c-jacob-2');
  });

  it('matches a name with its title or accents left off ("Virgilia" into "Virgília", "Bingley" into "Mr. Bingley")', () => {
    const others = [
      character('c-jane', 'Jane', 29),
      character('c-bingley', 'Mr. Bingley', 18),
      character('c-virgilia', 'Virgília', 40),
    ];
    const { unmount } = renderInStudio(
      <MergeDialog character={character('c-x', 'Bingley', 1)} others={others} onClose={noop} />,
    );
    expect((screen.getByLabelText('Merge into') as HTMLSelectElement).value).toBe('c-bingley');
    unmount();
    renderInStudio(<MergeDialog character={character('c-y', 'Virgilia', 1)} others={others} onClose={noop} />);
    expect((screen.getByLabelText('Merge into') as HTMLSelectElement).value).toBe('c-virgilia');
  });
});
