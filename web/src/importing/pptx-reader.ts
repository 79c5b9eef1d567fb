import { posix } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ConversionError } from './conversion-events.ts';

/**
 * Reads a .pptx (a zip of XML) for what LibreOffice's PDF leaves out: each slide's text and its
 * speaker notes, in slide order, skipping hidden slides as the PDF export does. Every entry is
 * inflated and counted before LibreOffice sees the file, so a zip bomb (honest sizes or lying
 * headers: yauzl checks each entry's real size against its header) is refused here.
 */

export interface PptxSlide {
  text: string;
  notes: string;
}

export interface PptxLimits {
  unpackedMaxBytes: number;
}

const ENTRIES_MAX = 20_000;
/** The most of one XML part kept for reading; deck parts are far smaller. */
const PART_MAX_BYTES = 20 * 1024 * 1024;

const wanted = (name: string): boolean =>
  name === 'ppt/presentation.xml' ||
  name === 'ppt/_rels/presentation.xml.rels' ||
  /^ppt\/slides\/(_rels\/)?slide\d+\.xml(\.rels)?$/.test(name) ||
  /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name);

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

/** Inflates every entry, counting real bytes; keeps the parts `wanted` names. */
async function unpackParts(bytes: Buffer, limits: PptxLimits): Promise<Map<string, string>> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    throw new ConversionError('malformed');
  }
  if (zip.entryCount > ENTRIES_MAX) {
    zip.close();
    throw new ConversionError('unpacked_too_large');
  }
  const parts = new Map<string, string>();
  let unpacked = 0;
  let declared = 0;
  return new Promise((resolve, reject) => {
    const fail = (error: ConversionError) => {
      zip.close();
      reject(error);
    };
    zip.on('error', () => fail(new ConversionError('malformed')));
    zip.on('end', () => resolve(parts));
    zip.on('entry', (entry: Entry) => {
      declared += entry.uncompressedSize;
      if (declared > limits.unpackedMaxBytes)
        return fail(new ConversionError('unpacked_too_large'));
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(new ConversionError('malformed'));
        const keep = wanted(entry.fileName);
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          unpacked += chunk.length;
          size += chunk.length;
          if (unpacked > limits.unpackedMaxBytes) {
            stream.destroy();
            return fail(new ConversionError('unpacked_too_large'));
          }
          if (keep && size <= PART_MAX_BYTES) chunks.push(chunk);
        });
        stream.on('error', (streamError: Error) =>
          fail(
            new ConversionError(
              /too many bytes|too few bytes/i.test(streamError.message)
                ? 'unpacked_too_large'
                : 'malformed',
            ),
          ),
        );
        stream.on('end', () => {
          if (keep) parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: true,
  htmlEntities: false,
  trimValues: false,
});

function parse(xml: string | undefined): XmlNode[] {
  if (xml === undefined) return [];
  try {
    return parser.parse(xml) as XmlNode[];
  } catch {
    throw new ConversionError('malformed');
  }
}

const tagOf = (node: XmlNode): string | undefined => Object.keys(node).find((k) => k !== ':@');
const childrenOf = (node: XmlNode): XmlNode[] => {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};
const attrsOf = (node: XmlNode): Record<string, string> =>
  (node[':@'] as Record<string, string> | undefined) ?? {};

function* walk(nodes: XmlNode[]): Generator<XmlNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(childrenOf(node));
  }
}

/** The text of a drawing part: `a:t` runs, one line per `a:p` paragraph. */
function paragraphsText(nodes: XmlNode[]): string {
  const lines: string[] = [];
  for (const node of walk(nodes)) {
    if (tagOf(node) !== 'a:p') continue;
    let line = '';
    for (const inner of walk(childrenOf(node))) {
      if (tagOf(inner) !== 'a:t') continue;
      for (const t of childrenOf(inner)) {
        const value = (t as { '#text'?: unknown })['#text'];
        if (typeof value === 'string' || typeof value === 'number') line += String(value);
      }
    }
    const trimmed = line.replace(/\s+/g, ' ').trim();
    if (trimmed) lines.push(trimmed);
  }
  return lines.join('\n');
}

/** Speaker notes: the notes page's body placeholder only (not its slide number or thumbnail). */
function notesText(nodes: XmlNode[]): string {
  const bodies: string[] = [];
  for (const node of walk(nodes)) {
    if (tagOf(node) !== 'p:sp') continue;
    const isBody = [...walk(childrenOf(node))].some(
      (n) => tagOf(n) === 'p:ph' && attrsOf(n).type === 'body',
    );
    if (isBody) bodies.push(paragraphsText(childrenOf(node)));
  }
  return bodies.filter(Boolean).join('\n');
}

/** Relationship id → target part (resolved against the part's folder). */
function relationships(
  xml: string | undefined,
  folder: string,
): Map<string, { target: string; type: string }> {
  const map = new Map<string, { target: string; type: string }>();
  for (const node of walk(parse(xml))) {
    if (tagOf(node) !== 'Relationship') continue;
    const { Id, Target, Type } = attrsOf(node);
    if (!Id || !Target) continue;
    map.set(Id, { target: posix.normalize(posix.join(folder, Target)), type: Type ?? '' });
  }
  return map;
}

export async function readPptx(bytes: Buffer, limits: PptxLimits): Promise<PptxSlide[]> {
  const parts = await unpackParts(bytes, limits);
  const presentation = parts.get('ppt/presentation.xml');
  if (presentation === undefined) throw new ConversionError('malformed');
  const rels = relationships(parts.get('ppt/_rels/presentation.xml.rels'), 'ppt');
  const slides: PptxSlide[] = [];
  for (const node of walk(parse(presentation))) {
    if (tagOf(node) !== 'p:sldId') continue;
    const slidePath = rels.get(attrsOf(node)['r:id'] ?? '')?.target;
    if (!slidePath) continue;
    const slideXml = parse(parts.get(slidePath));
    const root = slideXml.find((n) => tagOf(n) === 'p:sld');
    // Hidden slides are left out of LibreOffice's PDF; leave them out here too so pages line up.
    if (root && attrsOf(root).show === '0') continue;
    const slideRels = relationships(
      parts.get(posix.join(posix.dirname(slidePath), '_rels', `${posix.basename(slidePath)}.rels`)),
      posix.dirname(slidePath),
    );
    const notesPath = [...slideRels.values()].find((r) => r.type.endsWith('/notesSlide'))?.target;
    slides.push({
      text: paragraphsText(slideXml),
      notes: notesPath ? notesText(parse(parts.get(notesPath))) : '',
    });
  }
  return slides;
}
