// The Apps Script entry: the registry of exposed functions. The build appends one top-level function per key
// (menus, triggers and google.script.run can only call top-level functions); module load touches no service.
import { menuHandlers, onOpen, onInstall } from './menu';

export const exposed = {
  onOpen,
  onInstall,
  ...menuHandlers,
};
