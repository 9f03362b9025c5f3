import { strToU8, zipSync, type Zippable } from 'fflate';
import { bytesToBase64 } from '../shared/base64';
import { articleDirection, type TextDirection } from '../shared/text-direction';
import type { SavedArticle } from '../shared/capture';
import { escapeXml, toXhtmlFragment, type ParseHtml } from './xhtml';

/**
 * The selection as one HTML file (to read or print anywhere) and as an EPUB 3 book (for
 * e-readers): a book with a table of contents, one chapter per article.
 * Images: stored copies go into the book (and into the HTML file as data: URIs); others stay links
 * in the book (EPUB forbids remote images) and web addresses in the HTML file. The book's cover is the first article's stored lead image.
 */
export interface BookOptions {
  parse: ParseHtml;
  title?: string;
  now?: Date;
  /** Stored image bytes for a URL, if the library keeps one. */
  image?: (url: string) => Promise<Blob | null>;
}

function metaLine(a: SavedArticle): string {
  const date = (a.published ?? '').slice(0, 10);
  return [a.byline, a.siteName, date].filter(Boolean).join(' · ');
}

/** Which way the article reads, from its `dir`, language or text (issue 17). */
function directionOf(a: SavedArticle): TextDirection {
  return articleDirection({ dir: a.dir, lang: a.lang, text: `${a.title}\n${a.textContent ?? ''}` });
}

/** ` dir="rtl"` for a right-to-left article; nothing for the left-to-right default. */
function dirAttribute(direction: TextDirection): string {
  return direction === 'rtl' ? ' dir="rtl"' : '';
}

function articleHeader(a: SavedArticle, headingTag: string): string {
  const meta = metaLine(a);
  return `<header><${headingTag}>${escapeXml(a.title)}</${headingTag}>${meta ? `<p class="meta">${escapeXml(meta)}</p>` : ''}<p class="source"><a href="${escapeXml(a.url)}">${escapeXml(a.url)}</a></p></header>`;
}

/**
 * The article's highlights after its text (issue #16): each quote with its note, as text. Every
 * highlight is listed, so one the text no longer holds (an orphan) is still in the book.
 */
function highlightsHtml(a: SavedArticle, headingTag: string): string {
  const list = [...(a.highlights ?? [])].sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  if (!list.length) return '';
  const items = list.map((h) => {
    const quote = `<blockquote class="hl-quote hl-${h.color}"><p>${escapeXml(h.exact.replace(/\s+/g, ' ').trim())}</p></blockquote>`;
    const note = h.note.trim() ? `<p class="hl-note">${escapeXml(h.note.trim())}</p>` : '';
    return `<li>${quote}${note}</li>`;
  });
  return `\n<section class="highlights"><${headingTag}>Highlights</${headingTag}><ul>${items.join('')}</ul></section>`;
}

// Physical sides with a [dir=rtl] mirror, not logical properties: older e-readers know none.
const CSS = `body{font-family:Georgia,serif;line-height:1.55;max-width:40em;margin:0 auto;padding:1em}
header{border-bottom:1px solid #ccc;margin-bottom:1em}.meta,.source{font-family:sans-serif;font-size:.85em;color:#555}
img{max-width:100%;height:auto}figcaption{font-size:.85em;color:#555}pre{white-space:pre-wrap}
article{margin-bottom:3em}nav ol{line-height:1.8}
mark.hl-yellow{background:#fff0a0}mark.hl-green{background:#c8f0c4}mark.hl-blue{background:#cbe3ff}mark.hl-pink{background:#ffcfe1}
.highlights ul{list-style:none;padding:0}.hl-quote{margin:.6em 0;padding-left:.8em;border-left:4px solid #e0c040}.hl-note{font-family:sans-serif;font-size:.9em;margin:.2em 0 1em .8em}
[dir=rtl] .hl-quote{padding-left:0;padding-right:.8em;border-left:0;border-right:4px solid #e0c040}[dir=rtl] .hl-note{margin:.2em .8em 1em 0}`;

const MEDIA: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg' };

/** The `src` of every image in stored article HTML. */
const imageUrls = (html: string): string[] => [...html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));

/**
 * One self-contained HTML file with a table of contents, no script: stored images are embedded
 * as data: URIs, the others stay their web address.
 */
export async function toHtmlFile(articles: SavedArticle[], options: BookOptions): Promise<string> {
  const title = options.title ?? 'Clean Capture';
  const embedded = new Map<string, string>();
  for (const url of new Set(articles.flatMap((a) => imageUrls(a.contentHtml)))) {
    const blob = options.image ? await options.image(url) : null;
    // Only the image types the EPUB takes too: nothing else may ride in a data: URI.
    if (blob && MEDIA[blob.type]) embedded.set(url, `data:${blob.type};base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`);
  }
  const toc = articles.map((a, i) => `<li><a href="#article-${i + 1}">${escapeXml(a.title)}</a></li>`).join('\n');
  const bodies = articles.map((a, i) => {
    const body = toXhtmlFragment(options.parse, a.contentHtml, {
      baseUrl: a.url,
      highlights: a.highlights,
      mapImage: (img) => {
        const data = embedded.get(img.getAttribute('src') ?? '');
        if (data) img.setAttribute('src', data);
        return img;
      },
    });
    return `<article id="article-${i + 1}"${a.lang ? ` lang="${escapeXml(a.lang)}"` : ''}${dirAttribute(directionOf(a))}>\n${articleHeader(a, 'h2')}\n${body}${highlightsHtml(a, 'h3')}\n</article>`;
  });
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeXml(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<h1>${escapeXml(title)}</h1>\n<nav><ol>\n${toc}\n</ol></nav>\n${bodies.join('\n')}\n</body>\n</html>\n`;
}

function xhtmlPage(title: string, lang: string, body: string, direction: TextDirection = 'ltr'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${escapeXml(lang)}" lang="${escapeXml(lang)}"${dirAttribute(direction)}>\n<head>\n<meta charset="utf-8"/>\n<title>${escapeXml(title)}</title>\n<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** A language tag as BCP 47 writes it ("en_US" → "en-US"), or null when it is not one. */
function langTag(lang: string | null | undefined): string | null {
  const tag = (lang ?? '').trim().replace(/_/g, '-');
  return /^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$/.test(tag) ? tag : null;
}

/**
 * The OPF's Dublin Core lines from the articles, where EPUB 3 allows repeats: every language and
 * author, each article's address as a source; one date (EPUB allows one): the article's own for a
 * one-article book, else the newest.
 */
function bookMetadata(articles: SavedArticle[], lang: string, now: Date): string {
  const unique = (values: (string | null | undefined)[]) => [...new Set(values.map((v) => (v ?? '').trim()).filter(Boolean))];
  const languages = unique([lang, ...articles.map((a) => langTag(a.lang))]);
  const authors = unique(articles.flatMap((a) => (a.authors.length ? a.authors : [a.byline])));
  const dates = unique(articles.map((a) => a.published))
    .filter((d) => !Number.isNaN(Date.parse(d)))
    .sort();
  const date = dates.at(-1) ?? now.toISOString().replace(/\.\d+Z$/, 'Z');
  const sites = unique(articles.map((a) => a.siteName));
  return [
    ...languages.map((l) => `<dc:language>${escapeXml(l)}</dc:language>`),
    ...(authors.length ? authors : ['Clean Capture']).map((c) => `<dc:creator>${escapeXml(c)}</dc:creator>`),
    ...sites.map((p) => `<dc:publisher>${escapeXml(p)}</dc:publisher>`),
    `<dc:date>${escapeXml(date)}</dc:date>`,
    ...articles.map((a) => `<dc:source>${escapeXml(a.canonicalUrl || a.url)}</dc:source>`),
  ].join('\n');
}

/** An EPUB 3 book: mimetype first and stored, container.xml, OPF, nav, one XHTML chapter per article. */
export async function toEpub(articles: SavedArticle[], options: BookOptions): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const title = options.title ?? 'Clean Capture';
  const lang = articles.map((a) => langTag(a.lang)).find(Boolean) ?? 'en';
  // A book of right-to-left articles turns its pages right to left (the spine's
  // page-progression-direction); a mixed book keeps the default and each chapter its own dir.
  const directions = articles.map(directionOf);
  const bookDirection: TextDirection = directions.length > 0 && directions.every((d) => d === 'rtl') ? 'rtl' : 'ltr';
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      `<?xml version="1.0" encoding="utf-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>\n</container>\n`,
    ),
  };
  const manifest: string[] = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
  ];
  const spine: string[] = [];
  const images = new Map<string, string>();
  /** The stored copy of `url` added to the book once; its href, or undefined when not stored. */
  const addImage = async (url: string, properties = ''): Promise<string | undefined> => {
    if (images.has(url) || !options.image) return images.get(url);
    const blob = await options.image(url);
    const ext = blob && MEDIA[blob.type];
    if (!blob || !ext) return undefined;
    const href = `images/${String(images.size + 1).padStart(4, '0')}.${ext}`;
    files[`OEBPS/${href}`] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }];
    manifest.push(`<item id="img${images.size + 1}" href="${href}" media-type="${blob.type}"${properties ? ` properties="${properties}"` : ''}/>`);
    images.set(url, href);
    return href;
  };
  // The cover: the first article's lead image, when the library stored it.
  const coverUrl = articles[0]?.leadImage?.url;
  const cover = coverUrl ? await addImage(coverUrl, 'cover-image') : undefined;
  if (cover) {
    files['OEBPS/cover.xhtml'] = strToU8(
      xhtmlPage(title, lang, `<section epub:type="cover" class="cover"><img src="${escapeXml(cover)}" alt="${escapeXml(title)}"/></section>`, bookDirection),
    );
    manifest.push('<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>');
    spine.push('<itemref idref="cover" linear="no"/>');
  }
  for (const [i, a] of articles.entries()) {
    for (const url of imageUrls(a.contentHtml)) await addImage(url);
    const body = toXhtmlFragment(options.parse, a.contentHtml, {
      baseUrl: a.url,
      highlights: a.highlights,
      mapImage: (img) => {
        const src = img.getAttribute('src') ?? '';
        const local = images.get(src);
        if (local) {
          img.setAttribute('src', local);
          return img;
        }
        if (!src) return null;
        const link = img.ownerDocument.createElement('a');
        link.setAttribute('class', 'remote-image');
        link.setAttribute('href', src);
        link.textContent = `[${img.getAttribute('alt') || 'image'}]`;
        return link;
      },
    });
    const id = `a${String(i + 1).padStart(4, '0')}`;
    files[`OEBPS/${id}.xhtml`] = strToU8(
      xhtmlPage(a.title, langTag(a.lang) ?? lang, `<article>\n${articleHeader(a, 'h1')}\n${body}${highlightsHtml(a, 'h2')}\n</article>`, directions[i]),
    );
    manifest.push(`<item id="${id}" href="${id}.xhtml" media-type="application/xhtml+xml"/>`);
    spine.push(`<itemref idref="${id}"/>`);
  }
  const nav = `<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>\n${articles.map((a, i) => `<li><a href="a${String(i + 1).padStart(4, '0')}.xhtml">${escapeXml(a.title)}</a></li>`).join('\n')}\n</ol></nav>`;
  files['OEBPS/nav.xhtml'] = strToU8(xhtmlPage('Contents', lang, nav, bookDirection));
  files['OEBPS/style.css'] = strToU8(CSS);
  const identifier = `urn:clean-capture:${now.toISOString()}:${articles.length}`;
  const coverMeta = cover ? `\n<meta name="cover" content="img${[...images.values()].indexOf(cover) + 1}"/>` : '';
  files['OEBPS/content.opf'] = strToU8(`<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeXml(lang)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${escapeXml(identifier)}</dc:identifier>
<dc:title>${escapeXml(title)}</dc:title>
${bookMetadata(articles, lang, now)}
<meta property="dcterms:modified">${now.toISOString().replace(/\.\d+Z$/, 'Z')}</meta>${coverMeta}
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine${bookDirection === 'rtl' ? ' page-progression-direction="rtl"' : ''}>
${spine.join('\n')}
</spine>
</package>
`);
  return zipSync(files, { level: 6, mtime: now });
}
