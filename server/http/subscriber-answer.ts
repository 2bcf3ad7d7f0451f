import en from '../../messages/en.json';
import zh from '../../messages/zh.json';
import { isAppError } from '../errors';

const WORDS = { en: en.statusPage.mail, zh: zh.statusPage.mail };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a link followed from a subscriber's mail: a tiny page in the
 * room's language when the link asked for HTML (format=html, as the mails'
 * links do), the endpoint's JSON otherwise.
 */
export async function subscriberLinkAnswer<T>(
  format: 'json' | 'html' | undefined,
  run: () => Promise<{ lang: 'en' | 'zh' }>,
  word: 'confirmed' | 'unsubscribed',
  json: T,
): Promise<T | Response> {
  if (format !== 'html') {
    await run();
    return json;
  }
  let lang: 'en' | 'zh' = 'en';
  let text: string;
  let status = 200;
  try {
    lang = (await run()).lang;
    text = WORDS[lang][word];
  } catch (err) {
    if (!isAppError(err) || err.code !== 'not_found') throw err;
    text = WORDS.en.badLink;
    status = 404;
  }
  const html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(text)}</title><p style="font:16px system-ui;margin:2rem">${escapeHtml(text)}</p></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
