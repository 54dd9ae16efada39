/**
 * The Cosmos emulator keeps a client's connection open between requests, as Cosmos DB's gateway does: the SDK's
 * keep-alive agent reuses it instead of opening a TCP connection per request.
 */
import * as http from 'node:http';
import { startJournaledCosmosServer } from '../../local/emulators/journaledCosmosServer';

/** Sends a GET on `agent` and reads the whole answer; resolves whether it went on a reused connection. */
function send(agent: http.Agent, url: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(req.reusedSocket));
    });
    req.on('error', reject);
  });
}

test('the Cosmos emulator keeps a connection open for the next request', async () => {
  const cosmos = await startJournaledCosmosServer({ port: 0, database: 'khipu' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await send(agent, `${cosmos.endpoint}/`));
    expect(answers).toEqual([false, true, true]);
  } finally {
    agent.destroy();
    await cosmos.stop();
  }
}, 60_000);
