// Entry of `npm run sandbox`.
import { runCli } from './cli';

runCli();
