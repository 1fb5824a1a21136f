// The customer panel's RPC contract: what the menu item embeds in the page (PanelPage), what the sidebar asks of the
// server through google.script.run and what it gets back. Shared by the server handlers (src/gas) and the sidebar's browser tests; the HTML itself is plain JS.

export type PanelLang = 'en' | 'zh';

export interface PanelOrder {
  orderNo: string;
  stage: string; // label in the panel language
  stageCode: string;
  status: string; // label
  statusCode: 'pending' | 'in-progress' | 'done' | 'overdue' | 'due-today';
  total: string; // formatted money
  deliveryDate: string; // formatted or ''
  link: string; // URL of the order row
}

export interface PanelContact {
  date: string;
  channel: string;
  topic: string;
  summary: string;
  link: string;
}

export interface PanelFollowUp {
  id: string;
  action: string;
  owner: string;
  due: string;
  status: string;
  statusCode: 'pending' | 'in-progress' | 'done' | 'overdue' | 'due-today';
  link: string;
}

export interface PanelData {
  lang: PanelLang;
  /** Every UI string of the panel in `lang` (keys listed in src/domain/i18n/sidebar.ts). */
  strings: Record<string, string>;
  customer: {
    id: string;
    name: string;
    country: string;
    timeZone: string;
    localTime: string; // "Mon 09:30" in the customer's zone
    language: string;
    contact: string;
    email: string;
    phone: string;
    owner: string;
    grade: string;
    lastContact: string;
    nextFollowUp: string;
    link: string;
  };
  orders: PanelOrder[]; // open orders first
  /** Most recent first, up to 10; null when the Contact log was not read (opening the panel leaves it for a click). */
  contacts: PanelContact[] | null;
  followUps: PanelFollowUp[]; // open ones, most urgent first
  channels: { code: string; label: string }[]; // for the log-contact form
  documentsUrl: string | null; // the customer's Drive folder, if any
}

/** The contact history of a customer (sidebarGetContacts). */
export interface PanelContacts {
  contacts: PanelContact[]; // most recent first, up to 10
  lastContact: string;
}

/** What the menu item embeds in the page: the panel, or why there is none (shown with a Try again button). */
export type PanelPage = { panel: PanelData } | { error: string };

export interface LogContactInput {
  customerId: string;
  channel: string; // contact channel code
  topic: string;
  feedback: string;
  nextAction: string;
  owner: string;
  due: string; // YYYY-MM-DD or ''
}

/** google.script.run targets of the panel (server functions of src/gas, exposed in the registry). */
export interface SidebarApi {
  /**
   * The panel for the customer of the selected row in any ledger, or for `customerId`; with the contact history
   * when `withContacts` (or when the selected row is in the Contact log).
   */
  sidebarGetCustomer(customerId: string | null, withContacts?: boolean): PanelData;
  /** The contact history of the customer the panel shows. */
  sidebarGetContacts(customerId: string): PanelContacts;
  sidebarLogContact(input: LogContactInput): PanelData;
  sidebarMarkDone(customerId: string, followUpId: string): PanelData;
  sidebarSnooze(customerId: string, followUpId: string, days: number): PanelData;
  /** Generates a quotation for the order; returns a message and the document links. */
  sidebarGenerateQuotation(orderNo: string): { message: string; links: { name: string; url: string }[] };
}
