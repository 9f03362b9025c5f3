#!/usr/bin/env node
/**
 * docs/messages.md, generated from the `Protocol` interface of src/messages.ts: each key's JSDoc,
 * its request and response types as written, who may send it (`MESSAGE_SENDERS`), and the types
 * they name. The JSDoc is the reference; this only lays it out, so the doc cannot drift from the
 * code (tests/unit/docs/messages-doc.test.ts compares the file with what this writes).
 *
 *   node scripts/messages-doc.mjs          write docs/messages.md
 *   node scripts/messages-doc.mjs --check  exit 1 when docs/messages.md is not up to date
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = join(ROOT, 'src', 'messages.ts');
export const TARGET = join(ROOT, 'docs', 'messages.md');
/** An imported type is shown whole when it is this short; a longer one is named with its module. */
const MAX_INLINE_MEMBERS = 12;

const parse = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/**
 * JSDoc prose as Markdown: `<` outside code spans escaped (so `<article>` is shown, not parsed as
 * HTML), and issue references such as "(issue #5)" left out: they point code readers at history,
 * and the docs are about what the code does now.
 */
function prose(text) {
  return text
    .replace(/ ?\((?:issues? )?#\d+(?:, #\d+)*\)/g, '')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/</g, '&lt;')))
    .join('');
}

/** A node's JSDoc as Markdown text (the comment, then any tags), or ''. */
function jsDocOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs.at(-1);
  if (!doc) return '';
  const text = [ts.getTextOfJSDocComment(doc.comment) ?? ''];
  for (const tag of doc.tags ?? []) text.push(`${tag.tagName.text}: ${ts.getTextOfJSDocComment(tag.comment) ?? ''}`);
  return prose(text.filter(Boolean).join('\n').trim());
}

const nameOf = (name) => (ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText());

/** Type and interface declarations of a file, by name. */
function declarations(sf) {
  const out = new Map();
  for (const st of sf.statements) {
    if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && !out.has(st.name.text)) out.set(st.name.text, st);
  }
  return out;
}

/** Imported names of a file → {module (as written), file (resolved .ts, when it exists)}. */
function imports(sf) {
  const out = new Map();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause?.namedBindings || !ts.isNamedImports(st.importClause.namedBindings)) continue;
    const module = st.moduleSpecifier.text;
    const file = [`${module}.ts`, `${module}/index.ts`].map((m) => join(dirname(sf.fileName), m)).find(existsSync);
    for (const el of st.importClause.namedBindings.elements) out.set(el.name.text, { module, file });
  }
  return out;
}

/** Names of the types a type node refers to, in order of appearance. */
function referencedTypes(node) {
  const names = [];
  const visit = (n) => {
    if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && !names.includes(n.typeName.text)) names.push(n.typeName.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

/** The string literals of a union type alias (`'a' | 'b'`), or null when it is not one. */
function literalUnion(decl) {
  if (!decl || !ts.isTypeAliasDeclaration(decl) || !ts.isUnionTypeNode(decl.type)) return null;
  const values = decl.type.types.map((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : null));
  return values.every((v) => v !== null) ? values : null;
}

/** `MESSAGE_SENDERS` as message → sender kinds, following a constant such as `PAGES`. */
function senders(sf) {
  const constants = new Map();
  let table = null;
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      if (d.name.text === 'MESSAGE_SENDERS' && ts.isObjectLiteralExpression(d.initializer)) table = { statement: st, literal: d.initializer };
      else if (ts.isArrayLiteralExpression(d.initializer)) constants.set(d.name.text, d.initializer);
    }
  }
  if (!table) return null;
  const kinds = (expr) => {
    const array = ts.isIdentifier(expr) ? constants.get(expr.text) : expr;
    if (!array || !ts.isArrayLiteralExpression(array)) return [expr.getText()];
    return array.elements.map((e) => (ts.isStringLiteral(e) ? e.text : e.getText()));
  };
  const map = new Map();
  for (const p of table.literal.properties) if (ts.isPropertyAssignment(p)) map.set(nameOf(p.name), kinds(p.initializer));
  return { map, doc: jsDocOf(table.statement) };
}

const code = (text) => `\`${text.replace(/\s+/g, ' ')}\``;
const block = (text) => `\`\`\`ts\n${text}\n\`\`\``;
/** GitHub's heading anchor for a plain word or message name. */
const anchor = (heading) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
const firstSentence = (text) => {
  const flat = text.replace(/\s+/g, ' ');
  const end = flat.search(/[.:;](\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1).replace(/[:;]$/, '.');
};
const cell = (text) => text.replace(/\|/g, '\\|');

/** The Markdown of docs/messages.md for the given source (default: src/messages.ts). */
export function renderMessagesDoc(sourceFile = SOURCE) {
  const sf = parse(sourceFile);
  const sourceName = relative(ROOT, sourceFile).split('\\').join('/');
  const local = declarations(sf);
  const imported = imports(sf);
  const protocol = local.get('Protocol');
  if (!protocol || !ts.isInterfaceDeclaration(protocol)) throw new Error(`${sourceName} has no "interface Protocol"`);
  const allowed = senders(sf);

  const messages = [];
  const missing = [];
  for (const member of protocol.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeLiteralNode(member.type)) continue;
    const name = nameOf(member.name);
    const part = (key) => member.type.members.find((m) => ts.isPropertySignature(m) && nameOf(m.name) === key)?.type;
    const doc = jsDocOf(member);
    if (!doc) missing.push(name);
    messages.push({ name, doc, request: part('request'), response: part('response') });
  }
  if (missing.length) throw new Error(`Protocol keys without a JSDoc comment in ${sourceName}: ${missing.join(', ')}`);

  const out = [];
  out.push('# Messages', '');
  out.push(`<!-- Generated from ${sourceName} by scripts/messages-doc.mjs (npm run docs:messages): edit the JSDoc there, not this file. -->`, '');
  const intro = jsDocOf(protocol);
  if (intro) out.push(intro, '');

  out.push('| message | what it does | who may send it |', '|---|---|---|');
  for (const m of messages) {
    const who =
      allowed?.map
        .get(m.name)
        ?.map((k) => code(k))
        .join(', ') ?? '—';
    out.push(`| [${code(m.name)}](#${anchor(m.name)}) | ${cell(firstSentence(m.doc))} | ${who} |`);
  }
  out.push('');

  // Types named by requests and responses, then the reply envelope, in order of first use.
  const named = [];
  const note = (names) => {
    for (const n of names) if (!named.includes(n)) named.push(n);
  };
  for (const m of messages) note([...(m.request ? referencedTypes(m.request) : []), ...(m.response ? referencedTypes(m.response) : [])]);
  for (let i = 0; i < named.length; i++) {
    const decl = local.get(named[i]);
    if (decl) note(referencedTypes(decl));
  }
  for (const envelope of ['Reply', 'WireError']) if (local.has(envelope) && !named.includes(envelope)) named.push(envelope);

  out.push('## Each message', '');
  for (const m of messages) {
    out.push(`### ${m.name}`, '', m.doc, '');
    out.push(`Request: ${m.request ? code(`{ type: '${m.name}' } & ${m.request.getText()}`) : '—'}`, '');
    out.push(`Response: ${m.response ? code(m.response.getText()) : '—'}`, '');
    const who = allowed?.map.get(m.name);
    if (who) out.push(`Senders: ${who.map((k) => code(k)).join(', ')}`, '');
  }

  out.push('## Types', '');
  const moduleNote = [];
  for (const name of named) {
    const decl = local.get(name);
    if (decl) {
      out.push(`### ${name}`, '');
      const doc = jsDocOf(decl);
      if (doc) out.push(doc, '');
      out.push(block(decl.getText()), '');
      continue;
    }
    const from = imported.get(name);
    if (!from) continue;
    const foreign = from.file ? declarations(parse(from.file)).get(name) : undefined;
    const size = foreign && ts.isInterfaceDeclaration(foreign) && !foreign.heritageClauses ? foreign.members.length : Infinity;
    if (foreign && size <= MAX_INLINE_MEMBERS) {
      out.push(`### ${name}`, '', `From \`${from.module.replace(/^\.\//, '')}\`.`, '');
      const doc = jsDocOf(foreign);
      if (doc) out.push(doc, '');
      out.push(block(foreign.getText()), '');
    } else {
      moduleNote.push(`- ${code(name)}: \`${from.module.replace(/^\.\//, '')}\`${foreign && jsDocOf(foreign) ? ` — ${firstSentence(jsDocOf(foreign))}` : ''}`);
    }
  }
  if (moduleNote.length) out.push('Larger types, defined in their modules:', '', ...moduleNote, '');

  const errorType = imported.has('CaptureErrorCode') ? imported.get('CaptureErrorCode') : null;
  const codes = errorType?.file ? literalUnion(declarations(parse(errorType.file)).get('CaptureErrorCode')) : null;
  if (codes) {
    out.push('## Error codes', '', `\`error.code\` of an error reply is one of: ${codes.map((c) => code(c)).join(', ')}.`, '');
  }

  if (allowed) {
    out.push('## Who may send them', '');
    const kinds = local.get('SenderKind');
    const kindsDoc = kinds ? jsDocOf(kinds) : '';
    if (kindsDoc) out.push(kindsDoc, '');
    if (allowed.doc) out.push(allowed.doc, '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = renderMessagesDoc();
  if (process.argv.includes('--check')) {
    const current = existsSync(TARGET) ? readFileSync(TARGET, 'utf8') : '';
    if (current !== text) {
      console.error(`${relative(ROOT, TARGET)} is out of date: run npm run docs:messages`);
      process.exit(1);
    }
    console.log(`${relative(ROOT, TARGET)} is up to date`);
  } else {
    writeFileSync(TARGET, text);
    console.log(`wrote ${relative(ROOT, TARGET)}`);
  }
}
