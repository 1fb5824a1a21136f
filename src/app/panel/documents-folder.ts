// Where a customer's documents are: the Drive folder the documents feature fills (named after the customer, inside
// the Settings output folder). Its ID is remembered in document properties once the panel has looked it up, so
// opening the panel never calls Drive.
import type { AppContext } from '../context';
import type { OrderRecord } from '../../domain/ledgers/records';
import { parseDocumentLinks } from '../../domain/documents/document-links';
import { customerRefKey } from '../../domain/orders/customer-aggregates';
import type { PanelCustomer } from './panel-ledgers';

const PROP_PREFIX = 'gendan.folder.';
const DEFAULT_OUTPUT_FOLDER = 'Gendan documents';

/** The folder name documents use for a customer: its name, whitespace collapsed, at most 120 characters. */
export function customerFolderName(c: PanelCustomer): string {
  return (c.record?.name || c.ref).replace(/\s+/g, ' ').trim().slice(0, 120).trim();
}

function propKey(c: PanelCustomer): string {
  return PROP_PREFIX + customerRefKey(c.record?.customerId || c.ref);
}

/**
 * The link behind "Open documents": the customer's folder when known; else, when the customer has documents, a
 * Drive search for the folder's name; else null (the panel says there is no folder yet).
 */
export function documentsUrl(ctx: AppContext, c: PanelCustomer, orders: readonly OrderRecord[]): string | null {
  const id = ctx.props()[propKey(c)];
  if (id) return `https://drive.google.com/drive/folders/${encodeURIComponent(id)}`;
  if (orders.some((o) => parseDocumentLinks(o.documents).length > 0)) {
    return `https://drive.google.com/drive/search?q=${encodeURIComponent(`"${customerFolderName(c)}"`)}`;
  }
  return null;
}

/** Looks the customer's folder up in Drive (after a document was made for them) and remembers its ID. */
export function rememberDocumentsFolder(ctx: AppContext, c: PanelCustomer): void {
  const files = ctx.ports.files;
  const output = (ctx.settings()['drive.folder'] || DEFAULT_OUTPUT_FOLDER).replace(/\s+/g, ' ').trim().slice(0, 120).trim();
  const root = files.ensureFolder(output, 'root');
  const folder = files.ensureFolder(customerFolderName(c), root.id);
  if (folder.id && ctx.props()[propKey(c)] !== folder.id) ctx.setProps({ [propKey(c)]: folder.id });
}
