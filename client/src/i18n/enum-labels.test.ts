// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, test } from 'vitest';
import sv from './sv';
import en from './en';

const schema = buildSchema(
  readFileSync(fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url)), 'utf8'),
);

/** GraphQL enum → the i18n group that labels its values. */
const LABELLED: [enumName: string, group: keyof typeof sv][] = [
  ['PrincipleKey', 'principle'],
  ['MeetingStatus', 'meetingStatus'],
  ['AgendaItemKind', 'itemKind'],
  ['AgendaItemStatus', 'itemStatus'],
  ['SeatKind', 'seatKind'],
  ['UserErrorCode', 'userErrors'],
  ['PartyKind', 'partyKind'],
  ['PartySector', 'partySector'],
  ['AccessionStatus', 'accessionStatus'],
  ['ExclusionCaseStatus', 'exclusionCaseStatus'],
  ['MembershipRole', 'membershipRole'],
  ['MembershipStatus', 'membershipStatus'],
  ['InvitationKind', 'invitationKind'],
  ['ProcessStage', 'processStage'],
  ['InvitationStatus', 'invitationStatus'],
  ['InvitationAudience', 'invitationAudience'],
  ['OccasionMode', 'occasionMode'],
  ['ParticipantStatus', 'participantStatus'],
  ['InvitationReplyKind', 'invitationReplyKind'],
  ['ProposalStance', 'proposalStance'],
  ['CompilationVerdict', 'compilationVerdict'],
  ['InvitationAction', 'invitationAction'],
];

describe('enum labels cover the schema', () => {
  test.each(LABELLED)('%s has a label for every value in sv and en', (enumName, group) => {
    const type = schema.getType(enumName);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType).getValues().map((v) => v.name);
    for (const messages of [sv, en]) {
      const labels = messages[group] as Record<string, string>;
      expect(Object.keys(labels).sort()).toEqual(expect.arrayContaining(values.sort()));
    }
  });
});
