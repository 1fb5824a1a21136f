// The Apps Script entry: the registry of exposed functions. The build appends one top-level function per key
// (menus, triggers and google.script.run can only call top-level functions); module load touches no service.
import * as core from './handlers';
import * as documents from './features/documents';
import * as reminders from './features/reminders';
import * as panel from './features/panel';
import { composeMenu } from './menu';

composeMenu(
  [...panel.menuTop, ...documents.menuTop, ...reminders.menuTop],
  [...panel.menuMiddle, ...documents.menuMiddle, ...reminders.menuMiddle],
);

export const exposed = {
  onOpen: core.onOpen,
  onInstall: core.onInstall,
  onEdit: core.onEdit,
  menuSetup: core.menuSetup,
  menuCheckLedgers: core.menuCheckLedgers,
  menuRefreshStatuses: core.menuRefreshStatuses,
  menuToggleAutomation: core.menuToggleAutomation,
  menuAbout: core.menuAbout,
  triggerDailySweep: core.triggerDailySweep,
  triggerOnChange: core.triggerOnChange,
  dialogGoTo: core.dialogGoTo,
  ...documents.handlers,
  ...reminders.handlers,
  ...panel.handlers,
};
