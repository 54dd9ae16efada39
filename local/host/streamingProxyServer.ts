/**
 * The programming model's HTTP streaming proxy is a Node HTTP server that it creates in this process while it reports
 * its capabilities (`getCapabilities`, which returns the proxy's address as `HttpUri`). The local host keeps a handle
 * on that server so it can hand it a request without a body in process (`httpStreamingInProcess.ts`) instead of
 * sending it over a loopback connection, and close it when the host stops. The Functions host in Azure is another
 * process and always reaches the proxy over TCP; the app and the model's code are the same either way.
 */
import http from 'node:http';

/**
 * Runs `reportCapabilities` and returns what it resolved with, and the one HTTP server created meanwhile (the
 * proxy), if exactly one was. Anything else (no streaming, a model that creates its proxy another way) leaves the
 * host on the proxy's address.
 */
export async function capturingStreamingProxy<T>(
  reportCapabilities: () => Promise<T>,
): Promise<{ result: T; proxyServer?: http.Server }> {
  const created: http.Server[] = [];
  const createServer = http.createServer;
  // The model calls `http.createServer` on Node's module object; wrapped only for the length of this call.
  http.createServer = ((...args: Parameters<typeof http.createServer>) => {
    const server = createServer(...args);
    created.push(server);
    return server;
  }) as typeof http.createServer;
  try {
    const result = await reportCapabilities();
    return { result, proxyServer: created.length === 1 ? created[0] : undefined };
  } finally {
    http.createServer = createServer;
  }
}
