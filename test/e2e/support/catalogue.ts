import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * The web's translation catalogues, read from web/src/i18n/locales: to find English left on a page shown in another
 * language. A text counts as English when it matches an en-US value whose translation differs (names such as
 * "Spotify" or "ISBN" read the same in every language and are not counted).
 */
const LOCALES = path.resolve(__dirname, '..', '..', '..', 'web', 'src', 'i18n', 'locales');

function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
}

export function catalogue(language: string): Map<string, string> {
  const values = new Map<string, string>();
  const dir = path.join(LOCALES, language);
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    flatten(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), file.replace(/\.json$/, ''), values);
  }
  return values;
}

/** An English catalogue value as a whole-text pattern; a `{{name}}` placeholder stands for a short value. */
function pattern(value: string): RegExp {
  const parts = value.split(/\{\{[^}]+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.{1,80}?')}$`, 's');
}

/** Enough words of its own to recognise: "{{done}} of {{total}}" would match half of any English book. */
const LITERAL_LETTERS = 4;

export function englishPatterns(language: string): { key: string; english: string; regex: RegExp }[] {
  const english = catalogue('en-US');
  const other = catalogue(language);
  return [...english.entries()]
    .filter(
      ([key, value]) =>
        other.get(key) !== value &&
        (value.replace(/\{\{[^}]+\}\}/g, '').match(/\p{L}/gu) ?? []).length >= LITERAL_LETTERS,
    )
    .map(([key, value]) => ({ key, english: value, regex: pattern(value.trim()) }));
}

/** Every visible text node's text and the accessible names given in aria-label, trimmed. */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const out = [];
    const visible = (element) => {
      if (!element) return false;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      if (element.closest('[hidden], [aria-hidden="true"]')) return false;
      const rect = element.getBoundingClientRect();
      // Visually hidden text (screen-reader only) is still read to people: count it too.
      return rect.width > 0 || rect.height > 0 || element.classList.contains('visually-hidden') || !!element.closest('.visually-hidden');
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.replace(/\\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (!text || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      if (parent.closest('dialog:not([open])')) continue;
      if (visible(parent)) out.push(text);
    }
    for (const select of document.querySelectorAll('select')) {
      if (visible(select) && select.selectedOptions[0]) out.push(select.selectedOptions[0].textContent.trim());
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!visible(element)) continue;
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(attribute);
        if (value && value.trim()) out.push(value.trim());
      }
    }
    return out;
  })()`);
}

/** The texts on the page that are English catalogue strings not translated into `language`. */
export async function englishLeftOn(page: Page, language: string): Promise<string[]> {
  const patterns = englishPatterns(language);
  const texts = await visibleTexts(page);
  const found = new Set<string>();
  for (const text of texts) {
    const hit = patterns.find(({ regex }) => regex.test(text));
    if (hit) found.add(`${text}  [${hit.key}]`);
  }
  return [...found];
}
