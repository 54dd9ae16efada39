/**
 * One store read for the requests that ask for the same document before that read is sent. While other reads are on
 * their way (the host is busy), a read is sent on the event loop's next turn (`setImmediate`), so requests that arrive
 * together (a client's parallel calls, a tenant's users at once) wait for the same round trip instead of one each;
 * once it is sent, the next request that asks starts a read of its own. With none on their way a read is sent at once:
 * a lone request does not wait a turn for company that is unlikely to come.
 *
 * So every request still gets a read sent after it arrived, as when each read for itself: nothing is kept between
 * reads, and a change the store acknowledged before a request arrived (a demotion, a deactivation, a suspension)
 * counts for that request. A request never joins a read already on its way, whose answer may predate it.
 */
export class ReadsSentTogether<T> {
  readonly #notYetSent = new Map<string, Promise<T>>();
  #onTheirWay = 0;

  /**
   * The answer of the read of `key` not yet sent, or of a new one made with `send`. Every caller of one key must mean
   * the same read by it: only the first caller's `send` runs.
   */
  read(key: string, send: () => Promise<T>): Promise<T> {
    const waiting = this.#notYetSent.get(key);
    if (waiting) return waiting;
    if (this.#onTheirWay === 0) return this.#sendNow(send);
    const read = nextTurn().then(() => {
      // From here on the read is on its way: a request asking now starts another.
      this.#notYetSent.delete(key);
      return this.#sendNow(send);
    });
    this.#notYetSent.set(key, read);
    return read;
  }

  async #sendNow(send: () => Promise<T>): Promise<T> {
    this.#onTheirWay++;
    try {
      return await send();
    } finally {
      this.#onTheirWay--;
    }
  }

  /** Reads asked for and not yet sent (for tests). */
  get waiting(): number {
    return this.#notYetSent.size;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
