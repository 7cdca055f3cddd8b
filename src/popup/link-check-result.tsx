import { headline } from '../core/findings/explain';
import { FindingItems } from './verdict-view';
import type { CheckedLink, LinkCheck, LinkResult } from '../core/links/check-links';
import type { TextProblem } from '../core/links/find-links';
import { linkCheckWords } from './link-check-words';
import { uiMessages } from '../ui-text/ui-messages';

/**
 * The link as written, with any invisible character shown where it was (core/links). Plain
 * text, never a link element: the popup must not open, prefetch or preconnect to what it judges.
 */
function Written({ text }: { text: string }) {
  const words = linkCheckWords();
  return (
    <p class="link-written">
      {words.writtenLabel}
      <code>{text}</code>
    </p>
  );
}

/**
 * One web link's verdict, shown the way the page verdict is: the level on the element
 * (`data-link-level`, the contract's risk levels), each finding with the core's own words
 * (`data-link-finding`, the contract's codes), and what the link check adds (`data-link-note`).
 */
function CheckedLinkView({ link }: { link: CheckedLink }) {
  const words = linkCheckWords();
  const { verdict, level } = link;
  // No list knows it: said in words, since no finding code stands for it.
  const unknownSite = verdict.platform === undefined && !verdict.findings.some((finding) => finding.code === 'LOOKALIKE_DOMAIN');
  return (
    <article class="link-verdict" data-link-level={level} data-link-host={verdict.host}>
      <h3>{level === 'caution' || level === 'danger' ? words.headline[level] : unknownSite ? words.headline.unknown(link.shownHost) : headline(verdict, uiMessages())}</h3>
      <Written text={link.written} />
      <p class="link-host">{words.goesTo(link.shownHost, verdict.host)}</p>
      {link.userInfo !== undefined ? <p data-link-note="user-info">{words.userInfo(link.userInfo, link.shownHost)}</p> : null}
      {link.invisible.length > 0 ? <p data-link-note="invisible">{words.invisible(link.invisible)}</p> : null}
      {link.assumedHttps ? <p data-link-note="assumed-https">{words.assumedHttps}</p> : null}
      {unknownSite ? <p data-link-note="unknown-site">{words.unknownSite}</p> : null}
      {verdict.findings.length > 0 ? (
        <FindingItems findings={verdict.findings} m={uiMessages()} codeAttribute="data-link-finding" />
      ) : null}
    </article>
  );
}

function LinkResultView({ link }: { link: LinkResult }) {
  const words = linkCheckWords();
  if (link.kind === 'web') return <CheckedLinkView link={link} />;
  return (
    <article class="link-verdict" data-link-refused={link.kind === 'not-web' ? link.notWeb : 'unreadable'}>
      <h3>{words.notWebHeadline}</h3>
      <Written text={link.written} />
      <p>{link.kind === 'not-web' ? words.notWeb(link.notWeb, link.scheme) : words.unreadable}</p>
    </article>
  );
}

export function problemInWords(problem: TextProblem): string {
  const words = linkCheckWords();
  switch (problem.reason) {
    case 'empty':
      return words.empty;
    case 'too-long':
      return words.tooLong(problem.length, problem.max);
    case 'email-address':
      return words.emailAddress;
    case 'no-link':
      return words.noLink;
  }
}

/** The background's answer: each link of the text with its verdict, or why there was nothing to judge. */
export function LinkCheckResult({ check }: { check: LinkCheck }) {
  const words = linkCheckWords();
  if (!check.ok) {
    return (
      <p class="link-problem" role="alert" data-link-problem={check.problem.reason}>
        {problemInWords(check.problem)}
      </p>
    );
  }
  return (
    <>
      {check.links.map((link, index) => (
        <LinkResultView key={index} link={link} />
      ))}
      {check.more > 0 ? <p data-link-more={check.more}>{words.more(check.more)}</p> : null}
    </>
  );
}
