// The Apps Script entry: the registry of exposed functions. The build appends one top-level function per key
// (menus, triggers and google.script.run can only call top-level functions); module load touches no service.
import * as handlers from './handlers';

export const exposed = {
  onOpen: handlers.onOpen,
  onInstall: handlers.onInstall,
  onEdit: handlers.onEdit,
  menuSetup: handlers.menuSetup,
  menuCheckLedgers: handlers.menuCheckLedgers,
  menuRefreshStatuses: handlers.menuRefreshStatuses,
  menuToggleAutomation: handlers.menuToggleAutomation,
  menuAbout: handlers.menuAbout,
  triggerDailySweep: handlers.triggerDailySweep,
  dialogGoTo: handlers.dialogGoTo,
};
