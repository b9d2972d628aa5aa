import { version } from '../../package.json';

/** The Flowbench version from package.json, inlined at build time so no host reads files for it. */
export const APP_VERSION: string = version;
