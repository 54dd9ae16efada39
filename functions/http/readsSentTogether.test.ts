import { ReadsSentTogether } from './readsSentTogether';

/** A store read that answers only when told, counting the reads sent. */
function controlledStore() {
  const sent: { key: string; answer(value: string): void; fail(error: Error): void }[] = [];
  const send = (key: string) => () =>
    new Promise<string>((answer, fail) => {
      sent.push({ key, answer, fail });
    });
  return { sent, send };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads with one read of another document already on its way (a busy host), which is answered by `store.sent[0]`. */
function busyReads(store: ReturnType<typeof controlledStore>) {
  const reads = new ReadsSentTogether<string>();
  void reads.read('busy', store.send('busy'));
  expect(store.sent.map((read) => read.key)).toEqual(['busy']);
  return reads;
}

describe('reads sent together', () => {
  it('sends a lone read at once', () => {
    const reads = new ReadsSentTogether<string>();
    const store = controlledStore();
    void reads.read('u-1', store.send('u-1'));
    expect(store.sent).toHaveLength(1);
    expect(reads.waiting).toBe(0);
  });

  it('while busy, sends one read for the callers that ask for a key before it is sent, and gives each its answer', async () => {
    const store = controlledStore();
    const reads = busyReads(store);
    const first = reads.read('u-1', store.send('u-1'));
    const second = reads.read('u-1', store.send('u-1'));
    const other = reads.read('u-2', store.send('u-2'));
    expect(reads.waiting).toBe(2);
    await nextTurn();
    expect(store.sent.map((read) => read.key)).toEqual(['busy', 'u-1', 'u-2']);
    store.sent[1].answer('creator');
    store.sent[2].answer('admin');
    expect(await Promise.all([first, second, other])).toEqual(['creator', 'creator', 'admin']);
    expect(reads.waiting).toBe(0);
  });

  it('never gives a caller the answer of a read sent before it asked, even one not answered yet', async () => {
    const store = controlledStore();
    const reads = busyReads(store);
    const earlier = reads.read('u-1', store.send('u-1'));
    await nextTurn();
    expect(store.sent).toHaveLength(2); // on its way, unanswered
    const later = reads.read('u-1', store.send('u-1'));
    await nextTurn();
    expect(store.sent).toHaveLength(3);
    store.sent[2].answer('validator'); // the store changed in between
    store.sent[1].answer('creator');
    expect(await earlier).toBe('creator');
    expect(await later).toBe('validator');
  });

  it('fails every caller of a failed read, and the next caller reads again', async () => {
    const store = controlledStore();
    const reads = busyReads(store);
    const first = reads.read('t-1', store.send('t-1'));
    const second = reads.read('t-1', store.send('t-1'));
    await nextTurn();
    store.sent[1].fail(new Error('suspended'));
    await expect(first).rejects.toThrow('suspended');
    await expect(second).rejects.toThrow('suspended');
    const again = reads.read('t-1', store.send('t-1'));
    await nextTurn();
    store.sent[2].answer('active');
    expect(await again).toBe('active');
  });

  it('sends at once again when the reads on their way are answered', async () => {
    const store = controlledStore();
    const reads = busyReads(store);
    store.sent[0].answer('done');
    await nextTurn();
    void reads.read('u-1', store.send('u-1'));
    expect(store.sent).toHaveLength(2);
  });
});
