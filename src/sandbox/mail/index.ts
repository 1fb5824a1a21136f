// Mail in the sandbox: installs MailApp and the Gmail advanced service into every execution, and saves the mail
// model (sent messages, drafts, quotas) with the workbook state. Importing this module is what enables them.
import { registerService } from '../services/index';
import { registerStateExtension } from '../state';
import { FakeMailApp } from './mail-app';
import { makeGmail } from './gmail';
import { mailModel, type MailModel } from './model';

registerService((ex, globals) => {
  globals.MailApp = new FakeMailApp(ex);
  globals.Gmail = makeGmail(ex);
});

registerStateExtension({
  name: 'mail',
  save: (env) => JSON.parse(JSON.stringify(mailModel(env))) as MailModel,
  load: (env, data) => {
    const d = data as Partial<MailModel> | null;
    env.ext.mail = { items: d?.items ?? [], quota: d?.quota ?? {}, nextSeq: d?.nextSeq ?? 1 } satisfies MailModel;
  },
});

export { exportMail, safeSubject } from './export';
export { FakeMailApp } from './mail-app';
export { makeGmail, GoogleJsonResponseException, type GmailApi } from './gmail';
export { composeEml, type ComposeInput, type ComposeAttachment } from './compose';
export { decodeEncodedWords, parseRawHeaders, headerValue, recipientsOf } from './raw-headers';
export {
  DEFAULT_DAILY_MAIL_QUOTA,
  mailModel,
  mailRecords,
  remainingMailQuota,
  setMailQuota,
  type MailKind,
  type MailModel,
  type MailRecord,
  type QuotaState,
} from './model';
