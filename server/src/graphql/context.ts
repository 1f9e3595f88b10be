import type { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import type { Outbox } from '../outbox/outbox.js';
import type { Config } from '../config.js';

/** Who is asking; null when signed out. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  isCoordinator: boolean;
  /** Ids of the forums whose meetings the person convenes (sammankallande tjänsteperson). */
  convenes: readonly string[];
  /** The session the request came with, so sign-out can end it. */
  sessionId: string;
}

export interface GraphQLContext {
  /** A fork for this request or subscription event: one unit of work. */
  em: EntityManager;
  viewer: Viewer | null;
  /** Present on HTTP requests, so sign-in and sign-out can set the cookie. */
  res?: Response;
  /** The client's address (HTTP requests), for rate limits per address. */
  ip?: string;
  /** Sends the accounts' mails (HTTP requests). */
  outbox?: Outbox;
  /** Samverkansrådet's register (REGISTRATION_SERIES, REGISTRATION_PATTERN), for registering submissions. */
  registration?: Config['registration'];
  /** Early dialogue's settings (CONSULTATION_MIN_DAYS). */
  invitations?: Config['invitations'];
  /** The database snapshot taken before anything was loaded, when a live cursor is selected (live-cursor.ts). */
  liveSnapshot?: string;
}
