// Injected into the bundle by scripts/build.mjs: the standard built-ins the code uses most, bound once when the
// bundle loads. In Apps Script this changes nothing (they are the same objects); in the sandbox, which runs the
// bundle in a node:vm context, every lookup of a global name is a call out to Node's context interceptors, so
// binding them keeps the sandbox's CPU figures close to what the code costs on a plain V8 global object.
const _Math = globalThis.Math;
const _Number = globalThis.Number;
const _String = globalThis.String;
const _Object = globalThis.Object;
const _Array = globalThis.Array;
const _JSON = globalThis.JSON;
const _RegExp = globalThis.RegExp;
const _Map = globalThis.Map;
const _Set = globalThis.Set;
const _isFinite = globalThis.isFinite;
const _isNaN = globalThis.isNaN;
const _parseInt = globalThis.parseInt;
const _parseFloat = globalThis.parseFloat;
const _Boolean = globalThis.Boolean;
const _Error = globalThis.Error;
export {
  _Math as Math,
  _Number as Number,
  _String as String,
  _Object as Object,
  _Array as Array,
  _JSON as JSON,
  _RegExp as RegExp,
  _Map as Map,
  _Set as Set,
  _isFinite as isFinite,
  _isNaN as isNaN,
  _parseInt as parseInt,
  _parseFloat as parseFloat,
  _Boolean as Boolean,
  _Error as Error,
};
