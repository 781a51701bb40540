// Filling the demo's request templates: places weighted towards 柘荣县
// and 蕉城区 (communities for town matters, villages for rural ones), and the template's
// {placeholders} replaced with local details. Shared by the live tickets and the imported history.
import type { DemoOrg, DemoPlace } from './seed-org.ts';
import { ZHERONG } from './seed-org.ts';
import { CITY_PROPER } from './org.data.ts';
import { CITY_ROADS, ESTATES, ISSUES, SCENIC, SHOPS, SURNAMES, TOWN_ROADS, WORKS, type TicketTemplate } from './tickets.data.ts';

export function demoFiller(org: DemoOrg, rng: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const between = (a: number, b: number) => a + rng() * (b - a);
  const int = (a: number, b: number) => Math.floor(between(a, b + 1));
  const kinds = new Map<string, DemoPlace[]>();
  const byCounty = (code: string, kind: '社区' | '村') => {
    const key = `${code}:${kind}`;
    let list = kinds.get(key);
    if (!list) kinds.set(key, (list = org.villages.filter((v) => v.county === code && v.name.endsWith(kind))));
    return list;
  };
  const pickPlace = (where: TicketTemplate['where']): DemoPlace => {
    const kind = where === 'town' ? '社区' : '村';
    const r = rng();
    const county = r < 0.4 ? ZHERONG : r < 0.7 ? CITY_PROPER : pick(org.counties).code;
    const list = byCounty(county, kind);
    return pick(list.length ? list : org.villages);
  };
  /** `like`: the ticket's text a reply answers: the estate, road, shop … it names are the reply's too */
  const fill = (text: string, place: DemoPlace, like?: string) => {
    // (a reply to a text that names no estate speaks of 该小区 / 该项目, not of some other estate)
    const from = (list: readonly string[], none?: string) => (like ? list.find((x) => like.includes(x)) ?? none : undefined) ?? pick(list);
    const street = org.places.get(place.parent!)!;
    const county = org.places.get(place.county)!;
    const roads = place.county === CITY_PROPER ? CITY_ROADS : TOWN_ROADS;
    const vars: Record<string, string> = {
      estate: from(ESTATES, '该'), road: from(roads), road2: pick(roads), shop: from(SHOPS), work: from(WORKS), scenic: from(SCENIC),
      issue: from(ISSUES), village: place.name, street: street.name, county: county.name, addr: `${int(1, 120)}号附近`,
      n: like?.match(/(\d+)\s*(?:个|名)/)?.[1] ?? String(int(2, 12)), days: String(int(3, 25)), long: String(int(30, 200)), amt: String(int(2, 60) * 1000), bus: String(int(1, 32)), year: String(int(2012, 2021)),
    };
    return text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
  };
  const contact = () => ({
    phone: `1${pick(['3', '5', '8', '7'])}${String(int(0, 999_999_999)).padStart(9, '0')}`,
    name: `${pick(SURNAMES)}${pick(['先生', '女士'])}`,
    confidential: rng() < 0.05,
  });
  return { pick, between, int, pickPlace, fill, contact };
}
