// The panel feature's exposed functions and menu sections: the customer panel (menu item and its google.script.run
// targets), Refresh dashboard, the manager views and Switch language. Each is a thin shell over a use case.
import type { MenuSection } from '../menu';
import { buildMenu } from '../menu';
import { withContext } from '../run';
import { gasPorts } from '../ports';
import { AppContext } from '../../app/context';
import { LockBusy } from '../../ports';
import { loadPanel, loadPanelContacts } from '../../app/panel/load-panel';
import { logContact } from '../../app/panel/log-contact';
import { markFollowUpDone, snoozeFollowUp } from '../../app/panel/update-follow-up';
import { panelQuotation, type QuotationResult } from '../../app/panel/panel-quotation';
import { refreshDashboard } from '../../app/dashboard';
import { applyView, clearViews, type ViewName } from '../../app/views';
import { switchLanguage, switchTarget } from '../../app/switch-language';
import { appText } from '../../domain/i18n/app';
import { panelText } from '../../domain/i18n/panel-app';
import { sidebarStrings } from '../../domain/i18n/sidebar';
import { langOf, type Lang } from '../../domain/i18n/i18n';
import type { LogContactInput, PanelContacts, PanelData, PanelPage } from '../../ui/sidebar-contract';

function userLangOf(ctx: AppContext): Lang {
  try {
    return ctx.userLang;
  } catch {
    return 'en';
  }
}

/**
 * Runs a google.script.run call: failures reach the panel's failure handler as an Error with a message in the
 * user's language (no alert: the panel shows it), and are logged.
 */
function rpc<T>(fn: (ctx: AppContext) => T): T {
  const ctx = new AppContext(gasPorts());
  try {
    return fn(ctx);
  } catch (e) {
    ctx.ports.log.error('panel call failed', e);
    if (e instanceof LockBusy) throw new Error(appText(userLangOf(ctx), 'busy'), { cause: e });
    throw e instanceof Error ? e : new Error(String(e), { cause: e });
  }
}

function text(o: Record<string, unknown>, key: string): string {
  const v = o[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** The panel's title, in the user's language. */
function panelTitle(lang: Lang): string {
  return `${appText(lang, 'app.name')} · ${sidebarStrings(lang)['sidebar.title']}`;
}

/**
 * Gendan ▸ Open customer panel: reads the panel of the selected row's customer and shows the page with it inside, so
 * the page needs no call of its own to show the customer. Service calls when opened on Customers, Orders or
 * Follow-ups: the document properties, the selection, Customers, Orders, Follow-ups, showing the page — six (the
 * contact history is read when the user asks for it). A selection that names no customer opens the page with the
 * reason and a Try again button, as a failed first load does.
 */
export function menuOpenPanel(): void {
  withContext((ctx) => {
    let page: PanelPage;
    try {
      page = { panel: loadPanel(ctx, null, false) };
    } catch (e) {
      if (e instanceof LockBusy) throw e;
      ctx.ports.log.error('panel not loaded', e);
      page = { error: e instanceof Error ? e.message : String(e) };
    }
    ctx.ports.ui.showSidebar('sidebar', panelTitle(userLangOf(ctx)), page);
  });
}

export function sidebarGetCustomer(customerId: string | null, withContacts?: boolean): PanelData {
  return rpc((ctx) => loadPanel(ctx, typeof customerId === 'string' ? customerId : null, withContacts === true));
}

export function sidebarGetContacts(customerId: string): PanelContacts {
  return rpc((ctx) => loadPanelContacts(ctx, String(customerId ?? '')));
}

export function sidebarLogContact(input: LogContactInput): PanelData {
  const o = (input && typeof input === 'object' ? input : {}) as unknown as Record<string, unknown>;
  const clean: LogContactInput = {
    customerId: text(o, 'customerId'),
    channel: text(o, 'channel'),
    topic: text(o, 'topic'),
    feedback: text(o, 'feedback'),
    nextAction: text(o, 'nextAction'),
    owner: text(o, 'owner'),
    due: text(o, 'due'),
  };
  return rpc((ctx) => logContact(ctx, clean));
}

export function sidebarMarkDone(customerId: string, followUpId: string): PanelData {
  return rpc((ctx) => markFollowUpDone(ctx, String(customerId ?? ''), String(followUpId ?? '')));
}

export function sidebarSnooze(customerId: string, followUpId: string, days: number): PanelData {
  return rpc((ctx) => snoozeFollowUp(ctx, String(customerId ?? ''), String(followUpId ?? ''), Number(days)));
}

export function sidebarGenerateQuotation(orderNo: string): QuotationResult {
  return rpc((ctx) => panelQuotation(ctx, String(orderNo ?? '')));
}

export function menuRefreshDashboard(): void {
  withContext((ctx) => {
    const r = refreshDashboard(ctx);
    ctx.table('dashboard')?.activate(1, 1);
    ctx.ports.workbook.toast(panelText(ctx.userLang, 'dash.done', { orders: r.orders, overdue: r.overdueFollowUps }), appText(ctx.userLang, 'menu.dashboard'));
  });
}

/** Gendan ▸ Views ▸ …: applies the view and says what it shows. */
function view(name: ViewName): () => void {
  return () => withContext((ctx) => ctx.ports.workbook.toast(applyView(ctx, name).message, appText(ctx.userLang, 'menu.views')));
}

export function menuViewClear(): void {
  withContext((ctx) => ctx.ports.workbook.toast(clearViews(ctx), appText(ctx.userLang, 'menu.views')));
}

/** Switch language: asks first, switches, redraws the dashboard and the menu in the new language. */
export function menuSwitchLanguage(): void {
  withContext((ctx) => {
    const lang = ctx.userLang;
    const to = switchTarget(ctx);
    const title = panelText(lang, 'lang.title');
    if (!ctx.ports.ui.confirm(title, panelText(lang, 'lang.confirm', { lang: panelText(lang, to === 'en' ? 'lang.en' : 'lang.zh') }))) return;
    const r = switchLanguage(ctx, to);
    try {
      if (ctx.table('dashboard') && ctx.table('orders')) refreshDashboard(ctx);
    } catch (e) {
      ctx.ports.log.error('dashboard not redrawn after the language switch', e);
    }
    buildMenu({ authMode: 'FULL' });
    const done = ctx.settings().language || langOf(ctx.ports.user.locale());
    const name = panelText(done, to === 'en' ? 'lang.en' : 'lang.zh');
    ctx.ports.workbook.toast(panelText(done, 'lang.done', { lang: name, sheets: r.sheets, headers: r.headers, cells: r.cells, settings: r.settings }), title);
  });
}

export const handlers: Record<string, (...args: never[]) => unknown> = {
  menuOpenPanel,
  sidebarGetCustomer,
  sidebarGetContacts,
  sidebarLogContact,
  sidebarMarkDone,
  sidebarSnooze,
  sidebarGenerateQuotation,
  menuRefreshDashboard,
  menuViewMyOverdue: view('myOverdue'),
  menuViewDueThisWeek: view('dueThisWeek'),
  menuViewByOwner: view('byOwner'),
  menuViewShippingSoon: view('shippingSoon'),
  menuViewClear,
  menuSwitchLanguage,
};

export const menuTop: MenuSection[] = [{ title: null, items: [{ label: 'menu.panel', fn: 'menuOpenPanel' }] }];

export const menuMiddle: MenuSection[] = [
  { title: null, items: [{ label: 'menu.dashboard', fn: 'menuRefreshDashboard' }] },
  {
    title: 'menu.views',
    items: [
      { label: 'menu.viewMyOverdue', fn: 'menuViewMyOverdue' },
      { label: 'menu.viewDueThisWeek', fn: 'menuViewDueThisWeek' },
      { label: 'menu.viewByOwner', fn: 'menuViewByOwner' },
      { label: 'menu.viewShippingSoon', fn: 'menuViewShippingSoon' },
      { label: 'menu.viewClear', fn: 'menuViewClear' },
    ],
  },
  { title: null, items: [{ label: 'menu.language', fn: 'menuSwitchLanguage' }] },
];
