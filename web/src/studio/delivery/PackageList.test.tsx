import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

describe('the packages of several productions', () => {
  it('lists the latest of each retailer first, and the versions they replaced folded below', () => {
    const packages = [
      builtPackage({ id: 'job3-apple', version: 3, jobId: 'job3' }),
      builtPackage({ id: 'job3-acx', platform: 'acx', version: 2, jobId: 'job3', fileName: 'Book - ACX.zip' }),
      builtPackage({ id: 'job2-apple', version: 2, jobId: 'job2' }),
      builtPackage({ id: 'job1-apple', version: 1, jobId: 'job1' }),
      builtPackage({ id: 'job1-acx', platform: 'acx', version: 1, jobId: 'job1', fileName: 'Book - ACX.zip' }),
    ];
    renderInStudio(<PackageList projectId="p1" packages={packages} canDownload />);
    const versions = (table: HTMLElement) =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent?.match(/v\d+/)?.[0]);
    const latest = screen.getByRole('table', { name: 'The latest package of each retailer' });
    expect(versions(latest)).toEqual(['v3', 'v2']);
    expect(within(latest).getByRole('rowheader', { name: 'ACX / Audible' })).toBeTruthy();

    const folded = screen.getByText('3 earlier versions, replaced by the ones above').closest('details')!;
    expect(folded.open).toBe(false);
    expect(versions(within(folded).getByRole('table', { hidden: true }))).toEqual(['v2', 'v1', 'v1']);
  });

  it('folds nothing when each retailer has one version', () => {
    renderInStudio(<PackageList projectId="p1" packages={[APPLE]} canDownload />);
    expect(screen.queryByText(/earlier version/)).toBeNull();
  });
});
