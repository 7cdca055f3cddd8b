/**
 * The frames a look-alike builds itself to hide its login where content scripts might not go
 * (demo: d0xy.me/hostile/login-in-frame?frame=<how>), with the address each frame reports.
 */
export const SCRIPT_BUILT_FRAMES = [
  { how: 'about-blank', what: 'a script-built about:blank frame the page writes into with document.open()', url: /^about:blank$/ },
  { how: 'about-blank-dom', what: 'a script-built about:blank frame the page fills with DOM calls', url: /^about:blank$/ },
  { how: 'srcdoc', what: 'a srcdoc frame', url: /^about:srcdoc$/ },
  { how: 'data', what: 'a data: frame (opaque origin)', url: /^data:text\/html/ },
  { how: 'blob', what: 'a blob: frame', url: /^blob:https:\/\/d0xy\.me:\d+\// },
] as const;
