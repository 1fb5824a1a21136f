// What the customer panel shows, from the ledgers already read: the customer's details, open orders (stage and a
// status computed for today), open follow-ups, most urgent first, and recent contacts when the Contact log was read,
// every label in the user's language. Pure computation: the panel's service calls are the reads that produced `l`.
import type { AppContext } from '../context';
import type { PanelContact, PanelContacts, PanelData, PanelFollowUp, PanelOrder } from '../../ui/sidebar-contract';
import type { ContactRecord, FollowUpRecord, OrderRecord } from '../../domain/ledgers/records';
import { CONTACT_CHANNEL_OPTIONS } from '../../domain/ledgers/enum-labels';
import { sidebarStrings } from '../../domain/i18n/sidebar';
import { orderStageName, workStatusName } from '../../domain/i18n/status';
import { panelText } from '../../domain/i18n/panel-app';
import type { Lang } from '../../domain/i18n/i18n';
import { followUpDeadline, followUpStatus } from '../../domain/status/follow-up-status';
import { orderStatus } from '../../domain/status/order-status';
import { isTerminalOrderStage, orderStageRank } from '../../domain/status/order-stage';
import { formatMoney } from '../../domain/money/format-money';
import { instantToWall, isValidTimeZone } from '../../domain/time/zone';
import { customerContacts, customerFollowUps, customerOrders, type PanelCustomer, type PanelLedgers } from './panel-ledgers';
import { documentsUrl } from './documents-folder';

type StatusCode = PanelOrder['statusCode'];

const MAX_ORDERS = 25;
const MAX_CONTACTS = 10;
const URGENCY: Record<StatusCode, number> = { overdue: 0, 'due-today': 1, 'in-progress': 2, pending: 3, done: 4 };

function statusLabel(code: StatusCode, lang: Lang): string {
  return code === 'due-today' ? panelText(lang, 'panel.dueToday') : workStatusName(code)[lang];
}

/** Earlier dates first, blanks last. */
function byDate(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

/** "Mon 09:30" in a zone. */
export function localTime(now: number, timeZone: string, lang: Lang): string {
  const wall = new Date(instantToWall(now, timeZone));
  const day = panelText(lang, 'panel.weekdays').split(',')[wall.getUTCDay()];
  const hh = String(wall.getUTCHours()).padStart(2, '0');
  const mm = String(wall.getUTCMinutes()).padStart(2, '0');
  return `${day} ${hh}:${mm}`;
}

/** The customer's recent contacts, most recent first, and the date of the last one. */
export function panelContacts(ctx: AppContext, l: PanelLedgers, c: PanelCustomer): PanelContacts {
  const lang = ctx.userLang;
  const wb = ctx.ports.workbook;
  const contactsSnap = l.contacts?.snap;
  const contactRecords = customerContacts(l, c).sort(
    (a: ContactRecord, b: ContactRecord) => byDate(b.date, a.date) || byDate(b.time, a.time) || b._row - a._row,
  );
  const sheetId = contactsSnap?.table.sheetId;
  const contacts: PanelContact[] = contactRecords.slice(0, MAX_CONTACTS).map((x) => ({
    date: x.time ? `${x.date} ${x.time}` : x.date,
    channel: CONTACT_CHANNEL_OPTIONS.find((o) => o.code === x.channel)?.[lang] ?? '',
    topic: x.topic ?? '',
    summary: x.customerFeedback || x.ourActions || x.result || x.nextAction || '',
    link: sheetId === undefined ? '' : wb.linkTo(sheetId, x._row, contactsSnap?.mapping.byKey.topic ?? 1),
  }));
  return { contacts, lastContact: contactRecords[0]?.date ?? c.record?.lastContact ?? '' };
}

/** Last contact: from the contact history when it was read, else the customer's Last contact column. */
function lastContactOf(history: PanelContacts | null, column: string | undefined): string {
  return history ? history.lastContact : column ?? '';
}

export function buildPanel(ctx: AppContext, l: PanelLedgers, c: PanelCustomer): PanelData {
  const lang = ctx.userLang;
  const today = ctx.today;
  const wb = ctx.ports.workbook;
  const currency = ctx.settings()['currency.default'] || 'USD';
  const linkOf = (sheetId: number | undefined, row: number, col: number | undefined) => (sheetId === undefined ? '' : wb.linkTo(sheetId, row, col ?? 1));

  const allOrders = customerOrders(l, c);
  const ordersTable = l.orders?.snap;
  const orders: PanelOrder[] = allOrders
    .filter((o) => !isTerminalOrderStage(o.stage))
    .map((o: OrderRecord): PanelOrder => {
      const status = orderStatus(o, today).status;
      const shipped = Boolean(o.shippedOn) || orderStageRank(o.stage) >= orderStageRank('shipped');
      const code: StatusCode = status !== 'overdue' && o.deliveryDate === today && !shipped ? 'due-today' : status;
      const stage = o.stage ?? 'inquiry';
      return {
        orderNo: o.orderNo,
        stage: orderStageName(stage)[lang],
        stageCode: stage,
        status: statusLabel(code, lang),
        statusCode: code,
        total: o.totalAmount === undefined ? '' : formatMoney(o.totalAmount, o.currency || currency, lang),
        deliveryDate: o.deliveryDate ?? '',
        link: linkOf(ordersTable?.table.sheetId, o._row, ordersTable?.mapping.byKey.orderNo),
      };
    })
    .sort((a, b) => URGENCY[a.statusCode] - URGENCY[b.statusCode] || byDate(a.deliveryDate, b.deliveryDate) || a.orderNo.localeCompare(b.orderNo))
    .slice(0, MAX_ORDERS);

  const history = l.contactsRead ? panelContacts(ctx, l, c) : null;

  const followUpsSnap = l.followUps?.snap;
  const open = customerFollowUps(l, c)
    .map((f: FollowUpRecord) => ({ f, status: followUpStatus(f, today).status, deadline: followUpDeadline(f) }))
    .filter((x) => x.status !== 'done');
  const followUps: PanelFollowUp[] = open
    .map(({ f, status, deadline }): PanelFollowUp => {
      const code: StatusCode = status !== 'overdue' && deadline === today ? 'due-today' : status;
      return {
        id: f.id || `row:${f._row}`,
        action: f.nextAction,
        owner: f.owner ?? '',
        due: deadline ?? '',
        status: statusLabel(code, lang),
        statusCode: code,
        link: linkOf(followUpsSnap?.table.sheetId, f._row, followUpsSnap?.mapping.byKey.nextAction),
      };
    })
    .sort((a, b) => URGENCY[a.statusCode] - URGENCY[b.statusCode] || byDate(a.due, b.due) || a.id.localeCompare(b.id));

  const r = c.record;
  const zone = r?.timeZone && isValidTimeZone(r.timeZone) ? r.timeZone : '';
  const customersSnap = l.customers?.snap;
  return {
    lang,
    strings: sidebarStrings(lang),
    customer: {
      id: c.ref,
      name: r?.name || c.ref,
      country: r?.country ?? '',
      timeZone: zone,
      localTime: zone ? localTime(ctx.now, zone, lang) : '',
      language: r?.language ?? '',
      contact: [r?.contact, r?.title].filter(Boolean).join(lang === 'zh' ? '，' : ', '),
      email: r?.email ?? '',
      phone: r?.phone ?? '',
      owner: r?.owner ?? '',
      grade: r?.grade ?? '',
      lastContact: lastContactOf(history, r?.lastContact),
      nextFollowUp: [...open.map((x) => x.deadline)].sort(byDate)[0] ?? '',
      link: r ? linkOf(customersSnap?.table.sheetId, r._row, customersSnap?.mapping.byKey.name) : '',
    },
    orders,
    contacts: history ? history.contacts : null,
    followUps,
    channels: CONTACT_CHANNEL_OPTIONS.map((o) => ({ code: o.code, label: o[lang] })),
    documentsUrl: documentsUrl(ctx, c, allOrders),
  };
}
