import { render } from 'preact';
import browser from 'webextension-polyfill';
import { pageSender } from '../protocol/send';
import { OptionsApp } from './options-app';
import { setDocumentLanguage } from '../ui-text/document-language';
import { uiMessages } from '../ui-text/ui-messages';

setDocumentLanguage(document, uiMessages(), uiMessages().text('optionsPageTitle'));

const send = pageSender((message) => browser.runtime.sendMessage(message));

render(<OptionsApp send={send} />, document.getElementById('app')!);
