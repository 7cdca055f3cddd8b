import { explainFinding, headline } from '../core/findings/explain';
import type { CheckedLink, LinkCheck, LinkResult } from '../core/links/check-links';
import type { TextProblem } from '../core/links/find-links';
import { LINK_CHECK_WORDS as WORDS } from './link-check-words';

/**
 * The link as written, with any invisible character shown where it was (core/links). Plain
 * text, never a link element: the popup must not open, prefetch or preconnect to what it judges.
 */
function Written({ text }: { text: string }) {
  return (
    <p class="link-written">
      {WORDS.writtenLabel}
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
  const { verdict, level } = link;
  // No list knows it: said in words, since no finding code stands for it.
  const unknownSite = verdict.platform === undefined && !verdict.findings.some((finding) => finding.code === 'LOOKALIKE_DOMAIN');
  return (
    <article class="link-verdict" data-link-level={level} data-link-host={verdict.host}>
      <h3>{level === 'caution' || level === 'danger' ? WORDS.headline[level] : unknownSite ? WORDS.headline.unknown(link.shownHost) : headline(verdict)}</h3>
      <Written text={link.written} />
      <p class="link-host">{WORDS.goesTo(link.shownHost, verdict.host)}</p>
      {link.userInfo !== undefined ? <p data-link-note="user-info">{WORDS.userInfo(link.userInfo, link.shownHost)}</p> : null}
      {link.invisible.length > 0 ? <p data-link-note="invisible">{WORDS.invisible(link.invisible)}</p> : null}
      {link.assumedHttps ? <p data-link-note="assumed-https">{WORDS.assumedHttps}</p> : null}
      {unknownSite ? <p data-link-note="unknown-site">{WORDS.unknownSite}</p> : null}
      {verdict.findings.length > 0 ? (
        <ul>
          {verdict.findings.map((finding, index) => {
            const { title, detail, action } = explainFinding(finding);
            return (
              <li key={`${finding.code}-${index}`} data-link-finding={finding.code}>
                <span class="finding-title">{title}</span>
                <span>{detail}</span>
                <span class="finding-action">{action}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </article>
  );
}

function LinkResultView({ link }: { link: LinkResult }) {
  if (link.kind === 'web') return <CheckedLinkView link={link} />;
  return (
    <article class="link-verdict" data-link-refused={link.kind === 'not-web' ? link.notWeb : 'unreadable'}>
      <h3>{WORDS.notWebHeadline}</h3>
      <Written text={link.written} />
      <p>{link.kind === 'not-web' ? WORDS.notWeb(link.notWeb, link.scheme) : WORDS.unreadable}</p>
    </article>
  );
}

export function problemInWords(problem: TextProblem): string {
  switch (problem.reason) {
    case 'empty':
      return WORDS.empty;
    case 'too-long':
      return WORDS.tooLong(problem.length, problem.max);
    case 'email-address':
      return WORDS.emailAddress;
    case 'no-link':
      return WORDS.noLink;
  }
}

/** The background's answer: each link of the text with its verdict, or why there was nothing to judge. */
export function LinkCheckResult({ check }: { check: LinkCheck }) {
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
      {check.more > 0 ? <p data-link-more={check.more}>{WORDS.more(check.more)}</p> : null}
    </>
  );
}
