// The sandbox CLI (npm run sandbox -- …): runs the real bundle against a workbook, step by step, and writes the
// results. A stable contract other tools rely on; see README "The sandbox CLI".
import { SandboxSession, parseDuration, parseEdit, type SessionOptions, type Step } from './session';
import { StepError } from './runtime';

const USAGE = `usage: npm run sandbox -- [--workbook FILE.xlsx] [--now 2026-03-02T09:00] [--tz Asia/Shanghai]
                           [--user a@example.com] [--locale zh-CN] --out DIR STEP…
steps (run in order):
  --open                     the acting user opens the spreadsheet (onOpen builds the menu)
  --call NAME                an exposed function, as if its menu item was clicked
  --select 'Orders!A5:A7'    the active range for the next steps
  --edit 'Orders!F5=Shipped' a user edit (text typed as in Sheets); 'Orders!F5:F7=["a","b","c"]' pastes
  --delete-rows 'Order lines!5:7'  the user deletes those rows (installed change triggers fire)
  --trigger NAME             an installed trigger fires now
  --advance 2d|3h|30m|1w     the clock moves; installed time-driven triggers fire as they come due
  --as EMAIL                 the next steps are done by another user
  --answer YES|NO|OK|CANCEL  the button the user clicks in the next alert
  --rpc NAME JSON-ARGS       a google.script.run call from a sidebar (JSON array of arguments)`;

export function parseArgs(argv: string[]): { opts: SessionOptions & { out?: string }; steps: Step[] } {
  const opts: SessionOptions & { out?: string } = {};
  const steps: Step[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    switch (a) {
      case '--workbook':
        opts.workbook = next();
        break;
      case '--now':
        opts.now = next();
        break;
      case '--tz':
        opts.timeZone = next();
        break;
      case '--user':
        opts.user = next();
        break;
      case '--locale':
        opts.locale = next();
        break;
      case '--out':
        opts.out = next();
        break;
      case '--open':
        steps.push({ kind: 'open' });
        break;
      case '--call':
        steps.push({ kind: 'call', name: next() });
        break;
      case '--select':
        steps.push({ kind: 'select', a1: next() });
        break;
      case '--edit': {
        const e = parseEdit(next());
        steps.push({ kind: 'edit', a1: e.a1, input: e.input });
        break;
      }
      case '--delete-rows':
        steps.push({ kind: 'delete-rows', a1: next() });
        break;
      case '--trigger':
        steps.push({ kind: 'trigger', name: next() });
        break;
      case '--advance': {
        const label = next();
        steps.push({ kind: 'advance', ms: parseDuration(label), label });
        break;
      }
      case '--as':
        steps.push({ kind: 'user', email: next() });
        break;
      case '--answer':
        steps.push({ kind: 'answer', button: next().toUpperCase() });
        break;
      case '--rpc': {
        const name = next();
        const args = JSON.parse(next()) as unknown;
        steps.push({ kind: 'rpc', name, args: Array.isArray(args) ? args : [args] });
        break;
      }
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument "${a}"\n${USAGE}`);
    }
  }
  return { opts, steps };
}

export async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    const message = (e as Error).message;
    console.error(message.includes('usage:') ? message : `${message}\n${USAGE}`);
    return 2;
  }
  const { opts, steps } = parsed;
  if (!opts.out) {
    console.error(`--out DIR is required\n${USAGE}`);
    return 2;
  }
  const session = await SandboxSession.open(opts);
  let failure: StepError | Error | null = null;
  for (const step of steps) {
    try {
      session.run(step);
    } catch (e) {
      failure = e instanceof StepError ? e : new StepError(describe(step), e);
      break;
    }
  }
  const out = await session.save(opts.out);
  const calls = session.env.ledger.toJSON();
  console.log(`wrote ${out.workbook}, ${out.docs.length} document file(s), ${out.mail.length} mail(s), ${out.calls} (${calls.total} service calls, ${(calls.modeledMs / 1000).toFixed(1)} s modeled)`);
  if (failure) {
    console.error(`step failed: ${failure.message}`);
    return 1;
  }
  return 0;
}

function describe(step: Step): string {
  switch (step.kind) {
    case 'call':
      return `--call ${step.name}`;
    case 'edit':
      return `--edit ${step.a1}`;
    case 'select':
      return `--select ${step.a1}`;
    case 'delete-rows':
      return `--delete-rows ${step.a1}`;
    case 'trigger':
      return `--trigger ${step.name}`;
    case 'advance':
      return `--advance ${step.label}`;
    default:
      return `--${step.kind}`;
  }
}

/** Runs the CLI with process.argv and exits with its status. */
export function runCli(): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
