import { createHash } from 'node:crypto';
import type { DevUser } from './seedUsers';

/** The dev IdP's sign-in page: plain HTML, no script, everything escaped. */

export interface AuthorizeParams {
  clientId?: string;
  redirectUri: string;
  state?: string;
  nonce?: string;
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.4; }
  body { margin: 0; padding: 2rem 1rem; background: Canvas; color: CanvasText; }
  main { max-width: 44rem; margin: 0 auto; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  p.hint { margin: 0 0 1.5rem; opacity: .8; }
  fieldset { border: 1px solid GrayText; border-radius: .5rem; padding: 1rem; margin: 0 0 1.5rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
  button { font: inherit; width: 100%; text-align: left; padding: .6rem .8rem; border-radius: .4rem;
           border: 1px solid GrayText; background: ButtonFace; color: ButtonText; cursor: pointer; }
  button:hover { border-color: Highlight; }
  button:focus-visible, input:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  .name { font-weight: 600; display: block; }
  .meta { font-size: .9rem; opacity: .85; }
  label { display: block; margin-bottom: .25rem; }
  input[type=email] { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem; margin-bottom: .75rem; }
  .error { border: 2px solid #b00020; border-radius: .4rem; padding: .5rem .75rem; margin-bottom: 1rem; }
`;

/** The page carries no script at all; the style is allowed by hash rather than 'unsafe-inline'. */
export const SIGN_IN_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self' http://127.0.0.1:* http://localhost:*",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function renderSignInPage(users: readonly DevUser[], params: AuthorizeParams, error?: string): string {
  const hidden = hiddenFields(params);
  const userButtons = users
    .map(
      (user) => `<li><button type="submit" name="login_hint" value="${escapeHtml(user.email)}">
        <span class="name">${escapeHtml(user.displayName)}</span>
        <span class="meta">${escapeHtml(user.email)} · ${escapeHtml(describeAffiliation(user))}</span>
      </button></li>`,
    )
    .join('\n');
  return page(
    'Sign in — Khipu dev identity',
    `<h1>Sign in to Khipu</h1>
    <p class="hint">Local development identity provider. Choose a seeded user or type any email.</p>
    ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
    <form method="post" action="/authorize">
      ${hidden}
      <fieldset><legend>Seeded users</legend><ul>${userButtons}</ul></fieldset>
    </form>
    <form method="post" action="/authorize">
      ${hidden}
      <fieldset><legend>Another account</legend>
        <label for="login-email">Email</label>
        <input id="login-email" name="login_hint" type="email" required maxlength="254" autocomplete="email">
        <button type="submit">Sign in with this email</button>
      </fieldset>
    </form>`,
  );
}

export function renderErrorPage(message: string): string {
  return page(
    'Sign-in error — Khipu dev identity',
    `<h1>Cannot sign in</h1><p role="alert">${escapeHtml(message)}</p>`,
  );
}

function describeAffiliation(user: DevUser): string {
  const roles = user.roles.length > 0 ? user.roles.join(', ') : 'no role';
  const tenant = user.tenantId ? (user.tenantName ?? user.tenantId) : 'no tenant';
  return `${tenant} · ${roles}`;
}

function hiddenFields(params: AuthorizeParams): string {
  const fields: [string, string | undefined][] = [
    ['response_type', 'token'],
    ['client_id', params.clientId],
    ['redirect_uri', params.redirectUri],
    ['state', params.state],
    ['nonce', params.nonce],
  ];
  return fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>`;
}
