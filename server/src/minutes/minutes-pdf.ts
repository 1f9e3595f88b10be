import { createRequire } from 'node:module';
import type { MinutesDocument } from './minutes-document.js';

const require = createRequire(import.meta.url);
/** DejaVu is embedded (subset), with a Unicode map: the standard 14 fonts are not, and lack one for å, ä, ö. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Where the published minutes' PDF is served. */
export function minutesPdfPath(meetingGlobalId: string): string {
  return `/moten/${meetingGlobalId}/protokoll.pdf`;
}

const dateTime = (date: Date) =>
  date.toLocaleString('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  });
const time = (date: Date) =>
  date.toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'short' });

export function minutesTitle(document: MinutesDocument): string {
  const day = document.meeting.startsAt.toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
  });
  return `Protokoll – ${document.meeting.forumName}, ${day}`;
}

const person = (p: { name: string; organisation: string | null }) =>
  p.organisation ? `${p.name}, ${p.organisation}` : p.name;

/**
 * The published minutes as a tagged PDF (PDF/UA identification): document language Swedish, the title shown
 * by viewers, a structure tree of H1, H2 per paragraph, P and lists, and an embedded TrueType font.
 */
export async function renderMinutesPdf(document: MinutesDocument): Promise<Buffer> {
  // Loaded on the first PDF, not at start-up: pdfkit and its font engine are large.
  const { default: PDFDocument } = await import('pdfkit');
  const title = minutesTitle(document);
  const pdf = new PDFDocument({
    // PDF/UA identification in the XMP metadata; @types/pdfkit lists only the PDF/A subsets.
    ...({ subset: 'PDF/UA' } as object),
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    pdfVersion: '1.7',
    font: FONT,
    size: 'A4',
    margin: 56,
    info: { Title: title, Author: document.meeting.forumName, Subject: document.meeting.title },
  });
  pdf.registerFont('regular', FONT);
  pdf.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const heading = (level: 'H1' | 'H2', text: string) => {
    pdf.moveDown(level === 'H1' ? 0 : 0.8);
    pdf.font('bold').fontSize(level === 'H1' ? 18 : 13);
    pdf.text(text, { structParent: root, structType: level });
    pdf.font('regular').fontSize(11).moveDown(0.3);
  };
  const paragraph = (text: string) => pdf.text(text, { structParent: root, structType: 'P' });
  const list = (items: string[]) => {
    if (items.length === 0) return;
    const container = pdf.struct('L');
    root.add(container);
    pdf.list(items, { structParent: container, listType: 'bullet' });
    container.end();
  };

  const { meeting, attendance } = document;
  heading('H1', title);
  paragraph(meeting.title);
  const facts = [
    `Tid: ${dateTime(meeting.startedAt ?? meeting.startsAt)}–${time(meeting.closedAt ?? meeting.endsAt)}`,
    meeting.location && `Plats: ${meeting.location}`,
    meeting.digitalLink && `Digitalt: ${meeting.digitalLink}`,
    meeting.chairName && `Ordförande: ${meeting.chairName}`,
    meeting.adjusterNames.length > 0 && `Justerare: ${meeting.adjusterNames.join(', ')}`,
  ].filter((fact): fact is string => !!fact);
  list(facts);
  if (document.openingNote) paragraph(document.openingNote);

  heading('H2', 'Närvaro');
  const noAttendance = attendance.present.length + attendance.absent.length + attendance.changes.length === 0;
  if (noAttendance) paragraph('Ingen närvaro registrerades under mötet.');
  if (attendance.present.length) {
    paragraph('Närvarande från mötets början:');
    list(attendance.present.map(person));
  }
  if (attendance.changes.length) {
    paragraph('Kom eller gick under mötet:');
    list(
      attendance.changes.map(
        (change) =>
          `${person(change)}: ${change.change === 'ARRIVED' ? 'kom' : 'gick'} ${time(change.at)}` +
          (change.agendaItem ? ` under § ${change.agendaItem.position}` : ''),
      ),
    );
  }
  if (attendance.absent.length) {
    paragraph('Frånvarande ledamöter:');
    list(attendance.absent.map(person));
  }

  for (const item of document.paragraphs) {
    heading('H2', `§ ${item.number} ${item.title}`);
    if (item.deferred) paragraph('Punkten bordlades.');
    if (item.decision) paragraph(`Beslut: ${item.decision}`);
    if (item.minute) paragraph(item.minute);
    if (!item.deferred && !item.decision && !item.minute) paragraph('Inget att anteckna.');
  }
  if (document.closingNote) {
    pdf.moveDown(0.8);
    paragraph(document.closingNote);
  }

  heading('H2', 'Justering');
  list(
    document.approvals.map(
      (approval) =>
        `${approval.name} (${approval.role === 'CHAIR' ? 'ordförande' : 'justerare'}): ` +
        (approval.approvedAt ? `justerat ${dateTime(approval.approvedAt)}` : 'har inte justerat'),
    ),
  );
  if (document.publishedAt) paragraph(`Publicerat ${dateTime(document.publishedAt)}.`);

  root.end();
  pdf.end();
  return done;
}
