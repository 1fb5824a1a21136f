// The Settings a document reads (our company, bank, defaults, the signatory), as the merge engine's DocumentSettings.
import type { DocumentSettings } from '../../domain/documents/document-settings';
import type { Lang } from '../../domain/i18n/i18n';
import type { Settings } from '../../domain/settings';

/**
 * Who signs for the company: the mail signature of the document's language without its complimentary close
 * ("Best regards," / "顺祝商祺！"), which belongs in a letter, not under a contract.
 * @example signatoryOf('Best regards,\nBright Harbor Trading') // "Bright Harbor Trading"
 */
export function signatoryOf(signature: string): string {
  const lines = signature.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length > 1 && /[,，!！:：]$/.test(lines[0])) lines.shift();
  return lines.join('\n');
}

/** The document settings for a document written in `lang`. */
export function documentSettingsOf(settings: Settings, lang: Lang): DocumentSettings {
  return {
    company: {
      nameEn: settings['company.name.en'],
      nameZh: settings['company.name.zh'],
      address: settings['company.address.en'],
      addressZh: settings['company.address.zh'],
      phone: settings['company.phone'],
      email: settings['company.email'],
    },
    bank: {
      beneficiary: settings['bank.beneficiary'],
      name: settings['bank.name'],
      account: settings['bank.account'],
      swift: settings['bank.swift'],
      address: settings['bank.address'],
    },
    currency: settings['currency.default'],
    paymentTerms: settings['payment-terms.default'],
    quotationValidityDays: settings['quote.validity-days'],
    signature: signatoryOf(lang === 'zh' ? settings['signature.zh'] || settings['signature.en'] : settings['signature.en'] || settings['signature.zh']),
  };
}
