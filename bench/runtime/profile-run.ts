import { flowbenchRun } from './flowbench-runs';
import type { Path } from './settings';

/**
 * One Flowbench run of a path, for a CPU profile (see bench/README.md):
 * `node --cpu-prof .prof/profile-run.cjs kafka on`.
 */
const [path = 'kafka', tracing = 'on'] = process.argv.slice(2);
void flowbenchRun(path as Path, tracing === 'on').then((result) =>
  console.log(`${path} tracing ${tracing}: ${result.rate.toFixed(0)} msg/s`),
);
