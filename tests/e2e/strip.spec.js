// A table test of input/strip.js (run in Node, no browser): what the pass before DOMParser
// removes (script/style elements, on…= and style= attributes) and what it must leave alone.
import { test, expect } from '@playwright/test';
import { stripActiveMarkup } from '../../www/input/strip.js';

const CASES = [
  // [input, expected]
  ['<p onclick="x()" class=a>t</p>', '<p class=a>t</p>'],
  ['<img/onerror=alert(1) src=x>', '<img src=x>'],
  ['<IMG SRC=x ONERROR = "a>b" STYLE=\'c\'>', '<IMG SRC=x>'],
  ['a<script>if (a<b) {x("</p>")}</script>b', 'ab'],
  ['<style>p{}</style><title><p onclick=x></title>', '<title><p onclick=x></title>'],
  ['<!-- <p onclick=x> -->t', '<!-- <p onclick=x> -->t'],
  ['1 < 2 and <3 or <= 4', '1 < 2 and <3 or <= 4'],
  ['<svg><script>x</script></svg><SCRIPT >y</SCRIPT  >z', '<svg></svg>z'],
  ['<textarea><script>a</script></textarea>', '<textarea><script>a</script></textarea>'],
  ['<p =x onmouseover=y>', '<p =x>'],
  ['<a href="javascript:x" on=1 one>', '<a href="javascript:x">'],
  ['<script>never closed', ''],
  ['<div data-on="1" data-style=2 title="onclick=x">', '<div data-on="1" data-style=2 title="onclick=x">'],
  ['<body onload=x()><p>Text &lt;script&gt; stays</p></body>', '<body><p>Text &lt;script&gt; stays</p></body>'],
  ['<plaintext><b onclick=x>', '<plaintext><b onclick=x>'],
  ['<p onclick="unterminated', '<p'],
  ['', ''],
];

test('the strip pass removes handlers, inline styles, script and style elements only', () => {
  const failures = CASES.filter(([input, want]) => stripActiveMarkup(input) !== want)
    .map(([input, want]) => `${JSON.stringify(input)} -> ${JSON.stringify(stripActiveMarkup(input))}, want ${JSON.stringify(want)}`);
  expect(failures).toEqual([]);
});
