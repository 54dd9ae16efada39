import type http from 'node:http';

/**
 * After answering a request whose body is still arriving, the rest is read and thrown away for a moment (at most
 * this long and this much) so that a client still sending gets to read the answer: closing at once makes the kernel
 * reset the connection, and the reset can destroy the answer before the client reads it. Then the connection closes.
 * The Functions host does this after a function's early answer, and the web server's API proxy after relaying one.
 */
const LINGER_MS = 1_000;
const LINGER_BYTES = 4 * 1024 * 1024;

/**
 * Reads and discards what is left of `req`'s body within the allowance, then closes the connection if it is not done.
 * Call it once the answer has finished. An answer sent with `Connection: close` has had its write side shut by Node,
 * which would also destroy the socket as soon as the answer is flushed: that is put off until the lingering ends.
 */
export function lingerThenClose(req: http.IncomingMessage): void {
  const socket = req.socket;
  socket.removeListener('finish', socket.destroy);
  const readBefore = socket.bytesRead;
  const close = () => socket.destroy();
  const timer = setTimeout(close, LINGER_MS);
  const countDiscarded = () => {
    if (socket.bytesRead - readBefore > LINGER_BYTES) close();
  };
  socket.on('data', countDiscarded);
  socket.once('close', () => clearTimeout(timer));
  req.once('end', () => {
    clearTimeout(timer);
    socket.off('data', countDiscarded);
    // The client finished sending within the allowance. A connection the answer said would close goes now; any
    // other is healthy and may carry another request.
    if (socket.writableEnded) close();
  });
  req.resume();
}
