// The Docs advanced service (Docs.Documents.get/create/batchUpdate) and a minimal DocumentApp (openById, getAs PDF)
// for the script, over the Docs content kept in the Drive model. Calls are counted in the ledger (class 'docs';
// a batchUpdate's units are its requests).
import type { Execution } from '../env';
import { asGas, count, gasError } from '../services/common';
import { FakeBlob } from '../services/blob';
import { GoogleJsonResponseException, requireAuthorization } from '../drive/api-error';
import { DOC_MIME, driveOf, type DriveFileRecord } from '../drive/model';
import { renderPdf } from '../export/pdf';
import type { DocsApiDocument, DocsApiTabbedDocument } from './api-types';
import { DocsPayloadError, DocsRequestError, applyRequests } from './edit';
import { emptyDoc, readOnlyApiDocument, revisionId, toApiDocument } from './model';

type DocumentsCollection = GoogleAppsScript.Docs.Collection.DocumentsCollection;
type SchemaDocument = GoogleAppsScript.Docs.Schema.Document;
type BatchUpdateRequest = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest;
type BatchUpdateResponse = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse;

const PDF = 'application/pdf';

/** The document of a Drive record, as Documents.get returns it. */
export function apiDocumentOf(rec: DriveFileRecord): DocsApiDocument {
  if (!rec.doc) throw new Error(`${rec.name} is not a Google Doc`);
  return toApiDocument(rec.id, rec.name, rec.doc);
}

function tabbed(doc: DocsApiDocument): DocsApiTabbedDocument {
  const { body, documentStyle, inlineObjects, ...rest } = doc;
  const documentTab: DocsApiTabbedDocument['tabs'][number]['documentTab'] = { body, documentStyle };
  if (inlineObjects) documentTab.inlineObjects = inlineObjects;
  return { ...rest, tabs: [{ tabProperties: { tabId: 't.0', title: 'Tab 1', index: 0 }, documentTab }] };
}

export class FakeDocuments implements Pick<DocumentsCollection, 'get' | 'create' | 'batchUpdate'> {
  constructor(private readonly ex: Execution) {}

  private begin(method: 'get' | 'create' | 'batchUpdate', units = 0): void {
    const scopes = driveOf(this.ex.env).scopes;
    requireAuthorization(this.ex, `Docs.Documents.${method}`, 'documents', scopes.includes('documents') || scopes.includes('drive.file'));
    count(this.ex, 'Docs', `Documents.${method}`, 'docs', units);
  }

  /** The document the app may open for this user, or the API's 404 / 403 / 400. */
  private open(call: string, documentId: unknown): DriveFileRecord {
    const m = driveOf(this.ex.env);
    const user = this.ex.user.email;
    const rec = m.files.get(String(documentId));
    if (!rec || !m.userCanAccess(rec, user)) throw new GoogleJsonResponseException(call, 404, 'Requested entity was not found.', 'notFound');
    if (rec.mimeType !== DOC_MIME || !rec.doc) throw new GoogleJsonResponseException(call, 400, 'This operation is not supported for this document', 'failedPrecondition');
    if (!m.appCanOpenDoc(rec, user)) throw new GoogleJsonResponseException(call, 403, 'The caller does not have permission', 'forbidden');
    return rec;
  }

  get(documentId: string): SchemaDocument;
  get(documentId: string, optionalArgs: object): SchemaDocument;
  get(documentId: string, optionalArgs: object = {}): SchemaDocument {
    this.begin('get');
    const rec = this.open('docs.documents.get', documentId);
    const doc = apiDocumentOf(rec);
    const args = optionalArgs as { includeTabsContent?: unknown };
    return (args.includeTabsContent === true ? tabbed(doc) : doc) as SchemaDocument;
  }

  create(resource: SchemaDocument): SchemaDocument {
    this.begin('create');
    const title = typeof resource?.title === 'string' && resource.title ? resource.title : 'Untitled document';
    const rec = driveOf(this.ex.env).add({ name: title, mimeType: DOC_MIME, owner: this.ex.user.email, origin: 'app', doc: emptyDoc() });
    return apiDocumentOf(rec) as SchemaDocument;
  }

  batchUpdate(resource: BatchUpdateRequest, documentId: string): BatchUpdateResponse {
    const call = 'docs.documents.batchUpdate';
    const requests: unknown = resource?.requests;
    this.begin('batchUpdate', Array.isArray(requests) ? requests.length : 0);
    const rec = this.open(call, documentId);
    if (!Array.isArray(requests)) throw new GoogleJsonResponseException(call, 400, "Invalid JSON payload received. 'requests' must be a list.");
    const required = resource.writeControl?.requiredRevisionId;
    if (required && rec.doc && required !== revisionId(rec.doc)) {
      throw new GoogleJsonResponseException(call, 400, `The required revision ID ${required} does not match the latest revision ID ${revisionId(rec.doc)}.`, 'failedPrecondition');
    }
    let result: ReturnType<typeof applyRequests>;
    try {
      result = applyRequests(rec.doc ?? emptyDoc(), requests);
    } catch (e) {
      if (e instanceof DocsRequestError || e instanceof DocsPayloadError) throw new GoogleJsonResponseException(call, 400, e.message, 'badRequest');
      throw e;
    }
    rec.doc = result.doc;
    rec.modifiedTime = driveOf(this.ex.env).now();
    rec.version++;
    return { documentId: rec.id, replies: result.replies, writeControl: { requiredRevisionId: revisionId(result.doc) } };
  }
}

type DocumentApi = Pick<GoogleAppsScript.Document.Document, 'getAs' | 'getBlob' | 'getName' | 'getId' | 'getUrl' | 'saveAndClose'>;

export class FakeDocument implements DocumentApi {
  private closed = false;

  constructor(private readonly ex: Execution, private readonly rec: DriveFileRecord) {}

  private c(method: string, cls: 'handle' | 'docs' = 'handle'): void {
    count(this.ex, 'DocumentApp', `Document.${method}`, cls);
  }

  private pdf(): FakeBlob {
    if (!this.rec.doc) throw new Error(`${this.rec.name} is not a Google Doc`);
    // Rendered from the model's own styles: the exporter only reads them.
    const doc = readOnlyApiDocument(this.rec.id, this.rec.name, this.rec.doc);
    return new FakeBlob(renderPdf(doc, { creationDate: new Date(this.ex.env.now) }), PDF, `${this.rec.name}.pdf`, this.ex);
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.c('getAs', 'docs');
    if (contentType !== PDF) throw gasError(`Converting from ${DOC_MIME} to ${contentType} is not supported.`);
    return asGas(this.pdf());
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    this.c('getBlob', 'docs');
    return asGas(this.pdf());
  }
  getName(): string {
    this.c('getName');
    return this.rec.name;
  }
  getId(): string {
    this.c('getId');
    return this.rec.id;
  }
  getUrl(): string {
    this.c('getUrl');
    return `https://docs.google.com/open?id=${this.rec.id}`;
  }
  saveAndClose(): void {
    this.c('saveAndClose', 'docs');
    this.closed = true;
  }
  isClosed(): boolean {
    return this.closed;
  }
}

export class FakeDocumentApp implements Pick<GoogleAppsScript.Document.DocumentApp, 'openById'> {
  constructor(private readonly ex: Execution) {}

  openById(id: string): GoogleAppsScript.Document.Document {
    const m = driveOf(this.ex.env);
    requireAuthorization(this.ex, 'DocumentApp.openById', 'documents', m.scopes.includes('documents'));
    count(this.ex, 'DocumentApp', 'DocumentApp.openById', 'docs');
    const rec = m.files.get(String(id));
    if (!rec || rec.mimeType !== DOC_MIME || !rec.doc || !m.appCanOpenDoc(rec, this.ex.user.email)) {
      throw gasError("Document is missing (perhaps it was deleted, or you don't have read access?)");
    }
    return asGas(new FakeDocument(this.ex, rec));
  }
}

export function makeDocsService(ex: Execution): { Documents: FakeDocuments } {
  return { Documents: new FakeDocuments(ex) };
}
