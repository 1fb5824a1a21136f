// The language of each owner's digest. Apps Script tells a script only the running user's locale, never another
// user's, so for the other owners the best signal at hand is how they write: the follow-ups and contacts they own,
// already read for the rules. The Settings language, when set, is the team's choice and wins over everything.
import type { Lang } from '../../domain/i18n/i18n';
import type { ContactRecord, FollowUpRecord } from '../../domain/ledgers/records';

export interface OwnerLanguageInput {
  /** The Settings language ('' = each user's own). */
  settingsLanguage: '' | Lang;
  /** The running user (email) and their locale's language. */
  activeUser: string;
  activeLang: Lang;
  /** The workbook's language (Settings, else the language it was set up in): the fallback. */
  workbookLang: Lang;
  followUps: readonly FollowUpRecord[];
  contacts: readonly ContactRecord[];
  /** Other texts owners wrote (follow-ups no rule needed, read raw). */
  writings?: readonly { owner: string; text: string }[];
}

const CJK = /[\u3400-\u9fff]/;
const LATIN = /[A-Za-z]{3}/;

const norm = (s: string | undefined): string => (s ?? '').trim().toLowerCase();

/**
 * The digest language of each owner: Settings language if set; the running user's own locale for themselves;
 * otherwise Chinese when most texts the owner wrote (next actions, topics, feedback) contain Chinese, English
 * when most are Latin script, and the workbook language when they wrote nothing telling.
 * @example ownerLanguages(['wang@x.cn'], { settingsLanguage: '', activeUser: 'li@x.cn', activeLang: 'en', workbookLang: 'en',
 *   followUps: [{ _row: 2, owner: 'wang@x.cn', nextAction: '发报价单', status: 'pending' }], contacts: [] }).get('wang@x.cn') // 'zh'
 */
export function ownerLanguages(owners: readonly string[], input: OwnerLanguageInput): Map<string, Lang> {
  const out = new Map<string, Lang>();
  if (input.settingsLanguage) {
    for (const o of owners) out.set(o, input.settingsLanguage);
    return out;
  }
  const wanted = new Map<string, string>();
  for (const o of owners) {
    if (norm(o) === norm(input.activeUser) && norm(o) !== '') out.set(o, input.activeLang);
    else wanted.set(norm(o), o);
  }
  if (!wanted.size) return out;
  const score = new Map<string, { zh: number; en: number }>();
  const normalized = new Map<string, string>();
  const scoreOf = (owner: string | undefined): { zh: number; en: number } | undefined => {
    if (!owner) return undefined;
    let o = normalized.get(owner);
    if (o === undefined) {
      o = norm(owner);
      normalized.set(owner, o);
    }
    if (!wanted.has(o)) return undefined;
    let s = score.get(o);
    if (!s) score.set(o, (s = { zh: 0, en: 0 }));
    return s;
  };
  // 2: Chinese, 1: Latin script, 0: nothing telling.
  const kind = (text: string | undefined): number => (!text ? 0 : CJK.test(text) ? 2 : LATIN.test(text) ? 1 : 0);
  const count = (s: { zh: number; en: number }, k: number): void => {
    if (k === 2) s.zh++;
    else if (k === 1) s.en++;
  };
  // Indexed loops: a for…of in code that runs once per execution makes an iterator result per row.
  const { followUps, contacts } = input;
  const writings = input.writings ?? [];
  for (let i = 0; i < followUps.length; i++) {
    const f = followUps[i];
    const s = scoreOf(f.owner);
    if (s) count(s, Math.max(kind(f.nextAction), kind(f.notes)));
  }
  for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i];
    const s = scoreOf(c.owner);
    if (s) count(s, Math.max(kind(c.topic), kind(c.customerFeedback), kind(c.ourActions)));
  }
  for (let i = 0; i < writings.length; i++) {
    const w = writings[i];
    const s = scoreOf(w.owner);
    if (s) count(s, kind(w.text));
  }
  for (const [o, owner] of wanted) {
    const s = score.get(o);
    out.set(owner, s && s.zh > s.en ? 'zh' : s && s.en > s.zh ? 'en' : input.workbookLang);
  }
  return out;
}
