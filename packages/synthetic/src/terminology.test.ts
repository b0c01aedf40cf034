import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTerminology, SYSTEMS } from './terminology.ts';
import { repoTerminologyDir, testTerminology } from './testing/terminology.ts';

const terms = testTerminology();

/** A copy of the terminology folder with one file replaced. */
function folderWith(file: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'terms-'));
  for (const f of readdirSync(repoTerminologyDir()))
    writeFileSync(join(dir, f), readFileSync(join(repoTerminologyDir(), f)));
  writeFileSync(join(dir, file), content);
  return dir;
}

describe('terminology', () => {
  it('the required codes are present with their real displays', () => {
    expect(terms.code(SYSTEMS.icd10cm, 'E11.9').display).toBe('Type 2 diabetes mellitus without complications');
    expect(terms.code(SYSTEMS.icd10cm, 'E11.65').display).toBe('Type 2 diabetes mellitus with hyperglycemia');
    expect(terms.code(SYSTEMS.snomed, '44054006').display).toBe('Diabetes mellitus type 2');
    expect(terms.code(SYSTEMS.loinc, '4548-4').display).toBe('Hemoglobin A1c/Hemoglobin.total in Blood');
    expect(terms.code(SYSTEMS.loinc, '85354-9').display).toBe('Blood pressure panel with all children optional');
    expect(terms.code(SYSTEMS.rxnorm, '860975').display).toBe(
      '24 HR metFORMIN hydrochloride 500 MG Extended Release Oral Tablet',
    );
    expect(terms.code(SYSTEMS.cvx, '150').display).toBe('Influenza, injectable, quadrivalent, preservative free');
    expect(terms.code(SYSTEMS.cdt, 'D1110').display).toBe('prophylaxis - adult');
    expect(terms.code(SYSTEMS.nucc, '207RE0101X').display).toBe('Endocrinology, Diabetes & Metabolism');
    for (const code of [
      '99202',
      '99215',
      '99381',
      '99397',
      '99281',
      '99285',
      '80053',
      '83036',
      '85025',
      '80061',
      '59400',
      '59510',
    ])
      expect(terms.has(SYSTEMS.cpt, code)).toBe(true);
  });

  it('an unknown code throws instead of being invented', () => {
    expect(() => terms.code(SYSTEMS.icd10cm, 'E11.999')).toThrow(/unknown code E11.999/);
    expect(terms.has(SYSTEMS.loinc, '0000-0')).toBe(false);
  });

  it('every RxNorm drug links to an NDC package that links back to it', () => {
    const drugs = terms.concepts(SYSTEMS.rxnorm);
    expect(drugs.length).toBeGreaterThan(10);
    for (const drug of drugs) {
      const ndc = terms.ndcFor(drug.code);
      expect(ndc.rxnorm).toBe(drug.code);
      expect(ndc.code).toMatch(/^\d{4,5}-\d{3,4}-\d{1,2}$/);
    }
  });

  it('every ICD-10-CM entry with a SNOMED link points at a SNOMED CT code in the lists', () => {
    for (const c of terms.concepts(SYSTEMS.icd10cm)) {
      if (typeof c.snomed === 'string')
        expect(terms.has(SYSTEMS.snomed, c.snomed), `${c.code} -> ${c.snomed}`).toBe(true);
    }
  });

  it('lab codes carry a UCUM unit and a reference range that is ordered', () => {
    for (const code of ['4548-4', '2345-7', '2093-3', '2160-0']) {
      const c = terms.loinc(code);
      expect(c.unit).toBeTruthy();
      expect(c.low).toBeLessThan(c.high ?? 0);
    }
  });

  it('the place list has about sixty real cities with ZIP codes and positions, most in the home state', () => {
    expect(terms.places.length).toBeGreaterThanOrEqual(55);
    const home = terms.places[0]?.state;
    expect(terms.places.filter((p) => p.state === home).length).toBeGreaterThan(10);
    expect(new Set(terms.places.map((p) => p.state)).size).toBeGreaterThan(8);
    const columbus = terms.places.find((p) => p.city === 'Columbus' && p.state === 'OH');
    expect(columbus?.latitude).toBeCloseTo(40, 0);
    expect(columbus?.longitude).toBeCloseTo(-83, 0);
  });

  it('a malformed file is refused with an error naming it', () => {
    const dir = folderWith('cvx.json', JSON.stringify({ concepts: [{ system: SYSTEMS.cvx, code: '08' }] }));
    expect(() => loadTerminology(dir)).toThrow(/cvx\.json: concepts\[0\]\.display/);
  });

  it('a file that is not JSON is refused with an error naming it', () => {
    expect(() => loadTerminology(folderWith('loinc.json', '{ not json'))).toThrow(
      /loinc\.json: cannot be read as JSON/,
    );
  });

  it('a billing code without a price range is refused', () => {
    const cdt = JSON.stringify({
      concepts: [{ system: SYSTEMS.cdt, code: 'D0120', display: 'periodic oral evaluation - established patient' }],
    });
    expect(() => loadTerminology(folderWith('cdt.json', cdt))).toThrow(/cdt\.json: .*D0120 needs priceCents/);
  });
});
