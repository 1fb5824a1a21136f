// Makes one document's files: the template copied into the customer's folder under its deterministic name, filled
// by ONE Docs batchUpdate, exported to PDF and stored beside it. For a job an earlier run may have started, the
// folder is listed first and whatever it left is adopted: a filled Doc is kept, an unfilled copy is filled (a
// batchUpdate applies all its requests or none), a stored PDF is kept, duplicates go to the trash.
import type { AppContext } from '../context';
import type { DocsDocument, DocsRequest, DriveFile } from '../../ports';
import type { MergeData } from '../../domain/documents/merge-fields';
import { planMerge } from '../../domain/documents/plan-merge';
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
}

/** Thrown when an adopted copy cannot be filled (its template changed since): the job stays for a later run. */
export class AdoptedCopyError extends Error {
  readonly code = 'ADOPTED_COPY';
}

/**
 * The Doc and PDF of `job` in `folderId` (its customer's folder). `fresh`: the job was claimed by this execution,
 * so nothing of it can exist yet and Drive is not listed. Calls for a fresh job: copy, batchUpdate, open + PDF export, create = 5.
 */
export function produceDocument(
  ctx: AppContext,
  job: DocJob,
  folderId: string,
  template: ResolvedTemplate,
  requests: DocsRequest[],
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
  let fill: DocsRequest[] | null = requests;
  if (doc) {
    const current = docs.get(doc.id);
    if (discoverPlaceholders(current).length === 0) fill = null;
    else {
      const plan = planMerge(current, data);
      if (plan.report.problems.length) throw new AdoptedCopyError(plan.report.problems.map((p) => p.message.en).join(' '));
      fill = plan.requests;
    }
  } else {
    doc = files.copyFile(template.id, job.m, folderId);
  }
  if (fill) docs.batchUpdate(doc.id, fill);
  pdf ??= files.createFile(pdfName, PDF_MIME, docs.pdf(doc.id, pdfName), folderId);
  return { docId: doc.id, pdfId: pdf.id };
}
