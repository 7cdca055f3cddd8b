/** A document with `html` in its body whose relative addresses resolve against `url` (a <base>), for reading it as the content script does. */
export function pageAt(html: string, url: string): Document {
  const doc = document.implementation.createHTMLDocument('page');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.append(base);
  doc.body.innerHTML = html;
  return doc;
}
