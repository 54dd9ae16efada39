import { readAll, readAllItems, type Page, type PageRequest } from './documents';

/** A listing over `pages` (a store may answer an empty page with more to come), recording each request. */
function pagedListing(pages: number[][]) {
  const requests: PageRequest[] = [];
  const listing = async (page: PageRequest): Promise<Page<number>> => {
    requests.push(page);
    const at = page.continuationToken === undefined ? 0 : Number(page.continuationToken);
    return { items: pages[at], continuationToken: at + 1 < pages.length ? String(at + 1) : null };
  };
  return { listing, requests };
}

describe('readAll', () => {
  it('reads every page, passing each continuation token on, until the store says there is no more', async () => {
    const { listing, requests } = pagedListing([[1, 2], [], [3], [4, 5]]);
    expect(await readAllItems(listing, 2)).toEqual([1, 2, 3, 4, 5]);
    expect(requests).toEqual([
      { pageSize: 2, continuationToken: undefined },
      { pageSize: 2, continuationToken: '1' },
      { pageSize: 2, continuationToken: '2' },
      { pageSize: 2, continuationToken: '3' },
    ]);
  });

  it('asks for no further page once the reader leaves', async () => {
    const { listing, requests } = pagedListing([[1, 2], [3, 4], [5]]);
    const seen: number[] = [];
    for await (const item of readAll(listing)) {
      seen.push(item);
      if (item === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(requests).toHaveLength(2);
  });

  it('reads a single page once', async () => {
    const { listing, requests } = pagedListing([[]]);
    expect(await readAllItems(listing)).toEqual([]);
    expect(requests).toHaveLength(1);
  });
});
