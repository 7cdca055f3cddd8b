import english from '../../../assets/static/_locales/en/messages.json';
import { catalogMessages } from './create-messages';

/**
 * The English catalog, read from the file the extension ships: for the command line and the
 * unit tests. Extension code never imports this (it would carry a copy of the catalog); it
 * asks the browser (ui-text/ui-messages).
 */
export const englishMessages = catalogMessages(english, 'en');
