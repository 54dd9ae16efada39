/**
 * An API answer's JSON body, after checking its status; a wrong status fails with the body the server sent, so a
 * refused request says why in the test's output.
 */
// `any` by default: a test reads whichever fields it checks without declaring the whole view.
export async function body<T = any>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}
