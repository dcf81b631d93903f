#!/usr/bin/env node
// Reference counter for tests/core/test_counting.py.
//
// Reads a JSON array of strings on stdin and writes a JSON array (same order)
// of the counts the official implementations give:
//   x          twitter-text's parseTweet (v3 config: weighted length, URLs 23,
//              emoji 2) — the library X's own clients are built on;
//   graphemes  extended grapheme clusters from Intl.Segmenter;
//   atprotoGraphemes  the same from unicode-segmenter, which atproto's
//              graphemeLen (lexicon maxGraphemes, Bluesky's 300) counts with;
//   utf8Bytes  Buffer.byteLength (the lexicon's 3000-byte maxLength).
//
// Packages resolve through NODE_PATH (the tests install them under .cache/).
'use strict';

const twttr = require('twitter-text');
const { countGraphemes } = require('unicode-segmenter/grapheme');

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function count(text) {
  const parsed = twttr.parseTweet(text);
  return {
    x: { weightedLength: parsed.weightedLength, valid: parsed.valid },
    graphemes: Array.from(segmenter.segment(text)).length,
    atprotoGraphemes: countGraphemes(text),
    utf8Bytes: Buffer.byteLength(text, 'utf8'),
  };
}

const chunks = [];
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const texts = JSON.parse(chunks.join(''));
  if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) {
    process.stderr.write('count.js: stdin must be a JSON array of strings\n');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(texts.map(count)));
});
