import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Job, ProjectFacts } from '../../api/types';
import { character } from '../../test/character';
import { chapterSummary } from '../../test/chapterSummary';
import { noFacts, renderInStudio } from '../../test/render';
import { CharacterCard } from './CharacterCard';
import { CharactersPage } from './CharactersPage';
import { MergeDialog } from './MergeDialog';

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

describe('finding a character in a long list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('narrows the cards to the names typed, accents and case aside, and says how many are shown', async () => {
    const names = ['Virgília', 'Marcella', 'Quincas Borba', 'Quincas Borbas', 'Sabina', 'Cotrim', 'Lobo Neves'];
    const listed = [
      character('narrator', 'Narrator', 0),
      ...names.map((name, index) => character(`c${index}`, name, 20 - index)),
      ...Array.from({ length: 8 }, (_, index) => character(`m${index}`, `Minor ${index}`, 0)),
      character('c-eugenia', 'Eugênia', 3, { aliases: ['a flor da moita'] }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ items: listed }), { status: 200 })),
    );
    renderInStudio(<CharactersPage />);
    const find = await screen.findByRole('searchbox', { name: 'Find a character' });
    const cards = () =>
      ['Characters', 'Characters who never speak'].flatMap((name) =>
        (screen.queryByRole('list', { name })
          ? within(screen.getByRole('list', { name })).queryAllByRole('heading')
          : []
        ).map((heading) => heading.textContent),
      );
    expect(cards()).toHaveLength(listed.length);
    // Nothing to count before anything is typed.
    expect(screen.queryByText(/of 17 characters/)).toBeNull();

    fireEvent.change(find, { target: { value: 'quincas' } });
    expect(cards()).toEqual(['Quincas Borba', 'Quincas Borbas']);
    expect(screen.getByText('2 of 17 characters')).toBeTruthy();
    fireEvent.change(find, { target: { value: 'VIRGILIA' } });
    expect(cards()).toEqual(['Virgília']);
    fireEvent.change(find, { target: { value: 'flor' } });
    expect(cards()).toEqual(['Eugênia']);
    fireEvent.change(find, { target: { value: 'minor 3' } });
    expect(cards()).toEqual(['Minor 3']);
    expect(screen.getByText('1 character who never speaks').closest('details')?.open).toBe(true);
    fireEvent.change(find, { target: { value: 'Brás' } });
    expect(screen.getByText('No character is called “Brás”.')).toBeTruthy();
  });

  it('has no search box for a short list', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ items: [character('c1', 'Tobias', 3)] }), { status: 200 })),
    );
    renderInStudio(<CharactersPage />);
    await screen.findByRole('heading', { name: 'Tobias' });
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});

describe('characters who never speak', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the speaking cast first and the silent ones apart, open, with their count and why they are there', async () => {
    const listed = [
      character('narrator', 'Narrator', 0),
      character('c-lady', 'Lady Lucas', 0),
      character('c-eliza', 'Elizabeth', 40),
      character('c-hill', 'Mrs. Hill', 0),
      character('c-maria', 'Maria Lucas', 0),
    ];
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.includes('/chapters')
          ? // A plan gave Maria Lucas a line detection never found: she speaks.
            json({ items: [chapterSummary('ch1', { speakerIds: ['narrator', 'c-eliza', 'c-maria'] })] })
          : json({ items: listed }),
      ),
    );
    renderInStudio(<CharactersPage />);
    const names = (name: string) =>
      within(screen.getByRole('list', { name }))
        .getAllByRole('heading')
        .map((heading) => heading.textContent);
    await vi.waitFor(() => expect(names('Characters')).toEqual(['Narrator', 'Elizabeth', 'Maria Lucas']));
    const group = screen.getByText('2 characters who never speak').closest('details');
    expect(group?.open).toBe(true);
    expect(within(group!).getByText(/^Detection found these names in the text but no line of theirs/)).toBeTruthy();
    expect(names('Characters who never speak')).toEqual(['Lady Lucas', 'Mrs. Hill']);
  });
});

describe('detection, when it ends', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says how many characters it found only once the list is read again, never the count from before', async () => {
    let releaseList: (() => void) | undefined;
    const listReads: number[] = [];
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const job = (status: string) => ({
      id: 'j1',
      kind: 'characters',
      status,
      progress: { segmentsDone: 0, segmentsTotal: 0, chaptersDone: 0, chaptersTotal: 0 },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') return json({ job: job('queued') });
        if (url.includes('/jobs/j1')) return json(job('succeeded'));
        if (url.includes('/chapters')) return json({ items: [] });
        listReads.push(listReads.length);
        if (listReads.length === 1) return json({ items: [character('narrator', 'Narrator', 0)] });
        // The list after detection comes back only when the test lets it.
        await new Promise<void>((resolve) => (releaseList = resolve));
        return json({ items: [character('narrator', 'Narrator', 0), character('c1', 'Elizabeth', 9)] });
      }),
    );
    const imported: ProjectFacts = { ...noFacts, manuscriptStatus: 'ready', chapterCount: 2 };
    renderInStudio(<CharactersPage />, {}, undefined, { facts: imported });
    fireEvent.click(await screen.findByRole('button', { name: 'Detect characters' }));
    await vi.waitFor(() => expect(releaseList).toBeDefined());
    expect(screen.queryByText(/Detection finished/)).toBeNull();
    expect(screen.getByText('Finding the characters…', { selector: '.progress__detail' })).toBeTruthy();
    releaseList!();
    expect(await screen.findByText('Detection finished: 2 speaking characters, the narrator included.')).toBeTruthy();
  });

  it('counts what the navigation counts, the speaking characters, and says apart how many never speak', async () => {
    const found = [
      character('narrator', 'Narrator', 0),
      character('c-eliza', 'Elizabeth', 40),
      character('c-darcy', 'Mr. Darcy', 12),
      character('c-lady', 'Lady Lucas', 0),
      character('c-hill', 'Mrs. Hill', 0),
    ];
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const job = (status: string) => ({
      id: 'j1',
      kind: 'characters',
      status,
      progress: { segmentsDone: 0, segmentsTotal: 0, chaptersDone: 0, chaptersTotal: 0 },
    });
    let detected = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          detected = true;
          return json({ job: job('queued') });
        }
        if (url.includes('/jobs/j1')) return json(job('succeeded'));
        if (url.includes('/chapters')) return json({ items: [] });
        return json({ items: detected ? found : [found[0]] });
      }),
    );
    const imported: ProjectFacts = { ...noFacts, manuscriptStatus: 'ready', chapterCount: 2 };
    renderInStudio(<CharactersPage />, {}, undefined, { facts: imported });
    fireEvent.click(await screen.findByRole('button', { name: 'Detect characters' }));
    const done = await screen.findByText(/^Detection finished/);
    // "4 characters" (everyone but the narrator) beside the navigation's "3 speaking characters" read as a jump.
    expect(done.textContent).toBe(
      'Detection finished: 3 speaking characters, the narrator included. 2 more characters never speak and are listed apart.',
    );
    expect(screen.getByRole('heading', { name: '3 speaking characters, the narrator included' })).toBeTruthy();
    expect(screen.getByText('2 characters who never speak')).toBeTruthy();
  });
});

describe('detection, while it runs', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts the chapters done beside what it does', async () => {
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const running = {
      id: 'j1',
      kind: 'characters',
      status: 'running',
      progress: { segmentsDone: 0, segmentsTotal: 0, chaptersDone: 12, chaptersTotal: 61 },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') return json({ job: { ...running, status: 'queued' } });
        if (url.includes('/jobs/j1')) return json(running);
        return json({ items: url.includes('/chapters') ? [] : [character('narrator', 'Narrator', 0)] });
      }),
    );
    const imported: ProjectFacts = { ...noFacts, manuscriptStatus: 'ready', chapterCount: 61 };
    renderInStudio(<CharactersPage />, {}, undefined, { facts: imported });
    fireEvent.click(await screen.findByRole('button', { name: 'Detect characters' }));
    expect(
      await screen.findByText('Finding the characters… · 12 of 61 chapters', { selector: '.progress__detail' }),
    ).toBeTruthy();
  });

  it('says the list shown is not final yet', async () => {
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const running = {
      id: 'j1',
      kind: 'characters',
      status: 'running',
      progress: { segmentsDone: 0, segmentsTotal: 0, chaptersDone: 61, chaptersTotal: 61, phase: 'storing' },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.includes('/jobs/j1')) return json(running);
        // Read while detection stores what it found: some of the characters only.
        const partial = [character('narrator', 'Narrator', 0), character('c-eliza', 'Elizabeth', 40)];
        return json({ items: url.includes('/chapters') ? [] : partial });
      }),
    );
    const imported: ProjectFacts = { ...noFacts, manuscriptStatus: 'ready', chapterCount: 61 };
    renderInStudio(<CharactersPage />, {}, undefined, { facts: imported, activeJob: running as Job });
    expect(await screen.findByText(/^Until detection ends, the characters below are not the final list/)).toBeTruthy();
  });
});
