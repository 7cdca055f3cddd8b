/** Entry point of `npm run trackers` (trackers-command.ts). */
import { trackers } from './trackers-command';
import { runAsProcess } from './run';

runAsProcess('trackers', trackers);
