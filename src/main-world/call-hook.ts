/**
 * Runs in the page's own world at document_start, before any script of the page: wraps the
 * APIs a video call starts with, so the extension hears of the call and can hold the camera
 * until the user has answered its prompt. Kept free of imports that touch `browser`: this
 * world has no extension APIs.
 */
import { installCallHook } from './install-call-hook';

installCallHook(window, document);
