/**
 * Runs in the page's own world at document_start, before any script of the page: wraps the
 * APIs a video call starts with, so the extension hears of the call and can hold the camera
 * until the user has answered its prompt, and notices shadow roots (see shadow-root-notice).
 * Kept free of imports that touch `browser`: this world has no extension APIs. It talks to the
 * content script through events on the window.
 */
import { installCallHook } from './install-call-hook';
import { noticeShadowRoots } from './shadow-root-notice';

installCallHook(window, window);
noticeShadowRoots(window, window);
