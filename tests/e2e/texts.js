// Article texts shared by the specs, written for these tests. FERRY: three short reports of one
// invented ferry accident, one with a dateline naming its agency (AP), one with a byline naming
// its outlet (BBC News), one whose byline names no outlet. ARDERN: a report of another event.
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

export const ARDERN = [
  'New Zealand votes to tighten gun laws after Christchurch attack',
  '',
  'Jacinda Ardern, the prime minister of New Zealand, said on Wednesday that parliament had voted by 119 to 1 to ban most semi-automatic weapons.',
  '',
  '“We are a nation of 4.9 million people and we will not accept this,” Ardern told reporters in Wellington.',
  '',
  'Police Commissioner Mike Bush said more than 10,000 weapons had been handed in.',
].join('\n');
