import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtPackage } from '../../test/builtPackage';
import { renderInStudio } from '../../test/render';
import { PackageList } from './PackageList';

const APPLE = builtPackage();

const downloadButton = () => screen.getByRole('button', { name: 'Download Book.m4b, version 1' });

describe('downloading a package', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says the download is being prepared, and cannot be clicked again, while its link is asked for', async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    renderInStudio(<PackageList projectId="p1" packages={[APPLE]} canDownload />);
    expect(downloadButton().textContent).toBe('Download');

    fireEvent.click(downloadButton());
    await waitFor(() => expect(downloadButton().textContent).toBe('Preparing…'));
    expect((downloadButton() as HTMLButtonElement).disabled).toBe(true);

    answer(new Response(JSON.stringify({ error: { code: 'internal', message: 'boom' } }), { status: 500 }));
    await waitFor(() => expect(downloadButton().textContent).toBe('Download'));
    expect((downloadButton() as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByText(/^Downloading/)).toBeNull();
  });

  it('says which file is on its way once the browser has its link', async () => {
    // A link that differs from the page only by its fragment: jsdom follows no other.
    const url = `${window.location.href.split('#')[0]}#Book.m4b`;
    const link = { url, fileName: 'Book.m4b', expiresAt: '2030-01-01T00:00:00Z' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(link), { headers: { 'content-type': 'application/json' } })),
    );
    renderInStudio(<PackageList projectId="p1" packages={[APPLE]} canDownload />);
    fireEvent.click(downloadButton());
    expect(await screen.findByText(/^Downloading Book\.m4b: your browser saves it/)).toBeTruthy();
    expect(downloadButton().textContent).toBe('Download');
  });
});
