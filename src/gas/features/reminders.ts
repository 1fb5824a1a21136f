// The reminders feature's exposed functions and menu sections (filled in by the reminders work; merged by main.ts).
import type { MenuSection } from '../menu';

export const handlers: Record<string, (...args: never[]) => unknown> = {};
export const menuTop: MenuSection[] = [];
export const menuMiddle: MenuSection[] = [];
