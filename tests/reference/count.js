#!/usr/bin/env node
// Reference counter for tests/core/test_counting.py.
//
// Reads a JSON array of strings on stdin and writes a JSON array (same order)
// of the counts the official implementations give:
//   x          twitter-text's parseTweet (v3 config: weighted length, URLs 23,
//              emoji 2) — the library X's own clients are built on;
//   graphemes  extended grapheme clusters from Intl.Segmenter (what the
//              Bluesky app counts against the 300-grapheme limit);
//   utf8Bytes  Buffer.byteLength (the lexicon's 3000-byte maxLength);
//   utf16      String#length, for diagnosing a mismatch.
// An optional second argument "--urls" adds each string's URLs found by
// twitter-text's extractUrlsWithIndices with and without the scheme rule.
//
// Resolve twitter-text from NODE_PATH (the tests install it under .cache/).
'use strict';

const twttr = require('twitter-text');

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const withUrls = process.argv.includes('--urls');

function count(text) {
  const parsed = twttr.parseTweet(text);
  const result = {
    x: { weightedLength: parsed.weightedLength, valid: parsed.valid },
    graphemes: Array.from(segmenter.segment(text)).length,
    utf8Bytes: Buffer.byteLength(text, 'utf8'),
    utf16: text.length,
  };
  if (withUrls) {
    result.urls = twttr.extractUrlsWithIndices(text).map((u) => u.url);
    result.schemeUrls = twttr
      .extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false })
      .map((u) => u.url);
  }
  return result;
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
