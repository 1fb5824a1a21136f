// The exposed functions: simple triggers, menu items and installable triggers, each a thin shell over a use case.
import { applyEdit, recomputeOrderTotals } from '../app/apply-edit';
import { setupWorkbook } from '../app/setup-workbook';
import { checkLedgers } from '../app/check-ledgers';
import { sweepStatuses } from '../app/sweep-statuses';
import { refreshDashboard } from '../app/dashboard';
import { automationState, automationTriggerMayRun, turnAutomationOff, turnAutomationOn } from '../app/automation';
import { AppContext } from '../app/context';
import { appText } from '../domain/i18n/app';
import { ensureDefaultTemplates } from '../app/documents/ensure-default-templates';
import { docsAppText } from '../domain/i18n/documents-app';
import { gasPorts } from './ports';
import { withContext } from './run';
import { buildMenu } from './menu';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu(e);
}

/** Simple trigger: statuses of the edited rows. Never throws: the user's edit always stays. */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const ctx = new AppContext(gasPorts(e.source));
  try {
    const range = e.range;
    const sheet = range.getSheet();
    applyEdit(ctx, {
      sheetName: sheet.getName(),
      sheetId: sheet.getSheetId(),
      row: range.getRow(),
      col: range.getColumn(),
      numRows: range.getNumRows(),
      numCols: range.getNumColumns(),
      oldValue: (e as unknown as { oldValue?: unknown }).oldValue,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error('onEdit failed', message);
    try {
      e.source.toast(appText(ctx.userLang, 'edit.failed', { message }), appText(ctx.userLang, 'app.name'), 10);
    } catch {
      // nothing else can be done in a simple trigger
    }
  }
}

export function menuSetup(): void {
  withContext((ctx) => {
    const r = setupWorkbook(ctx);
    const lang = ctx.userLang;
    const sweep = sweepStatuses(ctx);
    void sweep;
    try {
      ensureDefaultTemplates(ctx);
    } catch (e) {
      // The ledgers are set up; templates are made again on first use or from Documents ▸ Create default templates.
      ctx.ports.log.error('default templates not created', e);
      ctx.ports.workbook.toast(docsAppText(lang, 'tpl.failed', { message: e instanceof Error ? e.message : String(e) }), appText(lang, 'setup.title'));
    }
    const message = r.changed
      ? appText(lang, 'setup.done', { sheets: r.sheetsCreated.length, columns: r.columnsAdded.reduce((n, c) => n + c.headers.length, 0), rules: r.validations + r.conditionalRules + r.protections })
      : appText(lang, 'setup.unchanged');
    ctx.ports.workbook.toast(message, appText(lang, 'setup.title'));
  });
}

export function menuCheckLedgers(): void {
  withContext((ctx) => {
    const report = checkLedgers(ctx);
    const lang = ctx.userLang;
    const summary = report.issues.length ? appText(lang, 'check.some', { count: report.issues.length, rows: report.rows }) : appText(lang, 'check.none', { rows: report.rows });
    ctx.ports.ui.showDialog('check', appText(lang, 'check.title'), {
      lang,
      summary,
      issues: report.issues.map((i) => ({ sheet: i.sheet, sheetId: i.sheetId, row: i.row, col: i.col, column: i.column, header: i.header, value: i.value, message: i.message[lang], severity: i.severity })),
    }, 720, 520);
  });
}

/** Jump to a cell from the Check ledgers dialog. */
export function dialogGoTo(sheetId: number, row: number, col: number): void {
  withContext((ctx) => {
    const wb = ctx.ports.workbook;
    const t = wb.tableById(Number(sheetId));
    if (t) t.activate(Math.max(1, Number(row)), Math.max(1, Number(col) || 1));
  });
}

export function menuRefreshStatuses(): void {
  withContext((ctx) => {
    const r = sweepStatuses(ctx, { scope: 'full' });
    const lang = ctx.userLang;
    const message = r.changed
      ? appText(lang, 'sweep.done', { changed: r.changed, overdue: r.overdue, ids: r.numbersAssigned, followUps: r.followUpsCreated })
      : appText(lang, 'sweep.nothing');
    ctx.ports.workbook.toast(message, appText(lang, 'sweep.title'));
  });
}

export function menuToggleAutomation(): void {
  withContext((ctx) => {
    const lang = ctx.userLang;
    const state = automationState(ctx);
    const title = appText(lang, 'automation.title');
    if (state.on) {
      const since = state.since ? new Date(state.since).toISOString().slice(0, 10) : '';
      if (!ctx.ports.ui.confirm(title, appText(lang, 'automation.confirmOff', { since: `${since}${state.owner ? ', ' + state.owner : ''}` }))) return;
      turnAutomationOff(ctx);
      ctx.ports.ui.alert(title, appText(lang, 'automation.off'));
    } else {
      if (!ctx.ports.ui.confirm(title, appText(lang, 'automation.confirmOn'))) return;
      turnAutomationOn(ctx);
      ctx.ports.ui.alert(title, appText(lang, 'automation.on', { hour: ctx.settings()['sweep.hour'] }));
    }
  });
}

export function triggerDailySweep(e?: { triggerUid?: string }): void {
  withContext(
    (ctx) => {
      if (!automationTriggerMayRun(ctx, e?.triggerUid)) return;
      // What time changes; line amounts and order totals are onEdit's (and Refresh statuses now's).
      const sweep = sweepStatuses(ctx, { scope: 'time' });
      try {
        // Drawn from the sweep's records as they are after its changes: no ledger is read twice.
        refreshDashboard(ctx, sweep.current);
      } catch (err) {
        // The statuses are swept; a dashboard that cannot be drawn (no Orders sheet) waits for Refresh dashboard.
        ctx.ports.log.error('dashboard not refreshed after the sweep', err);
      }
    },
    { ui: false },
  );
}

/**
 * The change trigger (installed with daily updates): Apps Script fires no onEdit when rows are deleted, so when rows
 * go, every order's total is recomputed from the Amount cells of the lines that are left (column reads, one write of
 * the totals that changed). Other changes (edits, formats, inserted rows) are onEdit's or nobody's.
 */
export function triggerOnChange(e?: { triggerUid?: string; changeType?: string }): void {
  withContext(
    (ctx) => {
      if (!automationTriggerMayRun(ctx, e?.triggerUid)) return;
      if (e?.changeType !== 'REMOVE_ROW') return;
      ctx.ports.lock.withDocumentLock(30_000, () => recomputeOrderTotals(ctx));
    },
    { ui: false },
  );
}

export function menuAbout(): void {
  withContext((ctx) => ctx.ports.ui.alert(appText(ctx.userLang, 'app.name'), appText(ctx.userLang, 'about.text')));
}
