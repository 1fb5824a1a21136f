// HtmlService: HTML outputs from the project's files (dist/*.html) or strings, and templates with <? ?> scriptlets.
import vm from 'node:vm';
import type { Execution } from '../env';
import { asGas, count, gasError } from './common';

type HtmlOutputApi = Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  'getContent' | 'setContent' | 'append' | 'appendUntrusted' | 'setTitle' | 'getTitle' | 'setWidth' | 'getWidth' | 'setHeight' | 'getHeight' | 'setSandboxMode' | 'setXFrameOptionsMode' | 'addMetaTag' | 'setFaviconUrl'
>;

export class FakeHtmlOutput implements HtmlOutputApi {
  content: string;
  title = '';
  width = 600;
  height = 400;
  constructor(content: string) {
    this.content = content;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): GoogleAppsScript.HTML.HtmlOutput {
    this.content = content;
    return asGas(this);
  }
  append(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this.content += addedContent;
    return asGas(this);
  }
  appendUntrusted(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this.content += escapeHtml(addedContent);
    return asGas(this);
  }
  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this.title = title;
    return asGas(this);
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): GoogleAppsScript.HTML.HtmlOutput {
    this.width = width;
    return asGas(this);
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): GoogleAppsScript.HTML.HtmlOutput {
    this.height = height;
    return asGas(this);
  }
  getHeight(): number {
    return this.height;
  }
  setSandboxMode(): GoogleAppsScript.HTML.HtmlOutput {
    return asGas(this);
  }
  setXFrameOptionsMode(): GoogleAppsScript.HTML.HtmlOutput {
    return asGas(this);
  }
  addMetaTag(name: string, content: string): GoogleAppsScript.HTML.HtmlOutput {
    this.content = `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">` + this.content;
    return asGas(this);
  }
  setFaviconUrl(): GoogleAppsScript.HTML.HtmlOutput {
    return asGas(this);
  }
}

export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Compiles an Apps Script HTML template: <?= x ?> prints escaped, <?!= x ?> prints raw, <? code ?> runs. */
function evaluateTemplate(source: string, vars: Record<string, unknown>): string {
  let code = 'var __out = [];\n';
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    code += `__out.push(${JSON.stringify(source.slice(last, m.index))});\n`;
    if (m[1] === '=') code += `__out.push(__esc(${m[2]}));\n`;
    else if (m[1] === '!=') code += `__out.push(String(${m[2]}));\n`;
    else code += `${m[2]}\n`;
    last = re.lastIndex;
  }
  code += `__out.push(${JSON.stringify(source.slice(last))});\n__out.join('');`;
  const ctx = vm.createContext({ ...vars, __esc: (v: unknown) => escapeHtml(String(v)) });
  return String(vm.runInContext(code, ctx));
}

/**
 * HTML files are part of the script project, loaded with its code: reading one is a handle call (no round trip to a
 * Google backend), like reading a constant. Showing the page (Ui.showSidebar) is the round trip.
 */
export function makeHtmlService(ex: Execution): Pick<
  GoogleAppsScript.HTML.HtmlService,
  'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplateFromFile' | 'createTemplate' | 'SandboxMode' | 'XFrameOptionsMode'
> {
  const file = (name: string) => {
    const key = name.replace(/\.html$/, '');
    const content = ex.env.htmlFiles.get(key);
    if (content === undefined) throw gasError(`No HTML file named ${name} was found.`);
    return content;
  };
  const template = (source: string) => {
    const t: Record<string, unknown> = {
      evaluate() {
        count(ex, 'HtmlService', 'HtmlTemplate.evaluate', 'handle');
        const vars: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(t)) if (k !== 'evaluate' && k !== 'getCode') vars[k] = v;
        return asGas(new FakeHtmlOutput(evaluateTemplate(source, vars)));
      },
      getCode() {
        return source;
      },
    };
    return asGas<GoogleAppsScript.HTML.HtmlTemplate>(t);
  };
  return {
    SandboxMode: asGas({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' }),
    XFrameOptionsMode: asGas({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' }),
    createHtmlOutput(html?: unknown) {
      count(ex, 'HtmlService', 'HtmlService.createHtmlOutput', 'handle');
      return asGas(new FakeHtmlOutput(html === undefined ? '' : String(html)));
    },
    createHtmlOutputFromFile(filename: string) {
      count(ex, 'HtmlService', 'HtmlService.createHtmlOutputFromFile', 'handle');
      return asGas(new FakeHtmlOutput(file(filename)));
    },
    createTemplateFromFile(filename: string) {
      count(ex, 'HtmlService', 'HtmlService.createTemplateFromFile', 'handle');
      return template(file(filename));
    },
    createTemplate(html: unknown) {
      count(ex, 'HtmlService', 'HtmlService.createTemplate', 'handle');
      return template(String(html));
    },
  } as unknown as Pick<
    GoogleAppsScript.HTML.HtmlService,
    'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplateFromFile' | 'createTemplate' | 'SandboxMode' | 'XFrameOptionsMode'
  >;
}
