// Writes a generated document into its order row: the number, the links line of the Documents cell, the stage it
// advances (quotation → Quoted, contract → Contracted) with the dates it stamps, the statuses that follow, and a
// note on the number cell saying who made it when. The row is read again right before (another user may have
// added a link meanwhile, or sorted the sheet) and only Gendan's changed cells are written.
import type { AppContext } from '../context';
import type { CellValue } from '../../ports';
import type { LedgerTable, Change } from '../ledger-table';
import { orderFields, type Fields } from '../row-rules';
import { docTypeSpec } from '../../domain/documents/doc-types';
import { formatDocumentLinks, parseDocumentLinks, withDocumentLink, type DocumentLink } from '../../domain/documents/document-links';
import type { MergeData } from '../../domain/documents/merge-fields';
import { docsAppText } from '../../domain/i18n/documents-app';
import { orderStageName } from '../../domain/i18n/status';
import type { OrderRecord } from '../../domain/ledgers/records';
import { orderStageAfterDocument } from '../../domain/status/order-stage';
import { instantToWall, isLocalDate } from '../../domain/time/zone';

export interface RecordedOnOrder {
  row: number;
  stageChanged: boolean;
}

/** "2026-03-02 09:15" in the spreadsheet's zone. */
export function wallMinute(epochMs: number, timeZone: string): string {
  return new Date(instantToWall(epochMs, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Records `link` on the order `orderNo`, expected at `row` (found by its number when the sheet moved). Calls: one
 * read of the row (+ one search when it moved), one write per run of contiguous Gendan columns, one note.
 * Returns null when the order is no longer in the sheet.
 */
export function recordOnOrder(
  ctx: AppContext,
  ledger: LedgerTable<OrderRecord>,
  header: CellValue[],
  expected: { orderNo: string; row: number },
  link: DocumentLink,
  data: MergeData,
  user: string,
): RecordedOnOrder | null {
  let snap = ledger.readRows(expected.row, 1, header);
  let rec = snap.byRow.get(expected.row);
  if (!rec || rec.orderNo.trim() !== expected.orderNo) {
    const noCol = snap.mapping.byKey.orderNo;
    const rows = noCol ? ledger.table.findRows(noCol, expected.orderNo) : [];
    if (!rows.length) return null;
    snap = ledger.readRows(rows[0], 1, header);
    rec = snap.byRow.get(rows[0]);
    if (!rec) return null;
  }
  const row = rec._row;
  const today = ctx.today;
  const spec = docTypeSpec(link.docType);
  const stage = orderStageAfterDocument(rec, link.docType, today, ctx.settings()['quote.validity-days']);
  const fields: Fields<OrderRecord> = {
    [spec.numberField]: link.number,
    documents: formatDocumentLinks(withDocumentLink(parseDocumentLinks(rec.documents), link)),
    stage: stage.stage,
    stageSince: stage.stageSince,
    contractDate: stage.contractDate,
  };
  if (link.docType === 'quotation' && stage.stage !== 'completed' && stage.stage !== 'lost') {
    // A new quotation replaces the earlier one: the row shows the dates printed on it.
    const printed = data.raw['order.quoteValidUntil'];
    fields.quoteDate = today;
    fields.quoteValidUntil = typeof printed === 'string' && isLocalDate(printed) ? printed : stage.quoteValidUntil;
  }
  const after = { ...rec, ...fields } as OrderRecord;
  Object.assign(fields, orderFields(undefined, after, today).fields, { updated: ctx.ports.clock.now() });
  const changes = Object.entries(fields).map(([key, value]) => ({ row, key, value }) as Change<OrderRecord>);
  ledger.write(snap, changes);
  const stageChanged = (rec.stage ?? 'inquiry') !== (stage.stage ?? 'inquiry');
  const lang = ctx.lang;
  let note = docsAppText(lang, 'note.generated', { number: link.number, when: wallMinute(ctx.ports.clock.now(), ctx.timeZone), user });
  if (stageChanged && stage.stage) {
    note += docsAppText(lang, 'note.stage', { from: orderStageName(rec.stage ?? 'inquiry')[lang], to: orderStageName(stage.stage)[lang] });
  }
  const noteCol = snap.mapping.byKey[spec.numberField];
  try {
    if (noteCol) snap.table.setNote(row, noteCol, note);
  } catch (e) {
    // The row already holds the number and links; a lost note is not worth failing the document for.
    ctx.ports.log.error('documents: note not written', e);
  }
  return { row, stageChanged };
}
