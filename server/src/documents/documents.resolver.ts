import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { Input, Payload, field, id } from '../graphql/generated-types.js';
import { payloadWith } from '../graphql/payload.js';
import { idOfType } from '../graphql/node.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { AgendaItemView } from '../meetings/meeting-view.js';
import { DocumentFile, documentIdOf } from './document-file.type.js';
import { agendaItemDocuments } from './document.queries.js';
import * as documents from './document.service.js';

const AgendaItemDocumentInput = Input(
  'AgendaItemDocumentInput',
  'Names an agenda item and a document (from POST /dokument) to attach to it or remove from it.',
  {
    agendaItemId: id('The agenda item.'),
    documentId: id('The document: the id the upload answered with.'),
  },
);
type AgendaItemDocumentInput = InstanceType<typeof AgendaItemDocumentInput>;

const AgendaItemDocumentPayload = Payload(
  'AgendaItemDocumentPayload',
  'Result of attaching a document to an agenda item or removing it.',
  {
    agendaItem: field<AgendaItem | null>(
      () => AgendaItem,
      'The agenda item with its documents after the change; null when it was refused.',
      { nullable: true },
    ),
  },
  'Why the change was refused.',
);

function serviceInput(input: AgendaItemDocumentInput) {
  return {
    agendaItemId: idOfType(input.agendaItemId, 'AgendaItem'),
    documentId: documentIdOf(input.documentId),
  };
}

@Resolver(() => AgendaItem)
export class AgendaItemDocumentsResolver {
  @FieldResolver(() => [DocumentFile], {
    description: 'Documents attached to the item, in the order attached.',
  })
  documents(
    @Root() item: AgendaItem | AgendaItemView,
    @Ctx() { em }: GraphQLContext,
  ): DocumentFile[] | Promise<DocumentFile[]> {
    if (item instanceof AgendaItemView) return item.documents;
    return agendaItemDocuments(em, item.id);
  }

  @Mutation(() => AgendaItemDocumentPayload, {
    description: 'Attaches an uploaded document to an agenda item (whoever may manage the meeting).',
  })
  attachDocumentToAgendaItem(
    @Arg('input', () => AgendaItemDocumentInput) input: AgendaItemDocumentInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('agendaItem', () =>
      documents.attachDocumentToAgendaItem(em, viewer, serviceInput(input)),
    );
  }

  @Mutation(() => AgendaItemDocumentPayload, {
    description: 'Removes a document from an agenda item; a document nothing else holds is deleted.',
  })
  removeDocumentFromAgendaItem(
    @Arg('input', () => AgendaItemDocumentInput) input: AgendaItemDocumentInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('agendaItem', () =>
      documents.removeDocumentFromAgendaItem(em, viewer, serviceInput(input)),
    );
  }
}
