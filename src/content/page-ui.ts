/**
 * The content script's page UI (see page-ui-contract): injected by the background into the
 * content script's world of a document the first time it has something to show there. Safe
 * to inject twice: the first copy stays. It may come before the content script (an answer
 * given at commit): it only puts its factory on this world's global, as an own property.
 */
import { defineOwnGlobal } from '../extension-api/own-global';
import { PAGE_UI_KEY } from '../protocol/page-api';
import { pageUiFactory, type PageUiFactory } from './page-ui-contract';
import { createPageUi } from './page-ui-factory';

const factory: PageUiFactory = { create: (doc, host) => createPageUi(doc, host) };
if (!pageUiFactory()) defineOwnGlobal(globalThis, PAGE_UI_KEY, factory);
