import { render } from 'preact';
import browser from 'webextension-polyfill';
import { pageSender } from '../protocol/send';
import { OptionsApp } from './options-app';

const send = pageSender((message) => browser.runtime.sendMessage(message));

render(<OptionsApp send={send} />, document.getElementById('app')!);
