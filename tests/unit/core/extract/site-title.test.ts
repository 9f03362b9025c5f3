import { describe, expect, it } from 'vitest';
import { stripSiteSuffix } from '../../../../src/core/extract/site-title';

const HEADLINE = 'Harbour reopens after the storm';

describe('stripSiteSuffix: each separator, when the part is the site', () => {
  it.each([' – ', ' — ', ' · ', ' | ', ' :: ', ' » ', ' - ', ' : '])('cuts "%s Site" after the headline', (sep) => {
    expect(stripSiteSuffix(`${HEADLINE}${sep}The Daily Example`, 'The Daily Example')).toBe(HEADLINE);
  });

  it.each([' – ', ' — ', ' · ', ' | ', ' :: ', ' » ', ' - '])('cuts "Site %s" before the headline', (sep) => {
    expect(stripSiteSuffix(`The Daily Example${sep}${HEADLINE}`, 'The Daily Example')).toBe(HEADLINE);
  });

  it('cuts both ends when the site is named twice', () => {
    expect(stripSiteSuffix(`Daily Example | ${HEADLINE} | Daily Example`, 'Daily Example')).toBe(HEADLINE);
  });
});

describe('stripSiteSuffix: loose matches of the site name', () => {
  it('ignores case, accents, spacing, punctuation and a leading "The"', () => {
    expect(stripSiteSuffix(`${HEADLINE} | THE GUARDIAN`, 'the Guardian')).toBe(HEADLINE);
    expect(stripSiteSuffix(`${HEADLINE} - Liberation`, 'Libération.fr')).toBe(HEADLINE);
    expect(stripSiteSuffix(`${HEADLINE} | Herald Sun`, 'HeraldSun')).toBe(HEADLINE);
    expect(stripSiteSuffix(`${HEADLINE} - Yahoo!ニュース`, 'Yahoo!ニュース')).toBe(HEADLINE);
  });

  it('takes a longer name made of the site name and a word or two ("BuzzFeed News")', () => {
    expect(stripSiteSuffix(`${HEADLINE} - BuzzFeed News`, 'BuzzFeed')).toBe(HEADLINE);
  });

  it('takes the brand of a name with a tagline, or the whole tagged name across its own separator', () => {
    expect(stripSiteSuffix(`${HEADLINE} – Mozilla Hacks`, 'Mozilla Hacks – the Web developer blog')).toBe(HEADLINE);
    expect(stripSiteSuffix(`${HEADLINE} | Mozilla Hacks – the Web developer blog`, 'Mozilla Hacks – the Web developer blog')).toBe(HEADLINE);
  });

  it('spells a handle or a one-word name from the words\' initials ("@nytimes")', () => {
    expect(stripSiteSuffix(`${HEADLINE} - The New York Times`, '@nytimes')).toBe(HEADLINE);
  });

  it('keeps what lies between the headline and the site (a section, an author)', () => {
    expect(stripSiteSuffix(`${HEADLINE} | Environment | The Guardian`, 'The Guardian')).toBe(`${HEADLINE} | Environment`);
    expect(stripSiteSuffix(`${HEADLINE} - Jane Roe - Medium`, 'Medium')).toBe(`${HEADLINE} - Jane Roe`);
  });
});

describe("stripSiteSuffix: the page's host name as the site", () => {
  it("matches the registrable domain's label, with a word or two after it", () => {
    expect(stripSiteSuffix(`${HEADLINE} - BBC News`, null, 'https://www.bbc.co.uk/news/world-1')).toBe(HEADLINE);
    expect(stripSiteSuffix(`${HEADLINE} | The Guardian`, null, 'https://www.theguardian.com/world/x')).toBe(HEADLINE);
    expect(stripSiteSuffix(`${HEADLINE} - Los Angeles Times`, null, 'https://www.latimes.com/x')).toBe(HEADLINE);
    expect(stripSiteSuffix(`${HEADLINE} - Associated Press`, null, 'https://hosted.ap.org/story/1')).toBe(HEADLINE);
  });

  it('matches a part written as a host name', () => {
    expect(stripSiteSuffix(`${HEADLINE} – gamezine.co.uk`, null, 'https://www.gamezine.co.uk/a')).toBe(HEADLINE);
    expect(stripSiteSuffix(`${HEADLINE} - CNN.com`, null, 'https://edition.cnn.com/a')).toBe(HEADLINE);
  });

  it('never takes a subdomain word for the site', () => {
    expect(stripSiteSuffix(`Hosted | ${HEADLINE}`, null, 'https://hosted.ap.org/story/1')).toBe(`Hosted | ${HEADLINE}`);
    expect(stripSiteSuffix(`${HEADLINE} - Edition`, null, 'https://edition.cnn.com/a')).toBe(`${HEADLINE} - Edition`);
    expect(stripSiteSuffix(`${HEADLINE} - News`, null, 'https://news.example.com/a')).toBe(`${HEADLINE} - News`);
  });
});

describe('stripSiteSuffix: what must not be cut', () => {
  it('keeps a part that is not the site, on every separator', () => {
    for (const sep of [' – ', ' — ', ' · ', ' | ', ' :: ', ' » ', ' - ']) {
      const title = `Storm${sep}what we know so far`;
      expect(stripSiteSuffix(title, 'The Daily Example', 'https://www.example.com/a')).toBe(title);
    }
  });

  it('keeps hyphenated words and unspaced dashes whole', () => {
    const title = 'Spider-Man returns to the Daily-Example cinema';
    expect(stripSiteSuffix(title, 'Example', 'https://example.com/')).toBe(title);
    expect(stripSiteSuffix('Harbour reopens-Example', 'Example')).toBe('Harbour reopens-Example');
  });

  it('keeps a headline\'s own colon ("Review: …")', () => {
    expect(stripSiteSuffix('Example: the harbour reopens', 'Example')).toBe('Example: the harbour reopens');
  });

  it('keeps the title whole when too little would remain', () => {
    expect(stripSiteSuffix('Mozilla - Wikipedia', 'Wikipedia')).toBe('Mozilla - Wikipedia');
    expect(stripSiteSuffix('Home | The Daily Example', 'The Daily Example')).toBe('Home | The Daily Example');
    expect(stripSiteSuffix('The Daily Example | A', 'The Daily Example')).toBe('The Daily Example | A');
  });

  it("keeps a date or a sentence that merely contains the site's name", () => {
    expect(stripSiteSuffix(`${HEADLINE} - Feb. 1, 2016`, 'CNN', 'https://money.cnn.com/a')).toBe(`${HEADLINE} - Feb. 1, 2016`);
    const sentence = `${HEADLINE} - why the Daily Example readers were right about it all along`;
    expect(stripSiteSuffix(sentence, 'Daily Example')).toBe(sentence);
  });

  it('does not read a site name inside a longer word ("Applesauce" is not "Apple")', () => {
    expect(stripSiteSuffix('How to bake a pie | Applesauce', 'Apple', 'https://www.apple.com/')).toBe('How to bake a pie | Applesauce');
  });

  it('leaves the title alone with no site name and no usable host', () => {
    expect(stripSiteSuffix(`${HEADLINE} | Daily Example`, null)).toBe(`${HEADLINE} | Daily Example`);
    expect(stripSiteSuffix(`${HEADLINE} | Daily Example`, null, 'http://192.168.1.4/a')).toBe(`${HEADLINE} | Daily Example`);
  });
});
