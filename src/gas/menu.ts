// The Gendan menu: built in onOpen from the registry of menu items; onOpen only builds the menu (it may run in
// AuthMode.NONE, where no service that needs authorization is allowed).

type Handler = () => void;

function about(): void {
  SpreadsheetApp.getUi().alert('Gendan (跟单)', 'Sales & order follow-up for Google Sheets.', SpreadsheetApp.getUi().ButtonSet.OK);
}

export const menuHandlers: Record<string, Handler> = {
  menuAbout: about,
};

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  ui.createAddonMenu().addItem('About Gendan', 'menuAbout').addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
