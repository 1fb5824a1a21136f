// The Gendan menu. onOpen only builds it (it may run in AuthMode.NONE, where nothing needing authorization is
// allowed); the menu's language is the Settings language when readable, else the user's locale.
import { langOf, type Lang } from '../domain/i18n/i18n';
import { appText, type AppMessageId } from '../domain/i18n/app';

export interface MenuItem {
  label: AppMessageId;
  fn: string;
}

export interface MenuSection {
  /** A submenu title, or null for items placed directly in the menu. */
  title: AppMessageId | null;
  items: MenuItem[];
}

/** The core sections: statuses, automation, ledgers. Feature modules add theirs (see main.ts). */
export const CORE_MENU: { top: MenuSection[]; bottom: MenuSection[] } = {
  top: [{ title: null, items: [{ label: 'menu.refresh', fn: 'menuRefreshStatuses' }] }],
  bottom: [
    { title: 'menu.automation', items: [{ label: 'menu.automationToggle', fn: 'menuToggleAutomation' }] },
    {
      title: null,
      items: [
        { label: 'menu.check', fn: 'menuCheckLedgers' },
        { label: 'menu.setup', fn: 'menuSetup' },
        { label: 'menu.about', fn: 'menuAbout' },
      ],
    },
  ],
};

let menuSections: MenuSection[] = [...CORE_MENU.top, ...CORE_MENU.bottom];

/** The full menu, in order; separators fall between sections. Every fn must be a registry entry of main.ts. */
export function menuSectionsInUse(): MenuSection[] {
  return menuSections;
}

/** Called once by main.ts with the feature modules' sections (documents, reminders, panel…). */
export function composeMenu(featureTop: MenuSection[], featureMiddle: MenuSection[]): void {
  menuSections = [...featureTop, ...CORE_MENU.top, ...featureMiddle, ...CORE_MENU.bottom];
}

function menuLang(e?: { authMode?: unknown }): Lang {
  try {
    if (e && String(e.authMode) !== 'NONE') {
      const props = PropertiesService.getDocumentProperties();
      const settings = props.getProperty('gendan.settings');
      const language = settings ? (JSON.parse(settings) as { language?: string }).language : '';
      if (language === 'en' || language === 'zh') return language;
    }
  } catch {
    // properties are not readable in this auth mode: fall back to the user's locale
  }
  return langOf(Session.getActiveUserLocale());
}

export function buildMenu(e?: { authMode?: unknown }): void {
  const lang = menuLang(e);
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  menuSections.forEach((section, i) => {
    if (i > 0) menu.addSeparator();
    if (section.title) {
      const sub = ui.createMenu(appText(lang, section.title));
      for (const item of section.items) sub.addItem(appText(lang, item.label), item.fn);
      menu.addSubMenu(sub);
    } else {
      for (const item of section.items) menu.addItem(appText(lang, item.label), item.fn);
    }
  });
  menu.addToUi();
}
