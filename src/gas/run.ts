// Runs a use case for a menu click or a trigger: builds the ports and the context, turns "busy" into a friendly
// message, shows other failures in the user's language and rethrows them so Apps Script records the execution
// as failed.
import { LockBusy } from '../ports';
import { AppContext } from '../app/context';
import { appText } from '../domain/i18n/app';
import { gasPorts } from './ports';

export function withContext<T>(fn: (ctx: AppContext) => T, opts: { ui?: boolean; ss?: GoogleAppsScript.Spreadsheet.Spreadsheet } = {}): T | undefined {
  const ctx = new AppContext(gasPorts(opts.ss));
  try {
    return fn(ctx);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof LockBusy) {
      if (opts.ui !== false) ctx.ports.workbook.toast(appText(safeLang(ctx), 'busy'));
      ctx.ports.log.info(`busy: ${message}`);
      return undefined;
    }
    ctx.ports.log.error('Gendan failed', e);
    if (opts.ui !== false) {
      try {
        ctx.ports.ui.alert(appText(safeLang(ctx), 'app.name'), appText(safeLang(ctx), 'error.generic', { message }));
      } catch {
        // no UI in this context (a trigger): the error is rethrown below
      }
    }
    throw e;
  }
}

function safeLang(ctx: AppContext): 'en' | 'zh' {
  try {
    return ctx.userLang;
  } catch {
    return 'en';
  }
}
