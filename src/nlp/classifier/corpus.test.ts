import { describe, expect, it } from 'vitest';
import { buildCorpus, foldVector, foldVocab, idfWeight } from './corpus.ts';
import { DEFAULT_FEATURES } from './features.ts';
import { trainClassifier } from './train.ts';
import { TRAIN } from './fixtures.test-data.ts';

const feats = { ...DEFAULT_FEATURES, words: false, charNgram: [1, 1] as [number, number], minDf: 1 };
// "水" in every text, "电" in one, "路" in two
const texts = ['水电', '水路', '水路', '水'];
const y = [0, 1, 1, 0];

describe('idf weighting', () => {
  it('is the smooth idf at power 1 and that idf raised to the power otherwise', () => {
    expect(idfWeight(4, 4)).toBeCloseTo(1, 12);
    expect(idfWeight(4, 1)).toBeCloseTo(Math.log(5 / 2) + 1, 12);
    expect(idfWeight(4, 1, 1.5)).toBeCloseTo((Math.log(5 / 2) + 1) ** 1.5, 12);
    // a higher power widens the gap between rare and common terms
    const gap = (p: number) => idfWeight(100, 2, p) / idfWeight(100, 50, p);
    expect(gap(1.5)).toBeGreaterThan(gap(1));
    expect(gap(2)).toBeGreaterThan(gap(1.5));
  });

  it('is applied to the fold vocabulary and so to the vectors', () => {
    const corpus = buildCorpus(texts, feats, false);
    const docs = [0, 1, 2, 3];
    const plain = foldVocab(corpus, docs, y, 2, feats, 1, 1e6);
    const steep = foldVocab(corpus, docs, y, 2, { ...feats, idfPower: 2 }, 1, 1e6);
    for (let c = 0; c < plain.idf.length; c++) expect(steep.idf[c]).toBeCloseTo(plain.idf[c] ** 2, 12);
    const col = (t: string) => plain.column[corpus.terms.indexOf(t)];
    const share = (v: ReturnType<typeof foldVocab>) => {
      const x = foldVector(corpus, 0, v, feats); // "水电"
      return x.val[[...x.idx].indexOf(col('电'))] / x.val[[...x.idx].indexOf(col('水'))];
    };
    expect(share(steep)).toBeCloseTo(share(plain) ** 2, 10);
  });

  it('is stored in the model, so prediction needs no option', () => {
    const ex = TRAIN.map((r) => ({ text: [r.title, r.body], label: r.label }));
    const a = trainClassifier(ex, { cvFolds: 0, features: { ...feats, charNgram: [1, 2], minDf: 2, idfPower: 1 } });
    const b = trainClassifier(ex, { cvFolds: 0, features: { ...feats, charNgram: [1, 2], minDf: 2, idfPower: 1.5 } });
    expect(b.terms).toEqual(a.terms);
    a.idf.forEach((v, j) => expect(b.idf[j]).toBeCloseTo(v ** 1.5, 4));
  });
});
