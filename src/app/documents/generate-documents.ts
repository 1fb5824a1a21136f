// Generating documents for the selected orders, as one batch: read the ledgers once, validate every order first
// (an order with missing data or a template problem gets nothing and is reported at the end), claim numbers under
// the document lock (recorded in the user's journal in the same write), then make each document and record it on
// its order. A batch that would outrun the time limit stops between two documents, keeps its state in the journal
// and continues in a one-off trigger; a run that crashed is finished by the next run of the same user. The whole
// batch holds the user's lock, so two executions of one user never work on the same job.
import type { AppContext } from '../context';
import { LockBusy, type CellValue } from '../../ports';
import type { LedgerTable } from '../ledger-table';
import { DocumentData } from './document-data';
import { counterKey, NUMBERING_LOCK_MS, seriesOf } from '../assign-numbers';
import { documentLanguage, docTypeSpec, type DocType } from '../../domain/documents/doc-types';
import { parseDocumentLinks } from '../../domain/documents/document-links';
import { buildMergeData, withDocNo, type MergeData } from '../../domain/documents/merge-fields';
import { planMerge } from '../../domain/documents/plan-merge';
import { appText } from '../../domain/i18n/app';
import { tDoc } from '../../domain/i18n/documents';
import { docsAppText, type DocumentsAppMessageId } from '../../domain/i18n/documents-app';
import type { Lang, Message } from '../../domain/i18n/i18n';
import { LEDGERS } from '../../domain/ledgers/index';
import type { OrderRecord } from '../../domain/ledgers/records';
import { nextNumbers, type NumberSeriesKey } from '../../domain/numbering';
import { templateFor, type Settings } from '../../domain/settings';
import { textToHtml } from '../../domain/reminders/render';
import { templateProblems } from './choose-template';
import { allJournals, capped, journalOwner, journalProps, readJournal, type BatchState, type DocJob, type DocJournal } from './doc-journal';
import { documentSettingsOf } from './document-settings-of';
import { ensureDefaultTemplates, FOLDER_MIME, GDOC_MIME, storedDefaultTemplates, templateKey, type TemplateKey } from './ensure-default-templates';
import { produceDocument, type ResolvedTemplate } from './produce-document';
import { recordOnOrder, wallMinute } from './record-on-order';
import { selectedOrders } from './select-orders';

/** The registry function the continuation trigger runs. */
export const CONTINUE_HANDLER = 'triggerContinueDocuments';
/** Work stops starting documents when this much of the 6-minute limit could be used (a minute of margin). */
export const BATCH_BUDGET_MS = 300_000;
/** Kept for the report, the journal write and the trigger at the end. */
const END_RESERVE_MS = 20_000;
const CONTINUE_AFTER_MS = 60_000;
/** A continuation run first schedules the next one this far ahead (past its own end): if it dies, that one goes on. */
const SAFETY_AFTER_MS = 7 * 60_000;
/** Another user's claim younger than this is a run in progress (no execution outlives 6 minutes). */
const LEASE_MS = 7 * 60_000;
const PROGRESS_EVERY_MS = 45_000;
export const MAX_ORDERS_PER_BATCH = 500;
const USER_LOCK_MS = 3_000;
const DEFAULT_OUTPUT_FOLDER = 'Gendan documents';

const SERIES: Record<DocType, NumberSeriesKey> = {
  quotation: 'quotation',
  contract: 'contract',
  'purchase-order': 'purchaseOrder',
  'shipping-notice': 'shippingNotice',
  invoice: 'invoice',
};

export interface BatchOutcome {
  generated: string[];
  /** One line per order not generated, in the user's language. */
  problems: string[];
  /** One line per document made with something to know (its pictures became links), in the user's language. */
  notices: string[];
  /** Jobs left in the journal: continued by the trigger (checkpoint) or by the next run (failures). */
  remaining: number;
  checkpoint: boolean;
}

interface Problem {
  order: string;
  row?: number;
  type: DocType;
  message: Message;
}

interface Loaded {
  settings: Settings;
  orders: LedgerTable<OrderRecord>;
  header: CellValue[];
  /** The orders, lines, customers and products of the batch, read and parsed as far as it needs. */
  docs: DocumentData;
}

interface ValidOrder {
  order: OrderRecord;
  lang: Lang;
  /** The customer's name: names the folder and, after the number, the files. */
  customerName: string;
}

type TemplateSlot = { ok: ResolvedTemplate } | { problem: Message };

/** The message of anything thrown, whatever realm made it. */
export function errorText(e: unknown): string {
  const m = e && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : String(e);
}

const both = (id: DocumentsAppMessageId, vars?: (lang: Lang) => Record<string, string | number>): Message => ({
  en: docsAppText('en', id, vars?.('en')),
  zh: docsAppText('zh', id, vars?.('zh')),
});

/** Names safe and short enough for Drive: whitespace collapsed, at most 120 characters. */
function driveName(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 120).trim();
}

/** This user's lock is held: by another batch of theirs (a click, or the trigger continuing a long batch). */
export class OwnBatchRunning extends Error {
  readonly code = 'OWN_BATCH_RUNNING';
}

/** Runs `fn` under the user's lock; failing to get that lock (not another lock inside) is OwnBatchRunning. */
function asThisUser<T>(ctx: AppContext, fn: () => T): T {
  let entered = false;
  try {
    return ctx.ports.lock.withUserLock(USER_LOCK_MS, () => {
      entered = true;
      return fn();
    });
  } catch (e) {
    if (!entered && e instanceof LockBusy) throw new OwnBatchRunning(e.message);
    throw e;
  }
}

/** Generates `docType` for the orders selected on Orders or Order lines (and finishes this user's leftover jobs). */
export function generateDocuments(ctx: AppContext, docType: DocType): BatchOutcome {
  const started = ctx.ports.clock.now();
  return asThisUser(ctx, () => new DocumentBatch(ctx, started, true).start(docType));
}

/**
 * The one-off trigger's run: first schedules the trigger that takes over should this run die (before anything
 * that can fail), removes the one that fired, and goes on with the user's journal.
 */
export function continueDocuments(ctx: AppContext, triggerUid?: string): BatchOutcome {
  const started = ctx.ports.clock.now();
  const safety = ctx.ports.triggers.addOnce(CONTINUE_HANDLER, SAFETY_AFTER_MS).id;
  if (triggerUid) ctx.ports.triggers.remove(triggerUid);
  return asThisUser(ctx, () => new DocumentBatch(ctx, started, false, safety).resume(triggerUid));
}

class DocumentBatch {
  private readonly user: string;
  private owner: string;
  private readonly uiLang: Lang;
  private loaded: Loaded | null = null;
  private readonly templates = new Map<TemplateKey, TemplateSlot>();
  /** Merge data built while validating, by order, type and language: the number is the only thing that differs. */
  private readonly merged = new Map<string, MergeData>();
  private defaults: Partial<Record<TemplateKey, string>> | null = null;
  private journal: DocJournal = { jobs: [], batch: null };
  private journalBefore = '';
  /** The output folder's customer folders, by name: listed once, made when missing. */
  private folders: Map<string, string> | null = null;
  private rootFolder = '';
  /** The document properties as last read or written, for the journal's chunk bookkeeping. */
  private written: Record<string, string> = {};
  /** Numbers claimed by this execution: nothing of them can exist in Drive yet. */
  private readonly fresh = new Set<string>();
  /** Numbers finished, or dropped because their order can no longer get a document. */
  private readonly closed = new Set<string>();
  private readonly generated: string[] = [];
  private readonly problems: Problem[] = [];
  /** Documents whose pictures Google could not fetch (made with links to them instead), by number. */
  private readonly picturesAsLinks: string[] = [];
  private earlier: BatchState | null = null;
  private checkpoint = false;
  private lastToast: number;
  constructor(
    private readonly ctx: AppContext,
    private readonly started: number,
    private readonly interactive: boolean,
    /** In a continuation run, the trigger scheduled in case this run dies. */
    private readonly safety?: string,
  ) {
    this.user = ctx.ports.user.email();
    this.owner = journalOwner(this.user);
    this.uiLang = ctx.userLang;
    this.lastToast = started;
  }

  private get data(): Loaded {
    if (!this.loaded) throw new Error('documents: ledgers not loaded');
    return this.loaded;
  }

  // ---- the two ways in ----

  start(docType: DocType): BatchOutcome {
    const lang = this.uiLang;
    const title = tDoc(lang, `doc.${docType}.name`);
    const data = this.load(docType);
    const sel = selectedOrders(this.ctx, this.ctx.ports.workbook.selection(), (rows) => data.docs.ordersAt(rows), (rows) => data.docs.linesAt(rows));
    if (!sel || (!sel.orderNos.length && !sel.unnumberedRows.length)) {
      this.ctx.ports.ui.alert(title, docsAppText(lang, 'gen.noOrders'));
      return this.outcome();
    }
    if (sel.orderNos.length > MAX_ORDERS_PER_BATCH) {
      this.ctx.ports.ui.alert(title, docsAppText(lang, 'gen.tooMany', { max: MAX_ORDERS_PER_BATCH }));
      return this.outcome();
    }
    for (const row of sel.unnumberedRows) this.problems.push({ order: '—', row, type: docType, message: both('gen.noOrderNo') });
    if (sel.orderNos.length) this.toast(docsAppText(lang, 'gen.starting', { count: sel.orderNos.length, doc: title }));
    data.docs.prepare(sel.orderNos);
    const valid: ValidOrder[] = [];
    for (const no of sel.orderNos) {
      const v = this.validate(no, docType);
      if (v) valid.push(v);
    }
    this.claim(valid, docType);
    this.process();
    return this.finish(docType);
  }

  resume(triggerUid?: string): BatchOutcome {
    // Read under the user's lock: only this user's executions write this user's journal.
    const props = this.ctx.ports.docProps.getAll();
    this.written = { ...props };
    let journal = readJournal(props, this.owner);
    if (!journal.jobs.length && !journal.batch && triggerUid) {
      // Apps Script may not tell a trigger who the user is: the journal that scheduled this trigger is ours.
      for (const [owner, j] of allJournals(props)) {
        if (j.batch?.trigger === triggerUid) {
          this.owner = owner;
          journal = j;
        }
      }
    }
    this.journal = journal;
    this.journalBefore = JSON.stringify(journal);
    this.earlier = journal.batch;
    const type = journal.batch?.type ?? journal.jobs[0]?.t;
    if (!type) {
      if (this.safety) this.ctx.ports.triggers.remove(this.safety);
      return this.outcome();
    }
    this.load(type);
    this.process();
    return this.finish(type);
  }

  // ---- reading ----

  private load(docType: DocType): Loaded {
    const ctx = this.ctx;
    // Read the Settings sheet itself: a document printed from a stale cache of the company or bank is worse than
    // one more read per batch.
    const settings = ctx.reloadSettings().settings;
    const orders = ctx.ledger('orders');
    if (!orders) throw new Error(appText(this.uiLang, 'check.missingSheet', { sheet: LEDGERS.orders.sheet[this.uiLang] }));
    const docs = DocumentData.open(
      { orders, lines: ctx.ledger('orderLines'), customers: ctx.ledger('customers'), products: ctx.ledger('products') },
      { timeZone: ctx.timeZone, locale: ctx.locale },
    );
    for (const key of [docTypeSpec(docType).numberField, 'documents'] as const) {
      if (docs.ordersMapping.byKey[key] === undefined) {
        const column = orders.column(key)?.header[this.uiLang] ?? key;
        throw new Error(docsAppText(this.uiLang, 'gen.missingColumn', { column }));
      }
    }
    this.loaded = { settings, orders, header: docs.ordersHeader, docs };
    return this.loaded;
  }

  private languageOf(order: OrderRecord, type: DocType): Lang {
    const spec = docTypeSpec(type);
    const factory = spec.defaultLanguage === 'zh' ? this.data.settings['factory-documents.language'] : undefined;
    return documentLanguage(type, this.data.docs.customer(order.customer), factory);
  }

  /** The order's merge data with `docNo`, built once per order, type and language in this execution. */
  private mergeData(order: OrderRecord, type: DocType, lang: Lang, docNo: string): MergeData {
    const key = `${order._row}\u0000${type}\u0000${lang}`;
    const known = this.merged.get(key);
    if (known) return withDocNo(known, docNo);
    const d = this.data;
    const no = order.orderNo.trim();
    const data = buildMergeData({
      docType: type,
      lang,
      order,
      lines: d.docs.linesOf(no),
      customer: d.docs.customer(order.customer) ?? null,
      products: d.docs.productsFor([no]),
      settings: documentSettingsOf(d.settings, lang),
      today: this.ctx.today,
      docNo,
    });
    this.merged.set(key, data);
    return data;
  }

  /** The template of a type and language, read once per execution: the one named in Settings, else the default. */
  private template(type: DocType, lang: Lang): TemplateSlot {
    const key = templateKey(type, lang);
    const memo = this.templates.get(key);
    if (memo) return memo;
    const { files, docs } = this.ctx.ports;
    const vars = (l: Lang) => ({ doc: tDoc(l, `doc.${type}.name`), lang: docsAppText(l, `gen.lang.${lang}`) });
    let slot: TemplateSlot;
    const chosen = templateFor(this.data.settings, type, lang);
    let id: string | undefined;
    if (chosen) {
      const file = files.findFile(chosen);
      id = file && file.mimeType === GDOC_MIME ? file.id : undefined;
    } else {
      this.defaults ??= storedDefaultTemplates(this.ctx);
      const known = this.defaults[key];
      id = known && files.findFile(known) ? known : ensureDefaultTemplates(this.ctx, [key]).ids[key];
    }
    if (!id) {
      slot = { problem: both('gen.templateUnreadable', vars) };
    } else {
      const doc = docs.get(id);
      const problems = templateProblems(doc, type, lang);
      slot = problems.length
        ? { problem: both('gen.templateProblem', (l) => ({ ...vars(l), message: problems.map((p) => p.message[l]).join(' ') })) }
        : { ok: { id, doc } };
    }
    this.templates.set(key, slot);
    return slot;
  }

  // ---- before any document: validate, folders, numbers ----

  private validate(orderNo: string, type: DocType): ValidOrder | null {
    const order = this.data.docs.order(orderNo);
    if (!order) {
      this.problems.push({ order: orderNo, type, message: both('gen.orderGone') });
      return null;
    }
    const lang = this.languageOf(order, type);
    const slot = this.template(type, lang);
    if ('problem' in slot) {
      this.problems.push({ order: orderNo, row: order._row, type, message: slot.problem });
      return null;
    }
    const data = this.mergeData(order, type, lang, `${docTypeSpec(type).defaultPrefix}-PREVIEW`);
    const plan = planMerge(slot.ok.doc, data);
    if (plan.report.problems.length) {
      const message = { en: plan.report.problems.map((p) => p.message.en).join(' '), zh: plan.report.problems.map((p) => p.message.zh).join(' ') };
      this.problems.push({ order: orderNo, row: order._row, type, message });
      return null;
    }
    const customerName = driveName(this.data.docs.customer(order.customer)?.name || order.customer || '');
    return { order, lang, customerName };
  }

  /**
   * The customer folder named `name` in the output folder: the output folder found (or made) and listed once per
   * execution, a customer folder made only the first time that customer gets a document.
   */
  private folderId(name: string): string {
    const { files } = this.ctx.ports;
    if (!this.folders) {
      const root = files.ensureFolder(driveName(this.data.settings['drive.folder'] || DEFAULT_OUTPUT_FOLDER), 'root');
      this.rootFolder = root.id;
      this.folders = new Map<string, string>();
      for (const f of files.listChildren(root.id, FOLDER_MIME)) if (!this.folders.has(f.name)) this.folders.set(f.name, f.id);
    }
    let id = this.folders.get(name);
    if (!id) {
      id = files.ensureFolder(name, this.rootFolder).id;
      this.folders.set(name, id);
    }
    return id;
  }

  /**
   * Under the document lock: the user's journal and the counters read fresh, a job re-used for an order this user
   * already has one for (an interrupted run), new numbers for the others, all written in ONE setProperties.
   */
  private claim(valid: ValidOrder[], type: DocType): void {
    const ctx = this.ctx;
    const now = ctx.ports.clock.now();
    if (!valid.length) {
      const props = ctx.ports.docProps.getAll();
      this.written = { ...props };
      this.journal = readJournal(props, this.owner);
      this.journalBefore = JSON.stringify(this.journal);
      this.earlier = this.journal.batch;
      return;
    }
    ctx.ports.lock.withDocumentLock(NUMBERING_LOCK_MS, () => {
      const props = ctx.ports.docProps.getAll();
      const journal = readJournal(props, this.owner);
      this.earlier = journal.batch;
      const others = new Map<string, { user: string; at: number }>();
      const taken: string[] = [];
      for (const [owner, j] of allJournals(props)) {
        for (const job of j.jobs) {
          taken.push(job.n);
          if (owner !== this.owner) others.set(`${job.o}\u0000${job.t}`, { user: owner, at: job.a });
        }
      }
      const need: ValidOrder[] = [];
      for (const v of valid) {
        const no = v.order.orderNo.trim();
        const mine = journal.jobs.find((j) => j.o === no && j.t === type);
        const other = others.get(`${no}\u0000${type}`);
        if (mine) mine.a = now;
        else if (other && now - other.at < LEASE_MS) {
          this.problems.push({ order: no, row: v.order._row, type, message: both('gen.busyOther', (l) => ({ doc: tDoc(l, `doc.${type}.name`), user: other.user })) });
        } else need.push(v);
      }
      const values: Record<string, string> = {};
      if (need.length) {
        const series = seriesOf(ctx, SERIES[type]);
        const year = Number(ctx.today.slice(0, 4));
        const prop = counterKey(series, series.yearly ? year : null);
        const stored = props[prop];
        const field = docTypeSpec(type).numberField;
        const existing = [...this.data.docs.numbers(field), ...taken];
        const { numbers, counter } = nextNumbers(series, year, existing, stored === undefined || stored === '' ? null : Number(stored), need.length);
        values[prop] = String(counter);
        need.forEach((v, i) => {
          const n = numbers[i];
          this.fresh.add(n);
          journal.jobs.push({ n, o: v.order.orderNo.trim(), t: type, l: v.lang, f: v.customerName || '—', m: driveName(`${n} ${v.customerName}`), a: now });
        });
      }
      this.journal = journal;
      Object.assign(values, journalProps(journal, this.owner, props));
      ctx.ports.docProps.setAll(values);
      this.written = { ...props, ...values };
      this.journalBefore = JSON.stringify(journal);
    });
  }

  // ---- the documents ----

  private process(): void {
    const clock = this.ctx.ports.clock;
    let longest = 0;
    let processed = 0;
    const queue = this.journal.jobs.slice();
    // Jobs an earlier run left are for orders the selection may not name: parsed with the others, in one pass.
    this.data.docs.prepare(queue.map((j) => j.o));
    for (const job of queue) {
      const now = clock.now();
      const lines = this.data.docs.lineCount(job.o);
      // Modeled from the cost of a copy, a fill, an export and a store, plus the fill's size.
      const estimate = Math.max(8_000 + 40 * lines, longest * 1.25);
      if (processed > 0 && now - this.started + estimate + END_RESERVE_MS > BATCH_BUDGET_MS) {
        this.checkpoint = true;
        break;
      }
      if (processed > 0 && now - this.lastToast >= PROGRESS_EVERY_MS) {
        const before = this.earlierDone();
        this.toast(docsAppText(this.batchLang(), 'gen.progress', { done: before + this.generated.length, total: before + queue.length }));
      }
      this.processJob(job);
      processed++;
      longest = Math.max(longest, clock.now() - now);
    }
  }

  private processJob(job: DocJob): void {
    const order = this.data.docs.order(job.o);
    if (!order) {
      this.drop(job, { order: job.o, type: job.t, message: both('gen.orderGone') });
      return;
    }
    if (parseDocumentLinks(order.documents).some((l) => l.number === job.n)) {
      // An earlier run finished it and was interrupted before it could close the job.
      this.generated.push(job.n);
      this.closed.add(job.n);
      return;
    }
    const slot = this.template(job.t, job.l);
    if ('problem' in slot) {
      this.drop(job, { order: job.o, row: order._row, type: job.t, message: slot.problem });
      return;
    }
    const data = this.mergeData(order, job.t, job.l, job.n);
    const plan = planMerge(slot.ok.doc, data);
    if (plan.report.problems.length) {
      const message = { en: plan.report.problems.map((p) => p.message.en).join(' '), zh: plan.report.problems.map((p) => p.message.zh).join(' ') };
      this.drop(job, { order: job.o, row: order._row, type: job.t, message });
      return;
    }
    try {
      const out = produceDocument(this.ctx, job, this.folderId(job.f), slot.ok, plan, data, this.fresh.has(job.n));
      if (out.picturesAsLinks) this.picturesAsLinks.push(job.n);
      const link = { docType: job.t, number: job.n, docId: out.docId, pdfId: out.pdfId };
      const recorded = recordOnOrder(this.ctx, this.data.orders, this.data.header, { orderNo: job.o, row: order._row }, link, data, this.user || this.owner);
      if (!recorded) {
        this.drop(job, { order: job.o, type: job.t, message: both('gen.orderGone') });
        return;
      }
      this.generated.push(job.n);
      this.closed.add(job.n);
    } catch (e) {
      // The job stays in the journal: the next run adopts what this one made and finishes it.
      const message = errorText(e);
      this.problems.push({
        order: job.o,
        row: order._row,
        type: job.t,
        message: both('gen.failed', (l) => ({ doc: tDoc(l, `doc.${job.t}.name`), number: job.n, message })),
      });
    }
  }

  /** A job whose order can no longer get its document: reported, and its number is never used again. */
  private drop(job: DocJob, problem: Problem): void {
    this.problems.push(problem);
    this.closed.add(job.n);
  }

  // ---- the end ----

  /** Documents the batch had made in earlier executions. */
  private earlierDone(): number {
    return this.earlier ? this.earlier.done ?? this.earlier.generated.length : 0;
  }

  private batchLang(): Lang {
    return this.journal.batch?.lang ?? this.earlier?.lang ?? this.uiLang;
  }

  private problemLine(p: Problem, lang: Lang): string {
    const message = p.message[lang];
    return p.row ? docsAppText(lang, 'gen.problem', { order: p.order, row: p.row, message }) : `${p.order}: ${message}`;
  }

  private toast(message: string): void {
    this.ctx.ports.workbook.toast(message, appText(this.batchLang(), 'app.name'));
    this.lastToast = this.ctx.ports.clock.now();
  }

  /**
   * Notes on the rows not generated, the report (toast and list, or a summary mail when the batch ends in a
   * trigger), the continuation trigger, and LAST the journal: once it says a job is closed, nothing may fail
   * after it, or a re-run would take a finished request for a new one.
   */
  private finish(type: DocType): BatchOutcome {
    const ctx = this.ctx;
    const lang = this.batchLang();
    const remaining = this.journal.jobs.filter((j) => !this.closed.has(j.n));
    const mapping = this.data.docs.ordersMapping;
    const when = wallMinute(ctx.ports.clock.now(), ctx.timeZone);
    const noted = new Set<string>();
    for (const p of this.problems) {
      const col = mapping.byKey[docTypeSpec(p.type).numberField];
      if (!p.row || !col || noted.has(`${p.row},${col}`)) continue;
      noted.add(`${p.row},${col}`);
      try {
        this.data.orders.table.setNote(p.row, col, docsAppText(ctx.lang, 'note.failed', { doc: tDoc(ctx.lang, `doc.${p.type}.name`), when, message: p.message[ctx.lang] }));
      } catch (e) {
        ctx.ports.log.error('documents: note not written', e);
      }
    }
    const done = this.earlierDone() + this.generated.length;
    const generated = capped([...(this.earlier?.generated ?? []), ...this.generated]);
    const problems = [...new Set([...(this.earlier?.problems ?? []), ...this.problems.map((p) => this.problemLine(p, lang))])];
    const notices = [...new Set([...(this.earlier?.notices ?? []), ...this.picturesAsLinks.map((n) => docsAppText(lang, 'gen.picturesAsLinks', { number: n }))])];
    const title = tDoc(lang, `doc.${type}.name`);
    let trigger: string | undefined;
    const pending = this.earlier?.trigger;
    if (this.checkpoint) {
      const listed = !this.safety && pending ? ctx.ports.triggers.list().some((t) => t.id === pending) : false;
      trigger = this.safety ?? (listed ? pending : ctx.ports.triggers.addOnce(CONTINUE_HANDLER, CONTINUE_AFTER_MS).id);
      this.toast(docsAppText(lang, 'gen.checkpoint', { done, total: done + remaining.length }));
    } else {
      // Jobs that failed again without any progress wait for the user's next run rather than retrying forever.
      if (this.safety && (!remaining.length || !this.generated.length)) ctx.ports.triggers.remove(this.safety);
      if (pending && this.interactive) ctx.ports.triggers.remove(pending);
      this.report(title, done, generated, problems, notices, lang);
    }
    const journal: DocJournal = {
      jobs: remaining,
      batch: this.checkpoint
        ? {
            id: this.earlier?.id ?? String(this.started),
            type,
            lang,
            total: done + remaining.length,
            done,
            generated,
            problems: capped(problems),
            ...(notices.length ? { notices: capped(notices) } : {}),
            started: this.earlier?.started ?? this.started,
            trigger,
          }
        : null,
    };
    if (JSON.stringify(journal) !== this.journalBefore) {
      ctx.ports.docProps.setAll(journalProps(journal, this.owner, this.written));
    }
    this.journal = journal;
    return { generated, problems, notices, remaining: remaining.length, checkpoint: this.checkpoint };
  }

  private report(title: string, count: number, generated: string[], problems: string[], notices: string[], lang: Lang): void {
    const ctx = this.ctx;
    const shown = generated.length > 12 ? `${generated.slice(0, 12).join(', ')}, …` : generated.join(', ');
    const summary = count ? docsAppText(lang, 'gen.done', { count, numbers: shown }) : docsAppText(lang, 'gen.none');
    const list = problems.length ? `${docsAppText(lang, 'gen.problemsIntro', { count: problems.length })}\n\n${problems.join('\n')}` : '';
    const notes = notices.length ? `${docsAppText(lang, 'gen.noticesIntro', { count: notices.length })}\n\n${notices.join('\n')}` : '';
    if (this.interactive) {
      if (count || !problems.length) this.toast(summary);
      // One alert for both: the orders not generated, and the documents made with links instead of pictures.
      if (problems.length || notices.length) {
        const heading = docsAppText(lang, problems.length ? 'gen.problemsTitle' : 'gen.noticesTitle');
        ctx.ports.ui.alert(`${title}: ${heading}`, [list, notes].filter(Boolean).join('\n\n'));
      }
      return;
    }
    this.toast(summary);
    const to = this.user || (this.owner.includes('@') ? this.owner : '');
    if (!to) return;
    try {
      if (ctx.ports.mailer.remainingQuota() < 1) return;
      const text = [docsAppText(lang, 'gen.summaryBody', { count, numbers: generated.join(', ') || '—' }), list, notes].filter(Boolean).join('\n\n');
      ctx.ports.mailer.send({ to, subject: docsAppText(lang, 'gen.summaryTitle', { doc: title }), text, html: textToHtml(text) });
    } catch (e) {
      // The documents and notes are there; a lost summary mail must not undo the batch's bookkeeping.
      ctx.ports.log.error('documents: summary mail failed', e);
    }
  }

  private outcome(): BatchOutcome {
    return { generated: [], problems: this.problems.map((p) => this.problemLine(p, this.uiLang)), notices: [], remaining: 0, checkpoint: false };
  }
}
