/**
 * Runs in the page's own world at document_start, before any script of the page: wraps the
 * APIs a video call starts with, so the extension hears of the call and can hold the camera
 * until the user has answered its prompt, and tells the content script when the page opens its
 * document again (see document-open-notice).
 * Kept free of imports that touch `browser`: this world has no extension APIs. It talks to the
 * content script over a private channel the page cannot reach (private-channel), with the
 * built-ins as they were before the page ran (intrinsics).
 */
import { noticeDocumentOpen } from './document-open-notice';
import { installCallHook } from './install-call-hook';
import { takeIntrinsics } from './intrinsics';
import { awaitChannel } from './private-channel';

const intrinsics = takeIntrinsics(window);
const channel = awaitChannel(window, intrinsics);
installCallHook(window, channel, intrinsics);
noticeDocumentOpen(window, channel, intrinsics);
