// Gendan's default templates: one Google Doc per document type and language in a "Gendan templates" folder, built
// through the Docs API. They belong to the user who made them (drive.file only lets the app open files it made
// for that user, or that the user picked), so their IDs are kept in the user's properties. Idempotent: templates
// that are there are kept, a Doc left empty by an interrupted run is built, missing ones are created.
import type { AppContext } from '../context';
import type { DriveFile } from '../../ports';
import { DOC_TYPES, type DocType } from '../../domain/documents/doc-types';
import { defaultTemplate, templateBuildRequests } from '../../domain/documents/default-templates';
import { discoverPlaceholders } from '../../domain/documents/template-syntax';
import type { Lang } from '../../domain/i18n/i18n';

export const GDOC_MIME = 'application/vnd.google-apps.document';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
/** User property holding the default templates' folder and file IDs. */
export const DEFAULT_TEMPLATES_PROP = 'gendan.templates';
export const TEMPLATES_FOLDER = 'Gendan templates';

export type TemplateKey = `${DocType}.${Lang}`;

export const ALL_TEMPLATE_KEYS: readonly TemplateKey[] = DOC_TYPES.flatMap((t) => (['en', 'zh'] as const).map((l): TemplateKey => `${t}.${l}`));

export function templateKey(type: DocType, lang: Lang): TemplateKey {
  return `${type}.${lang}`;
}

interface StoredTemplates {
  folder?: string;
  ids: Partial<Record<TemplateKey, string>>;
}

export interface TemplatesReport {
  folder: DriveFile;
  ids: Partial<Record<TemplateKey, string>>;
  created: TemplateKey[];
  kept: TemplateKey[];
}

/** The default template IDs this user has (no call beyond one property read; not checked against Drive). */
export function storedDefaultTemplates(ctx: AppContext): Partial<Record<TemplateKey, string>> {
  return readStored(ctx).ids;
}

function readStored(ctx: AppContext): StoredTemplates {
  try {
    const parsed = JSON.parse(ctx.ports.userProps.get(DEFAULT_TEMPLATES_PROP) ?? '{}') as Partial<StoredTemplates>;
    return { folder: typeof parsed.folder === 'string' ? parsed.folder : undefined, ids: parsed.ids && typeof parsed.ids === 'object' ? parsed.ids : {} };
  } catch {
    return { ids: {} };
  }
}

/**
 * Makes sure the default templates `keys` (all ten when not given) exist in the user's "Gendan templates" folder.
 * Calls: one property read, the folder (list, + create the first time), one listing of the folder, then two per
 * template made (create the Doc, one batchUpdate building it), and one property write when something changed.
 */
export function ensureDefaultTemplates(ctx: AppContext, keys: readonly TemplateKey[] = ALL_TEMPLATE_KEYS): TemplatesReport {
  const { files, docs } = ctx.ports;
  const stored = readStored(ctx);
  const folder = files.ensureFolder(TEMPLATES_FOLDER, 'root');
  const children = files.listChildren(folder.id, GDOC_MIME);
  const present = new Set(children.map((f) => f.id));
  const byName = new Map<string, DriveFile>();
  for (const f of children) if (!byName.has(f.name)) byName.set(f.name, f);
  const ids: Partial<Record<TemplateKey, string>> = { ...stored.ids };
  const report: TemplatesReport = { folder, ids, created: [], kept: [] };
  let changed = stored.folder !== folder.id;
  for (const key of keys) {
    const known = ids[key];
    if (known && present.has(known)) {
      report.kept.push(key);
      continue;
    }
    const [type, lang] = key.split('.') as [DocType, Lang];
    const spec = defaultTemplate(type, lang);
    const leftover = byName.get(spec.name);
    let id: string;
    if (leftover && discoverPlaceholders(docs.get(leftover.id)).length > 0) {
      // Made earlier (another workbook, or a run whose property write was lost): adopt it as it is.
      id = leftover.id;
      report.kept.push(key);
    } else {
      // A Doc an interrupted run created but never built (the batchUpdate is all or nothing) is built now.
      id = leftover ? leftover.id : files.createDoc(spec.name, folder.id).id;
      docs.batchUpdate(id, templateBuildRequests(spec));
      report.created.push(key);
    }
    ids[key] = id;
    changed = true;
  }
  if (changed) ctx.ports.userProps.set(DEFAULT_TEMPLATES_PROP, JSON.stringify({ folder: folder.id, ids }));
  return report;
}
