// Installs the fake Apps Script services into an execution's global scope. Each service module adds its globals.
import type { Execution } from '../env';
import { FakeSpreadsheetApp } from '../spreadsheet/fakes';
import { makePropertiesService } from './properties';
import { makeLockService } from './lock';
import { makeCacheService } from './cache';
import { makeScriptApp } from './script-app';
import { makeUtilities } from './utilities';
import { makeConsole, makeLogger, makeSession } from './session';
import { makeHtmlService } from './html';

export type ServiceInstaller = (ex: Execution, globals: Record<string, unknown>) => void;

const installers: ServiceInstaller[] = [
  (ex, g) => {
    g.SpreadsheetApp = new FakeSpreadsheetApp(ex);
    g.PropertiesService = makePropertiesService(ex);
    g.LockService = makeLockService(ex);
    g.CacheService = makeCacheService(ex);
    g.ScriptApp = makeScriptApp(ex);
    g.Utilities = makeUtilities(ex);
    g.Session = makeSession(ex);
    g.Logger = makeLogger(ex);
    g.console = makeConsole(ex);
    g.HtmlService = makeHtmlService(ex);
    g.MimeType = {
      PDF: 'application/pdf',
      GOOGLE_DOCS: 'application/vnd.google-apps.document',
      FOLDER: 'application/vnd.google-apps.folder',
      MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      PLAIN_TEXT: 'text/plain',
      HTML: 'text/html',
      CSV: 'text/csv',
      JPEG: 'image/jpeg',
      PNG: 'image/png',
    };
    g.Charts = { ChartType: { AREA: 'AREA', BAR: 'BAR', COLUMN: 'COLUMN', LINE: 'LINE', PIE: 'PIE', TABLE: 'TABLE', SCATTER: 'SCATTER' } };
  },
];

/** Other service modules (Drive, Docs, Gmail, Mail) register here. */
export function registerService(installer: ServiceInstaller): void {
  installers.push(installer);
}

export function installServices(ex: Execution, globals: Record<string, unknown>): void {
  for (const install of installers) install(ex, globals);
}
