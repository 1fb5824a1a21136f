// "Log a contact" from the customer panel: a Contact log row for today (numbered under the document lock) and, when
// it names a next action with an owner and a due date, its follow-up — created by the same rule as a typed contact
// row (contact-follow-ups.ts), so editing the row later updates that follow-up instead of adding another.
import type { AppContext } from '../context';
import type { LogContactInput, PanelData } from '../../ui/sidebar-contract';
import type { ContactRecord } from '../../domain/ledgers/records';
import { CONTACT_CHANNELS } from '../../domain/ledgers/records';
import type { RecordField } from '../../domain/ledgers/schema-types';
import { LEDGERS } from '../../domain/ledgers/index';
import { appText } from '../../domain/i18n/app';
import { panelText } from '../../domain/i18n/panel-app';
import { sidebarStrings } from '../../domain/i18n/sidebar';
import { instantToWall, isLocalDate } from '../../domain/time/zone';
import { allocateNumbers } from '../assign-numbers';
import { syncFollowUpsFromContacts } from '../contact-follow-ups';
import { readPanelLedgers, reread, resolveCustomer, updateCustomerColumns } from './panel-ledgers';
import { buildPanel } from './build-panel';

const LOCK_MS = 10_000;
const MAX_TEXT = 2000;

function clean(text: unknown, max = MAX_TEXT): string {
  return String(text ?? '').replace(/\r\n?/g, '\n').trim().slice(0, max);
}

/** Checks the form as the panel does (the server never trusts the page) and returns the typed contact. */
function contactOf(ctx: AppContext, input: LogContactInput, customerRef: string): Omit<ContactRecord, '_row' | 'contactId'> {
  const lang = ctx.userLang;
  const s = sidebarStrings(lang);
  const channel = CONTACT_CHANNELS.find((c) => c === input.channel);
  const topic = clean(input.topic, 200);
  const nextAction = clean(input.nextAction, 200);
  const owner = clean(input.owner, 200);
  const due = clean(input.due, 10);
  if (!channel) throw new Error(panelText(lang, 'panel.badChannel'));
  if (!topic) throw new Error(s['sidebar.log.topicRequired']);
  if (due && !isLocalDate(due)) throw new Error(panelText(lang, 'panel.badDue'));
  if (nextAction && !owner) throw new Error(s['sidebar.log.ownerRequired']);
  if (nextAction && !due) throw new Error(s['sidebar.log.dueRequired']);
  const wall = new Date(instantToWall(ctx.now, ctx.timeZone));
  return {
    date: ctx.today,
    time: `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`,
    channel,
    customer: customerRef,
    ourParticipants: ctx.ports.user.email() || undefined,
    topic,
    customerFeedback: clean(input.feedback) || undefined,
    nextAction: nextAction || undefined,
    owner: owner || undefined,
    due: due || undefined,
  };
}

export function logContact(ctx: AppContext, input: LogContactInput): PanelData {
  const l = readPanelLedgers(ctx);
  const customer = resolveCustomer(l, String(input.customerId ?? ''));
  const contact = contactOf(ctx, input, customer.ref);
  const contacts = l.contacts;
  if (!contacts) throw new Error(appText(ctx.userLang, 'check.missingSheet', { sheet: LEDGERS.contacts.sheet[ctx.userLang] }));
  ctx.ports.lock.withDocumentLock(LOCK_MS, () => {
    const existing = contacts.snap.records.map((r) => r.contactId);
    const [contactId] = allocateNumbers(ctx, 'contact', 1, existing, true);
    const row: Partial<Record<RecordField<ContactRecord>, unknown>> = { ...contact, contactId };
    const [at] = contacts.ledger.append(contacts.snap.mapping, [row]);
    const sync = syncFollowUpsFromContacts(ctx, [{ ...contact, contactId, _row: at }], l.followUps?.snap ?? null, true);
    // A follow-up that already names this contact as its source (typed by hand) is updated, not doubled.
    if (l.followUps && sync.changes.length) l.followUps.ledger.write(l.followUps.snap, sync.changes, { fresh: true });
  });
  reread(ctx, l, 'contacts');
  reread(ctx, l, 'followUps');
  updateCustomerColumns(ctx, l, customer);
  return buildPanel(ctx, l, customer);
}
