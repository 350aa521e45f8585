// nodejieba side of bench/run.sh: segments every line of the message text, prints one RESULT line.
// Run: node bench/node/segment.js messages.txt (after npm ci in bench/node).
'use strict';
const fs = require('fs');
const path = process.argv[2];
const lines = fs.readFileSync(path, 'utf8').split('\n');

let started = process.hrtime.bigint();
const nodejieba = require('nodejieba');
nodejieba.load();
nodejieba.cut('预热', true);
const load = Number(process.hrtime.bigint() - started) / 1e9;

let tokens = 0;
started = process.hrtime.bigint();
for (const line of lines) {
  tokens += nodejieba.cut(line, true).length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const version = require('nodejieba/package.json').version;
console.log(`RESULT\tnodejieba ${version} (cut, HMM, 1 thread)\t${fs.statSync(path).size}\t${seconds.toFixed(3)}\t${tokens}\tload ${load.toFixed(1)} s`);
