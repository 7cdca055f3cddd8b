/** Entry point of `npm run allowlist` (allowlist-commands.ts). */
import { allowlist } from './allowlist-commands';
import { runAsProcess } from './run';

runAsProcess('allowlist', allowlist);
