/**
 * Export files of every format issue #15 reads, made from the services' public format
 * descriptions (never real user data): `node scripts/import-fixtures.mjs` writes the static ones
 * to tests/fixtures/import/; the e2e tests and the bench call the builders with their own local
 * addresses. Each builder takes entries `{url, title, savedAt (unix s), tags, archived, favourite,
 * progress (0..1), content, highlights: [{quote, note}]}`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { article } from './reliability-pages.mjs';

const csvField = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csvLine = (fields) => fields.map(csvField).join(',');
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const iso = (s) => new Date(s * 1000).toISOString();

/** Pocket's CSV export (2024–2025): title,url,time_added,tags,status. */
export function pocketCsv(entries) {
  const rows = entries.map((e) => csvLine([e.title, e.url, e.savedAt, (e.tags ?? []).join('|'), e.archived ? 'archive' : 'unread']));
  return `${['title,url,time_added,tags,status', ...rows].join('\n')}\n`;
}

/** Pocket's older HTML export: an Unread and a Read Archive list. */
export function pocketHtml(entries) {
  const list = (es) =>
    `<ul>\n${es.map((e) => `<li><a href="${esc(e.url)}" time_added="${e.savedAt}" tags="${esc((e.tags ?? []).join(','))}">${esc(e.title)}</a></li>`).join('\n')}\n</ul>`;
  return `<!DOCTYPE html>
<html>
<!--So long and thanks for all the fish-->
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /><title>Pocket Export</title></head>
<body>
<h1>Unread</h1>
${list(entries.filter((e) => !e.archived))}
<h1>Read Archive</h1>
${list(entries.filter((e) => e.archived))}
</body>
</html>
`;
}

/** Instapaper's CSV: URL,Title,Selection,Folder,Timestamp,Tags (Folder Unread/Archive/Starred/own). */
export function instapaperCsv(entries) {
  const rows = entries.map((e) =>
    csvLine([e.url, e.title, '', e.folder ?? (e.archived ? 'Archive' : e.favourite ? 'Starred' : 'Unread'), e.savedAt, JSON.stringify(e.tags ?? [])]),
  );
  return `${['URL,Title,Selection,Folder,Timestamp,Tags', ...rows].join('\n')}\n`;
}

/** Readwise Reader's CSV export. */
export function readwiseCsv(entries) {
  const rows = entries.map((e, i) =>
    csvLine([
      e.title,
      e.url,
      `01h${String(i).padStart(8, '0')}`,
      `[${(e.tags ?? []).map((t) => `'${t}'`).join(', ')}]`,
      iso(e.savedAt).replace('T', ' ').replace('.000Z', '+00:00'),
      e.progress ?? 0,
      e.archived ? 'archive' : e.favourite ? 'shortlist' : 'later',
      'True',
    ]),
  );
  return `${['Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen', ...rows].join('\n')}\n`;
}

/** wallabag's JSON export (an array of entries). */
export function wallabagJson(entries) {
  return JSON.stringify(
    entries.map((e, i) => ({
      is_archived: e.archived ? 1 : 0,
      is_starred: e.favourite ? 1 : 0,
      tags: e.tags ?? [],
      is_public: false,
      id: i + 1,
      title: e.title,
      url: e.url,
      content: e.content ?? null,
      created_at: iso(e.savedAt).replace('.000Z', '+0000'),
      updated_at: iso(e.savedAt).replace('.000Z', '+0000'),
      published_at: null,
      published_by: [],
      annotations: (e.highlights ?? []).map((h, j) => ({ id: j + 1, quote: h.quote, text: h.note ?? '', ranges: [] })),
      mimetype: 'text/html',
      language: 'en',
      reading_time: 2,
      domain_name: new URL(e.url).host,
      preview_picture: null,
    })),
    null,
    2,
  );
}

/** Netscape bookmarks, as every browser exports them; `folder` is a path "A/B". */
export function bookmarksHtml(entries) {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
  ];
  lines.push('    <DT><H3 ADD_DATE="1700000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>', '    <DL><p>');
  const byFolder = new Map();
  for (const e of entries) byFolder.set(e.folder ?? '', [...(byFolder.get(e.folder ?? '') ?? []), e]);
  const link = (e, pad) =>
    `${pad}<DT><A HREF="${esc(e.url)}" ADD_DATE="${e.savedAt}"${e.tags?.length ? ` TAGS="${esc(e.tags.join(','))}"` : ''}>${esc(e.title)}</A>`;
  for (const [folder, es] of byFolder) {
    const parts = folder ? folder.split('/') : [];
    let pad = '        ';
    for (const part of parts) {
      lines.push(`${pad}<DT><H3 ADD_DATE="1700000000">${esc(part)}</H3>`, `${pad}<DL><p>`);
      pad += '    ';
    }
    for (const e of es) lines.push(link(e, pad));
    for (let i = 0; i < parts.length; i++) {
      pad = pad.slice(4);
      lines.push(`${pad}</DL><p>`);
    }
  }
  lines.push('    </DL><p>', '</DL><p>');
  return `${lines.join('\n')}\n`;
}

/** A plain list of addresses. */
export const urlList = (urls) => `${urls.join('\n')}\n`;

/** A page saved with SingleFile (its header comment names the address and the date). */
export function singleFilePage(e) {
  const body = e.content ?? article(e.title);
  return body.replace(
    /^<!doctype html>/i,
    `<!DOCTYPE html> <html lang="en"><!--\n Page saved with SingleFile \n url: ${e.url} \n saved date: ${new Date(e.savedAt * 1000).toString()}\n-->`,
  );
}

const slugOf = (e, i) =>
  `${(e.title ?? 'article')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)}-${i}`;

/** Omnivore's export zip: metadata_0_to_N.json, content/<slug>.html, highlights/<slug>.md. */
export function omnivoreZip(entries, { truncate = false } = {}) {
  const files = {};
  const metadata = entries.map((e, i) => {
    const slug = slugOf(e, i);
    if (e.content) files[`content/${slug}.html`] = strToU8(e.content);
    if (e.highlights?.length) {
      files[`highlights/${slug}.md`] = strToU8(
        e.highlights.map((h) => `> ${h.quote} [⤴️](https://omnivore.app/me/${slug}#${i})${h.note ? `\n\n${h.note}` : ''}`).join('\n\n') + '\n',
      );
    }
    return {
      id: `0000000${i}-aaaa-bbbb-cccc-dddddddddddd`,
      slug,
      title: e.title,
      description: '',
      author: 'Harbour Desk',
      url: e.url,
      state: e.archived ? 'Archived' : 'Active',
      readingProgress: Math.round((e.progress ?? 0) * 100),
      thumbnail: null,
      labels: e.tags ?? [],
      savedAt: iso(e.savedAt),
      updatedAt: iso(e.savedAt),
      publishedAt: null,
    };
  });
  files[`metadata_0_to_${entries.length}.json`] = strToU8(JSON.stringify(metadata, null, 2));
  const zip = zipSync(files, { level: 6, mtime: new Date('2024-11-01T00:00:00Z') });
  return truncate ? zip.slice(0, Math.floor(zip.length * 0.6)) : zip;
}

/** A small set of entries on example.com, with every field the formats carry. */
export function sampleEntries(base = 'https://example.com') {
  return [
    {
      url: `${base}/harbour/ferry-returns`,
      title: 'Ferry returns, at last',
      savedAt: 1700000000,
      tags: ['harbour', 'transport'],
      archived: false,
      favourite: true,
      progress: 0.4,
    },
    {
      url: `${base}/harbour/council-vote`,
      title: 'Council votes, "again"',
      savedAt: 1700003600,
      tags: ['politics'],
      archived: true,
      favourite: false,
      progress: 1,
    },
    { url: `${base}/weather/storm, names`, title: 'Storm names, explained', savedAt: 1700007200, tags: [], archived: false, favourite: false, progress: 0 },
  ];
}

function writeFixtures(dir) {
  mkdirSync(dir, { recursive: true });
  const entries = sampleEntries();
  const withContent = entries.map((e, i) => ({
    ...e,
    content: article(`${i + 1} saved`),
    highlights:
      i === 0
        ? [
            { quote: 'the ferry operators said the new timetable would hold', note: 'Check the winter table.' },
            { quote: 'Paragraph 2 of article', note: null },
          ]
        : [],
  }));
  const files = {
    'pocket.csv': pocketCsv(entries),
    'pocket.html': pocketHtml(entries),
    'instapaper.csv': instapaperCsv([
      ...entries,
      { url: 'https://example.com/recipes/bread', title: 'Bread', savedAt: 1700010000, folder: 'Recipes', tags: ['food'] },
    ]),
    'readwise.csv': readwiseCsv(entries),
    'wallabag.json': wallabagJson(withContent),
    'bookmarks.html': bookmarksHtml([
      ...entries.map((e, i) => ({ ...e, folder: i === 0 ? 'News/Harbour' : '' })),
      { url: 'javascript:alert(1)', title: 'A bookmarklet', savedAt: 1700000000 },
    ]),
    'urls.txt': urlList(['# my reading list', ...entries.map((e) => e.url), '', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url']),
    'singlefile.html': singleFilePage({ ...withContent[0], content: article('single file') }),
    'omnivore.zip': omnivoreZip(withContent),
    'omnivore-truncated.zip': omnivoreZip(withContent, { truncate: true }),
    'wrong-columns.csv': 'name,link,added\nFerry,https://example.com/a,1700000000\n',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return Object.keys(files);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'import');
  console.log(`wrote ${writeFixtures(dir).join(', ')} to ${dir}`);
}
