// Three short reports of one invented ferry accident, for the specs: one with a dateline
// naming its agency (AP), one with a byline naming its outlet (BBC News), one whose byline names
// no outlet. Written for these tests, not taken from any source.
const BODY = (n) =>
  [
    `${n} people are still missing after the ferry capsized off Sulawesi on Sunday, officials said.`,
    '',
    'The ferry was carrying passengers and cargo between two islands when it sank in rough seas, the transport ministry said.',
  ].join('\n');

export const FERRY = [
  { name: 'ap-ferry.txt', text: ['Ferry sinks off Sulawesi', '', `MAKASSAR, Indonesia (AP) — ${BODY('Forty')}`].join('\n') },
  { name: 'bbc-ferry.txt', text: ['Ferry disaster leaves dozens missing', '', 'By Jane Doe, BBC News', '', BODY('Twenty-six')].join('\n') },
  { name: 'staff-ferry.txt', text: ['Rescuers search for ferry survivors', '', 'By Jane Doe, Staff Writer', '', BODY('Thirty')].join('\n') },
];
