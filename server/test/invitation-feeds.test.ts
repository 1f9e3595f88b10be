import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import 'reflect-metadata';
import {
  InvitationAudience,
  InvitationKind,
  InvitationStatus,
  OccasionMode,
  PartyKind,
} from '@samverka/domain';
import { toGlobalId } from '../src/graphql/node.js';
import { Party } from '../src/parties/party.entity.js';
import type { InvitationOccasion } from '../src/invitations/invitation-occasion.entity.js';
import { feedInvitation, feedParty } from './invitation-feeds-fixtures.js';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
let inviter: Party;
let sports: Party;
let study: Party;
const occasion: Record<string, InvitationOccasion> = {};
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000);

beforeAll(async () => {
  server = await startTestServer();
  inviter = await feedParty(server, PartyKind.MUNICIPAL_DEPARTMENT, ['idrott']);
  sports = await feedParty(server, PartyKind.NON_PROFIT_ASSOCIATION, ['idrott', 'barn och unga']);
  study = await feedParty(server, PartyKind.STUDY_ASSOCIATION, ['kultur']);
  const add = async (
    key: string,
    party: Party,
    fields: Omit<Parameters<typeof feedInvitation>[2], 'title'>,
    mode = OccasionMode.IN_PERSON,
  ) => {
    const { occasions } = await feedInvitation(server, party, {
      title: `Flödestest ${key}`,
      occasions: [
        mode === OccasionMode.IN_PERSON
          ? { startsAt: inDays(10), mode, place: 'Föreningarnas Hus, sal 2' }
          : { startsAt: inDays(10), mode, link: 'https://moten.example/flode' },
      ],
      ...fields,
    });
    occasion[key] = occasions[0]!;
  };
  await add('areas', inviter, {
    status: InvitationStatus.PUBLISHED,
    audience: InvitationAudience.AREAS_OF_INTEREST,
    areas: ['barn och unga'],
  });
  await add(
    'named',
    inviter,
    {
      status: InvitationStatus.REGISTRATION_CLOSED,
      audience: InvitationAudience.NAMED_PARTIES,
      named: [study],
    },
    OccasionMode.DIGITAL,
  );
  await add('kinds', inviter, {
    status: InvitationStatus.PUBLISHED,
    audience: InvitationAudience.PARTY_KINDS,
    partyKinds: [PartyKind.STUDY_ASSOCIATION],
  });
  await add('own', sports, { status: InvitationStatus.PUBLISHED, audience: InvitationAudience.ALL_PARTIES });
  await add('draft', inviter, { status: InvitationStatus.DRAFT });
  await add('held', inviter, { status: InvitationStatus.HELD });
  await add('cancelled', inviter, { status: InvitationStatus.CANCELLED });
});
afterAll(() => server?.close());

/** The calendar with folded lines joined (RFC 5545 folds at 75 octets). */
async function calendar(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { res, text: (await res.text()).replace(/\r\n[ \t]/g, '') };
}

const uid = (key: string) => `UID:invitation-occasion-${occasion[key]!.id}@samverka`;
const file = (type: 'InvitationOccasion' | 'Party', id: string) => `${toGlobalId(type, id)}.ics`;

describe('an occasion as .ics', () => {
  test('one event with a stable UID, the place, and a link to the invitation', async () => {
    const { res, text } = await calendar(
      `/dialog/tillfalle/${file('InvitationOccasion', occasion.areas!.id)}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toContain(uid('areas'));
    expect(text).toContain('SUMMARY:Flödestest areas');
    expect(text).toContain('LOCATION:Föreningarnas Hus\\, sal 2');
    expect(text).toContain(`/dialog/${occasion.areas!.invitation.getEntity().globalId}`);
    expect(text).toContain('STATUS:CONFIRMED');
    const again = await calendar(`/dialog/tillfalle/${file('InvitationOccasion', occasion.areas!.id)}`);
    expect(again.text.match(/UID:.*/)![0]).toBe(text.match(/UID:.*/)![0]);
  });

  test('a digital occasion has its link as location and address', async () => {
    const { text } = await calendar(`/dialog/tillfalle/${file('InvitationOccasion', occasion.named!.id)}`);
    expect(text).toContain('LOCATION:https://moten.example/flode');
    expect(text).toContain('URL;VALUE=URI:https://moten.example/flode');
  });

  test('a held occasion is still served; a cancelled one comes as a cancelled event', async () => {
    expect(
      (await calendar(`/dialog/tillfalle/${file('InvitationOccasion', occasion.held!.id)}`)).res.status,
    ).toBe(200);
    const { text } = await calendar(
      `/dialog/tillfalle/${file('InvitationOccasion', occasion.cancelled!.id)}`,
    );
    expect(text).toContain('STATUS:CANCELLED');
    expect(text).toContain('SUMMARY:INSTÄLLT: Flödestest cancelled');
  });

  test("a draft's occasion, an unknown id and an id of another type are a plain 404", async () => {
    for (const path of [
      `/dialog/tillfalle/${file('InvitationOccasion', occasion.draft!.id)}`,
      `/dialog/tillfalle/${file('InvitationOccasion', '00000000-0000-4000-8000-000000000000')}`,
      `/dialog/tillfalle/${file('Party', inviter.id)}`,
      '/dialog/tillfalle/inte-ett-id.ics',
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('text/plain');
    }
  });
});

test("a draft's occasion is served to the inviting party's member, by the session cookie", async () => {
  const em = server.orm.em.fork();
  const own = await em.findOneOrFail(Party, { name: 'Vivalla Kvinnoförening' });
  const { occasions } = await feedInvitation(server, own, {
    title: 'Flödestest eget utkast',
    status: InvitationStatus.DRAFT,
    occasions: [{ startsAt: inDays(5), mode: OccasionMode.DIGITAL, link: 'https://moten.example/utkast' }],
  });
  const path = `/dialog/tillfalle/${file('InvitationOccasion', occasions[0]!.id)}`;
  expect((await calendar(path)).res.status).toBe(404);
  const member = await calendar(path, { cookie: await server.signIn('member') });
  expect(member.res.status).toBe(200);
  expect(member.text).toContain(`UID:invitation-occasion-${occasions[0]!.id}@samverka`);
  expect((await calendar(path, { cookie: await server.signIn('coordinator') })).res.status).toBe(404);
});

describe('the calendar feeds', () => {
  test('/dialog.ics holds every occasion of the open invitations and nothing else', async () => {
    const { res, text } = await calendar('/dialog.ics');
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    for (const key of ['areas', 'named', 'kinds', 'own']) expect(text, key).toContain(uid(key));
    for (const key of ['draft', 'held', 'cancelled']) expect(text, key).not.toContain(uid(key));
  });

  test("a party's feed holds what it is invited to by area, kind or name, never its own invitations", async () => {
    const sportsFeed = (await calendar(`/dialog/part/${file('Party', sports.id)}`)).text;
    expect(sportsFeed).toContain(uid('areas'));
    for (const key of ['named', 'kinds', 'own', 'draft', 'held', 'cancelled'])
      expect(sportsFeed, key).not.toContain(uid(key));

    const studyFeed = (await calendar(`/dialog/part/${file('Party', study.id)}`)).text;
    for (const key of ['named', 'kinds', 'own']) expect(studyFeed, key).toContain(uid(key));
    for (const key of ['areas', 'draft', 'held', 'cancelled']) expect(studyFeed, key).not.toContain(uid(key));

    const inviterFeed = (await calendar(`/dialog/part/${file('Party', inviter.id)}`)).text;
    expect(inviterFeed).toContain(uid('own'));
    expect(inviterFeed).not.toContain(uid('areas'));
  });

  test('an unknown party is a 404; an unchanged calendar is a 304 by its ETag', async () => {
    expect(
      (await fetch(`${server.url}/dialog/part/${file('Party', '00000000-0000-4000-8000-000000000000')}`))
        .status,
    ).toBe(404);
    const first = await fetch(`${server.url}/dialog/part/${file('Party', study.id)}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${server.url}/dialog/part/${file('Party', study.id)}`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });
});

describe('the Atom feed', () => {
  test('new invitations and consultations, newest first, with ETag and 304', async () => {
    const consultation = await feedInvitation(server, inviter, {
      kind: InvitationKind.CONSULTATION,
      title: 'Flödesremissen om lokaler & bidrag',
      status: InvitationStatus.PUBLISHED,
      publishedAt: new Date(Date.now() + 60_000),
    });
    const res = await fetch(`${server.url}/dialog.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const body = await res.text();
    expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">');
    const titles = [...body.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title>([^<]*)<\/title>/g)].map(
      (m) => m[1],
    );
    expect(titles[0]).toBe('Remiss – Flödesremissen om lokaler &amp; bidrag');
    expect(titles).toContain('Inbjudan till dialog – Flödestest areas');
    expect(titles).toContain('Inställd – Inbjudan till dialog – Flödestest cancelled');
    expect(titles).not.toContain('Inbjudan till dialog – Flödestest draft');
    expect(body).toContain(`/dialog/${consultation.invitation.globalId}`);
    const again = await fetch(`${server.url}/dialog.atom`, {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  test("the client's pages under /dialog are not taken by the feeds", async () => {
    const res = await fetch(`${server.url}/dialog/part/inte-en-kalender`);
    expect(res.headers.get('content-type') ?? '').not.toContain('text/calendar');
  });
});
