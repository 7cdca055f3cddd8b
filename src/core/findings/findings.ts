import type { PlatformFacts } from '../lists/allowlist-file';
import type { CallEmbed } from './embeds';
import type { ListSource } from '../lists/allowlist';
import type { Evidence } from '../lookalike/evidence';
import type { LookalikeConfidence, LookalikeRule } from '../lookalike/lookalike-rules';
import type { RiskLevel } from './risk-levels';
import type { ReuseRisk } from '../passwords/reuse-finding';
import type { TrackerCategory, TrackerTake } from '../trackers/tracker-catalog';

/** The contract's finding codes (DESIGN.md); extend, never rename. */
export const FINDING_CODES = [
  'VERIFIED_PLATFORM',
  'LOOKALIKE_DOMAIN',
  'PASSWORD_ON_LOOKALIKE',
  'INSECURE_CONNECTION',
  'INSECURE_FORM',
  'FOREIGN_FORM_ACTION',
  'MIXED_CONTENT',
  'UNKNOWN_VIDEO_PLATFORM',
  'UNVERIFIED_EMBED',
  'GENERAL_PURPOSE_PLATFORM',
  'THIRD_PARTY_TRACKER',
  'WEAK_PASSWORD',
  'PASSWORD_REUSE',
  'ALLOWLIST_STALE',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Every finding names the level it raises the page to and carries its evidence. */
export type Finding =
  | { code: 'VERIFIED_PLATFORM'; level: RiskLevel; platform: string; domain: string; listedBy: ListSource }
  | { code: 'GENERAL_PURPOSE_PLATFORM'; level: RiskLevel; platform: string; domain: string; facts?: PlatformFacts }
  /** `joinLink` names the platform whose meeting link the address copies (zoom-us.net/j/123…). */
  | ({ code: 'LOOKALIKE_DOMAIN'; level: RiskLevel; target: string; targetName: string; rule: LookalikeRule; evidence: Evidence; confidence: LookalikeConfidence; joinLink?: string } & InFrame)
  | ({ code: 'PASSWORD_ON_LOOKALIKE'; level: RiskLevel; target: string; targetName: string; passwordFields: number } & InFrame)
  | { code: 'INSECURE_CONNECTION'; level: RiskLevel; reason: 'password-field' | 'video' | 'known-platform' }
  /** A call started (camera, microphone, screen or a peer connection) on a site no list knows. */
  | { code: 'UNKNOWN_VIDEO_PLATFORM'; level: RiskLevel; activity: CallActivityName; frameEncryption: boolean }
  /** A frame that can run a call, or a chat widget, from a provider the clinic has not verified. */
  | ({ code: 'UNVERIFIED_EMBED'; level: RiskLevel; origin: string; provider?: string } & ({ kind: 'call'; reason: CallEmbed['reason'] } | { kind: 'chat'; reason: 'chat-widget' }))
  /** An https page that loads scripts, frames or media over plain http. */
  | { code: 'MIXED_CONTENT'; level: RiskLevel; resources: { kind: string; url: string }[] }
  | { code: 'INSECURE_FORM'; level: RiskLevel; action: string }
  /** `action` as the form names it; `actionDomain` is the registrable domain that receives it. */
  | { code: 'FOREIGN_FORM_ACTION'; level: RiskLevel; action: string; actionDomain: string }
  /**
   * The page is verified only by the clinic's signed remote list, and the list in force has
   * passed its `expires` (stale-list.ts). Whom to tell comes from the admin's policy.
   */
  /**
   * A catalog organisation that requests from a telehealth page went to (trackers/tracker-findings):
   * `requests` counted since the page was loaded, `blocked` of them stopped by the clinic's
   * `block` action; `frame` is the host of the frame that sent the first one (absent: the page).
   */
  | {
      code: 'THIRD_PARTY_TRACKER';
      level: RiskLevel;
      organisation: string;
      category: TrackerCategory;
      services: string[];
      takes: TrackerTake[];
      hosts: string[];
      endpoints: string[];
      requests: number;
      blocked: number;
      cases: { title: string; year: number; url: string }[];
      frame?: string;
    }
  /**
   * A protected platform's password (passwords/fingerprint) typed on another site: `platform`
   * and `domain` name whose password it is, `site` the host it was typed on, `risks` what
   * makes it danger (passwords/reuse-finding).
   */
  | { code: 'PASSWORD_REUSE'; level: RiskLevel; platform: string; domain: string; site: string; risks: ReuseRisk[]; frame?: string }
  /** A new password on a verified platform's sign-up or change form rated below 3 of 4 (passwords/strength): never the password itself. */
  | { code: 'WEAK_PASSWORD'; level: RiskLevel; score: 0 | 1 | 2 | 3 | 4; warning?: string | undefined; suggestions: string[] }
  | { code: 'ALLOWLIST_STALE'; level: RiskLevel; expires: string; version: number; clinicName?: string; supportContact?: string };

export type CallActivityName = 'camera-or-microphone' | 'screen' | 'peer-connection';

/**
 * A look-alike finding that a frame inside the page added to its tab's verdict: `frame` is
 * that frame's host as the browser reported it. Absent for the tab's own address.
 */
export interface InFrame {
  frame?: string;
}

export type FindingOf<C extends Finding['code']> = Extract<Finding, { code: C }>;
