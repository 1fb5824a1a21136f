// The documents feature's exposed functions and menu: Generate <document> for the selected orders, the trigger that
// continues a long batch, Email document to customer, the default templates and the template picker dialog.
import type { MenuSection } from '../menu';
import { withContext } from '../run';
import type { AppContext } from '../../app/context';
import { chooseTemplate, docUrl, type ChooseTemplateResult } from '../../app/documents/choose-template';
import { ensureDefaultTemplates, TEMPLATES_FOLDER } from '../../app/documents/ensure-default-templates';
import { emailDocument, type EmailOutcome } from '../../app/documents/email-document';
import { continueDocuments, generateDocuments, OwnBatchRunning, type BatchOutcome } from '../../app/documents/generate-documents';
import { DOC_TYPES, type DocType } from '../../domain/documents/doc-types';
import { tDoc } from '../../domain/i18n/documents';
import { docsAppText, DOCUMENTS_APP_MESSAGES } from '../../domain/i18n/documents-app';
import { appText } from '../../domain/i18n/app';
import { templateFor } from '../../domain/settings';

function generate(ctx: AppContext, type: DocType): BatchOutcome | undefined {
  try {
    return generateDocuments(ctx, type);
  } catch (e) {
    if (!(e instanceof OwnBatchRunning)) throw e;
    ctx.ports.workbook.toast(docsAppText(ctx.userLang, 'gen.busySelf'), appText(ctx.userLang, 'app.name'));
    return undefined;
  }
}

export function menuGenerateQuotation(): BatchOutcome | undefined {
  return withContext((ctx) => generate(ctx, 'quotation'));
}

export function menuGenerateContract(): BatchOutcome | undefined {
  return withContext((ctx) => generate(ctx, 'contract'));
}

export function menuGeneratePurchaseOrder(): BatchOutcome | undefined {
  return withContext((ctx) => generate(ctx, 'purchase-order'));
}

export function menuGenerateShippingNotice(): BatchOutcome | undefined {
  return withContext((ctx) => generate(ctx, 'shipping-notice'));
}

export function menuGenerateInvoice(): BatchOutcome | undefined {
  return withContext((ctx) => generate(ctx, 'invoice'));
}

/** The one-off trigger a long batch leaves behind: goes on where the batch stopped. */
export function triggerContinueDocuments(e?: { triggerUid?: string }): BatchOutcome | undefined {
  return withContext(
    (ctx) => {
      try {
        return continueDocuments(ctx, e?.triggerUid);
      } catch (err) {
        if (!(err instanceof OwnBatchRunning)) throw err;
        // A click of the same user is generating right now, and it finishes this user's pending jobs too.
        ctx.ports.log.info('documents: continuation skipped, another batch of this user is running');
        return undefined;
      }
    },
    { ui: false },
  );
}

export function menuEmailDocument(): EmailOutcome | undefined {
  return withContext((ctx) => emailDocument(ctx));
}

export function menuCreateTemplates(): void {
  withContext((ctx) => {
    const r = ensureDefaultTemplates(ctx);
    const lang = ctx.userLang;
    ctx.ports.workbook.toast(docsAppText(lang, 'tpl.ready', { folder: TEMPLATES_FOLDER, created: r.created.length, kept: r.kept.length }), docsAppText(lang, 'tpl.title'));
  });
}

/** What the picker dialog shows: each document type and language with its current template. */
export function menuChooseTemplate(): void {
  withContext((ctx) => {
    const lang = ctx.userLang;
    const settings = ctx.settings();
    const strings: Record<string, string> = {};
    for (const id of Object.keys(DOCUMENTS_APP_MESSAGES)) if (id.startsWith('picker.') || id.startsWith('gen.lang.')) strings[id] = docsAppText(lang, id as keyof typeof DOCUMENTS_APP_MESSAGES);
    const props = PropertiesService.getScriptProperties();
    ctx.ports.ui.showDialog('template-picker', docsAppText(lang, 'picker.title'), {
      lang,
      strings,
      types: DOC_TYPES.map((type) => ({
        type,
        label: tDoc(lang, `doc.${type}.name`),
        current: { en: currentLink(templateFor(settings, type, 'en')), zh: currentLink(templateFor(settings, type, 'zh')) },
      })),
      picker: {
        apiKey: props.getProperty('GENDAN_PICKER_API_KEY') ?? '',
        appId: props.getProperty('GENDAN_PICKER_APP_ID') ?? '',
        token: ScriptApp.getOAuthToken(),
      },
    }, 560, 460);
  });
}

function currentLink(id: string): string {
  return id ? docUrl(id) : '';
}

/** google.script.run from the picker dialog: records the picked Doc (checked through Drive.Files.get). */
export function dialogSetTemplate(type: string, lang: string, fileId: string): ChooseTemplateResult | undefined {
  return withContext((ctx) => chooseTemplate(ctx, String(type), String(lang), String(fileId ?? '')), { ui: false });
}

/** google.script.run from the picker dialog: back to Gendan's default template. */
export function dialogClearTemplate(type: string, lang: string): ChooseTemplateResult | undefined {
  return withContext((ctx) => chooseTemplate(ctx, String(type), String(lang), null), { ui: false });
}

export const handlers: Record<string, (...args: never[]) => unknown> = {
  menuGenerateQuotation,
  menuGenerateContract,
  menuGeneratePurchaseOrder,
  menuGenerateShippingNotice,
  menuGenerateInvoice,
  triggerContinueDocuments,
  menuEmailDocument,
  menuCreateTemplates,
  menuChooseTemplate,
  dialogSetTemplate,
  dialogClearTemplate,
};

export const menuTop: MenuSection[] = [
  {
    title: 'menu.documents',
    items: [
      { label: 'menu.quotation', fn: 'menuGenerateQuotation' },
      { label: 'menu.contract', fn: 'menuGenerateContract' },
      { label: 'menu.purchaseOrder', fn: 'menuGeneratePurchaseOrder' },
      { label: 'menu.shippingNotice', fn: 'menuGenerateShippingNotice' },
      { label: 'menu.invoice', fn: 'menuGenerateInvoice' },
      { label: 'menu.email', fn: 'menuEmailDocument' },
      { label: 'menu.templates', fn: 'menuCreateTemplates' },
      { label: 'menu.chooseTemplate', fn: 'menuChooseTemplate' },
    ],
  },
];

export const menuMiddle: MenuSection[] = [];
