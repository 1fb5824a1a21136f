// Installs the Drive advanced service (global `Drive`) into every execution and saves the Drive model (files,
// folders, Docs content, drive.file grants) in the sandbox state. Importing this module registers both.
import { registerService } from '../services/index';
import { registerStateExtension } from '../state';
import { makeDriveService } from './fake';
import { DriveModel, driveOf, type DriveState } from './model';

registerService((ex, g) => {
  g.Drive = makeDriveService(ex);
});

function isDriveState(data: unknown): data is DriveState {
  const d = data as Partial<DriveState> | null;
  return d !== null && typeof d === 'object' && d.version === 1 && Array.isArray(d.files) && typeof d.nextId === 'number';
}

registerStateExtension({
  name: 'drive',
  save: (env) => driveOf(env).toJSON(),
  load: (env, data) => {
    if (!isDriveState(data)) throw new Error('workbook.state.json: ext.drive is not a Drive model');
    env.ext.drive = DriveModel.fromJSON(data, () => env.now);
  },
});

export { makeDriveService, toApiFile, webViewLink, FakeDriveFiles } from './fake';
export { DriveModel, driveOf, pickFile, seedUserDoc, seedUserFile, DOC_MIME, FOLDER_MIME } from './model';
export type { DriveFileRecord, DriveScope, DriveState, SeedDocOptions, SeedFileOptions } from './model';
export { GoogleJsonResponseException } from './api-error';
