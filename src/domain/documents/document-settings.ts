// The settings documents read (our company, bank, defaults), as one plain typed object the Settings use case fills.

export interface CompanyDetails {
  nameEn: string;
  nameZh: string;
  /** Address as printed on English documents (and Chinese ones when addressZh is blank). */
  address: string;
  addressZh?: string;
  phone: string;
  email: string;
}

export interface BankDetails {
  beneficiary: string;
  /** Bank name. */
  name: string;
  account: string;
  swift: string;
  address?: string;
}

export interface DocumentSettings {
  company: CompanyDetails;
  bank: BankDetails;
  /** Default currency of orders that leave Currency blank (ISO code). */
  currency: string;
  /** Currency of factory prices on purchase contracts; CNY when blank. */
  factoryCurrency?: string;
  /** Default payment terms of orders that leave them blank. */
  paymentTerms: string;
  /** A quotation is valid this many days from its date unless the order says otherwise. */
  quotationValidityDays: number;
  /** Name (and title) of the person signing for the company. */
  signature: string;
}
