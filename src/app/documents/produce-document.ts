// Makes one document's files: the template copied into the customer's folder under its deterministic name, filled
// by ONE Docs batchUpdate, exported to PDF and stored beside it. For a job an earlier run may have started, the
// folder is listed first and whatever it left is adopted: a filled Doc is kept, an unfilled copy is filled (a
// batchUpdate applies all its requests or none), a stored PDF is kept, duplicates go to the trash.
// Google fetches each product picture while it applies the batch and refuses the WHOLE batch when it cannot fetch
// one ("There was a problem retrieving the image…"): the fill is then planned again with the pictures as links to
// their addresses and sent once more — one more batchUpdate, only when a picture failed — and the caller says so.
import type { AppContext } from '../context';
import type { DocsDocument, DocumentRenderer, DriveFile } from '../../ports';
import type { MergeData } from '../../domain/documents/merge-fields';
import { planMerge, type MergePlan } from '../../domain/documents/plan-merge';
import { discoverPlaceholders } from '../../domain/documents/template-syntax';
import type { DocJob } from './doc-journal';
import { GDOC_MIME } from './ensure-default-templates';

export const PDF_MIME = 'application/pdf';

/** The PDF's name: the Doc's, without trailing dots ("… Inc." → "… Inc.pdf"), plus ".pdf". */
export function pdfNameOf(docName: string): string {
  return `${docName.replace(/\.+$/, '')}.pdf`;
}

export interface ResolvedTemplate {
  id: string;
  doc: DocsDocument;
}

export interface ProducedDocument {
  docId: string;
  pdfId: string;
  /** Google could not fetch a product picture: the document links to the pictures instead of showing them. */
  picturesAsLinks: boolean;
}

/** The fill of one copy: the planned requests, and the document they were planned from (for a re-plan). */
interface Fill {
  plan: Pick<MergePlan, 'requests' | 'images'>;
  source: DocsDocument;
}

/** True for the Docs API's refusal of an image it could not fetch (it names the insertInlineImage request). */
export function isImageFetchError(e: unknown): boolean {
  const m = e && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
  const text = typeof m === 'string' ? m : String(e);
  return /\.insertInlineImage\b/.test(text) || /problem retrieving the image/i.test(text);
}

/**
 * Applies `fill` to the copy `docId`; when Docs refuses it for a picture it could not fetch (nothing of the batch is
 * applied then), plans it again with the pictures as links and applies that. True when the pictures became links.
 */
function fillCopy(docs: DocumentRenderer, docId: string, fill: Fill, data: MergeData): boolean {
  try {
    docs.batchUpdate(docId, fill.plan.requests);
    return false;
  } catch (e) {
    if (!fill.plan.images || !isImageFetchError(e)) throw e;
  }
  const retry = planMerge(fill.source, data, { images: false });
  if (retry.report.problems.length) throw new AdoptedCopyError(retry.report.problems.map((p) => p.message.en).join(' '));
  docs.batchUpdate(docId, retry.requests);
  return true;
}

/** Thrown when an adopted copy cannot be filled (its template changed since): the job stays for a later run. */
export class AdoptedCopyError extends Error {
  readonly code = 'ADOPTED_COPY';
}

/**
 * The Doc and PDF of `job` in `folderId` (its customer's folder), filled with `plan` (planned from the template).
 * `fresh`: the job was claimed by this execution, so nothing of it can exist yet and Drive is not listed. Calls for a
 * fresh job: copy, batchUpdate, open + PDF export, create = 5 (6 when a picture could not be fetched).
 */
export function produceDocument(
  ctx: AppContext,
  job: DocJob,
  folderId: string,
  template: ResolvedTemplate,
  plan: Pick<MergePlan, 'requests' | 'images'>,
  data: MergeData,
  fresh: boolean,
): ProducedDocument {
  const { files, docs } = ctx.ports;
  const pdfName = pdfNameOf(job.m);
  let doc: DriveFile | undefined;
  let pdf: DriveFile | undefined;
  if (!fresh) {
    const found = files.listChildren(folderId);
    const docsFound = found.filter((f) => f.name === job.m && f.mimeType === GDOC_MIME);
    const pdfsFound = found.filter((f) => f.name === pdfName && f.mimeType === PDF_MIME);
    doc = docsFound[0];
    // A PDF without its Doc cannot be trusted to match a new fill.
    pdf = doc ? pdfsFound[0] : undefined;
    for (const extra of [...docsFound.slice(1), ...(doc ? pdfsFound.slice(1) : pdfsFound)]) files.trash(extra.id);
  }
  let fill: Fill | null = { plan, source: template.doc };
  if (doc) {
    const current = docs.get(doc.id);
    if (discoverPlaceholders(current).length === 0) fill = null;
    else {
      const again = planMerge(current, data);
      if (again.report.problems.length) throw new AdoptedCopyError(again.report.problems.map((p) => p.message.en).join(' '));
      fill = { plan: again, source: current };
    }
  } else {
    doc = files.copyFile(template.id, job.m, folderId);
  }
  const picturesAsLinks = fill ? fillCopy(docs, doc.id, fill, data) : false;
  pdf ??= files.createFile(pdfName, PDF_MIME, docs.pdf(doc.id, pdfName), folderId);
  return { docId: doc.id, pdfId: pdf.id, picturesAsLinks };
}
