/** Entry point of `npm run assess` (assess-command.ts). */
import { assess } from './assess-command';
import { runAsProcess } from './run';

runAsProcess('assess', assess);
