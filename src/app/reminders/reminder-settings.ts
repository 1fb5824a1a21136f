// The reminder part of Settings, read into what the pure reminder domain takes: the rule switches and day counts,
// working hours, the customer-mail mode, the digest hour and the sender's company name and signature.
import type { Lang } from '../../domain/i18n/i18n';
import type { MailMode } from '../../domain/ledgers/records';
import { REMINDER_RULE_IDS, reminderConfig, type ReminderConfig, type RuleSetting } from '../../domain/reminders/rules';
import type { Settings } from '../../domain/settings';

export interface ReminderSettings {
  config: ReminderConfig;
  mode: MailMode;
  /** Hour (0–23, spreadsheet zone) from which the day's digests go out. */
  digestHour: number;
  /** Sender fields for customer mails, per language of the mail. */
  sender: Readonly<Record<Lang, Readonly<Record<string, string>>>>;
}

/**
 * Settings → reminder configuration. Rows whose owner is blank go to `fallbackOwner` (the person running
 * reminders), so that nothing due falls between chairs. The return-visit rule counts its days after a complaint
 * was handled (Settings "Return visit after a complaint"), as the rule does; its own days setting has no separate use.
 * @example reminderSettings(defaultSettings(), 'li@team.cn').mode // 'draft'
 */
export function reminderSettings(settings: Settings, fallbackOwner: string): ReminderSettings {
  const rules: Partial<Record<(typeof REMINDER_RULE_IDS)[number], Partial<RuleSetting>>> = {};
  for (const id of REMINDER_RULE_IDS) {
    rules[id] = { enabled: settings[`reminder.${id}.on`], days: settings[`reminder.${id}.days`] };
  }
  rules['return-visit'] = { ...rules['return-visit'], days: settings['return-visit.after-complaint.days'] };
  const config = reminderConfig({
    rules,
    workingHours: { start: settings['working-hours.start'], end: settings['working-hours.end'] },
    returnVisitWorkingDays: settings['return-visit.after-receipt.working-days'],
    fallbackOwner,
  });
  const company = (lang: Lang): string => settings[`company.name.${lang}`] || settings['company.name.en'] || settings['company.name.zh'] || '';
  const signature = (lang: Lang): string => settings[`signature.${lang}`] || company(lang);
  return {
    config,
    mode: settings['mail.customer-mode'] === 'send' ? 'send' : 'draft',
    digestHour: settings['digest.hour'],
    sender: {
      en: { companyName: company('en'), senderName: company('en'), signature: signature('en') },
      zh: { companyName: company('zh'), senderName: company('zh'), signature: signature('zh') },
    },
  };
}
