// Drive's partial-response `fields` parameter: "id,name,webViewLink" or "nextPageToken,files(id,name,parents)".
// Without it, v3 answers only kind, id, name and mimeType, so a script that forgets to ask gets no webViewLink.

export interface FieldMask {
  all: boolean;
  children: Map<string, FieldMask>;
}

export class FieldSelectionError extends Error {
  constructor(readonly field: string) {
    super(`Invalid field selection ${field}`);
    this.name = 'FieldSelectionError';
  }
}

/** Every field of a v3 File resource. */
export const FILE_FIELDS = new Set(
  (
    'appProperties capabilities contentHints contentRestrictions copyRequiresWriterPermission createdTime description driveId ' +
    'explicitlyTrashed exportLinks fileExtension folderColorRgb fullFileExtension hasAugmentedPermissions hasThumbnail ' +
    'headRevisionId iconLink id imageMediaMetadata isAppAuthorized kind labelInfo lastModifyingUser linkShareMetadata mimeType ' +
    'modifiedByMe modifiedByMeTime modifiedTime name originalFilename ownedByMe owners parents permissionIds permissions ' +
    'properties quotaBytesUsed resourceKey shared sharedWithMeTime sharingUser shortcutDetails size spaces starred teamDriveId ' +
    'thumbnailLink thumbnailVersion trashed trashedTime trashingUser version videoMediaMetadata viewedByMe viewedByMeTime ' +
    'viewersCanCopyContent webContentLink webViewLink writersCanShare md5Checksum sha1Checksum sha256Checksum'
  ).split(' '),
);

export const FILE_LIST_FIELDS = new Set(['kind', 'files', 'nextPageToken', 'incompleteSearch']);

export const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
export const DEFAULT_LIST_FIELDS = 'kind,incompleteSearch,nextPageToken,files(kind,id,name,mimeType)';

function node(): FieldMask {
  return { all: false, children: new Map() };
}

/** Parses a fields selector into a tree. */
export function parseFields(spec: string): FieldMask {
  const root = node();
  let i = 0;
  const s = spec.replace(/\s+/g, '');
  const list = (into: FieldMask, close: boolean): void => {
    while (i < s.length) {
      let target = into;
      let name: string;
      for (;;) {
        const m = /^[A-Za-z_*][A-Za-z0-9_]*/.exec(s.slice(i));
        if (!m) throw new FieldSelectionError(s.slice(i) || spec);
        name = m[0];
        i += name.length;
        if (s[i] !== '/') break;
        i++;
        let next = target.children.get(name);
        if (!next) target.children.set(name, (next = node()));
        target = next;
      }
      if (name === '*') target.all = true;
      else {
        let leaf = target.children.get(name);
        if (!leaf) target.children.set(name, (leaf = node()));
        if (s[i] === '(') {
          i++;
          list(leaf, true);
        } else leaf.all = true;
      }
      if (s[i] === ',') i++;
      else if (s[i] === ')' && close) {
        i++;
        return;
      } else if (i < s.length) throw new FieldSelectionError(s.slice(i));
    }
    if (close) throw new FieldSelectionError(spec);
  };
  list(root, false);
  return root;
}

/** Rejects names that are not fields of the resource (`files(...)` is checked against File fields). */
export function validateFields(mask: FieldMask, allowed: Set<string>, nested: Record<string, Set<string>> = {}): void {
  for (const [name, child] of mask.children) {
    if (!allowed.has(name)) throw new FieldSelectionError(name);
    if (nested[name] && !child.all) validateFields(child, nested[name]);
  }
}

/** Keeps only the selected fields of a JSON value. */
export function project(value: unknown, mask: FieldMask): unknown {
  if (mask.all || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => project(v, mask));
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, child] of mask.children) if (src[name] !== undefined) out[name] = project(src[name], child);
  return out;
}
