// Builds the Ports for one execution. Adapters are created on first use, so a simple trigger (onEdit, LIMITED
// auth) never constructs the mailer or Drive and never calls a service it may not use.
import type { Ports } from '../ports';
import { GasWorkbook } from './adapters/gas-table';
import { GasClock, GasDocs, GasFiles, GasLock, GasLog, GasMailer, GasProperties, GasTriggers, GasUi, GasUser } from './adapters/gas-services';

export function gasPorts(ss?: GoogleAppsScript.Spreadsheet.Spreadsheet): Ports {
  const memo: Partial<Record<keyof Ports, unknown>> = {};
  const once = <K extends keyof Ports>(k: K, make: () => Ports[K]): Ports[K] => {
    if (!(k in memo)) memo[k] = make();
    return memo[k] as Ports[K];
  };
  const ports: Ports = {
    get workbook() {
      return once('workbook', () => new GasWorkbook(ss ?? SpreadsheetApp.getActiveSpreadsheet()));
    },
    get clock() {
      return once('clock', () => new GasClock());
    },
    get lock() {
      return once('lock', () => new GasLock());
    },
    get docProps() {
      return once('docProps', () => new GasProperties(PropertiesService.getDocumentProperties()));
    },
    get userProps() {
      return once('userProps', () => new GasProperties(PropertiesService.getUserProperties()));
    },
    get ui() {
      return once('ui', () => new GasUi());
    },
    get files() {
      return once('files', () => new GasFiles());
    },
    get docs() {
      return once('docs', () => new GasDocs());
    },
    get mailer() {
      return once('mailer', () => new GasMailer(ports.user.email()));
    },
    get triggers() {
      return once('triggers', () => new GasTriggers());
    },
    get user() {
      return once('user', () => new GasUser());
    },
    get log() {
      return once('log', () => new GasLog());
    },
  };
  return ports;
}
