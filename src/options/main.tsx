import { render } from 'preact';
import browser from 'webextension-polyfill';
import { OptionsApp, type SendMessage } from './options-app';

const send: SendMessage = (message) => browser.runtime.sendMessage(message);

render(<OptionsApp send={send} />, document.getElementById('app')!);
