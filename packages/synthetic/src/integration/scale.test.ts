import { describe, expect, it } from 'vitest';
import { createDirectory } from '../directory/index.ts';
import { generateMember } from '../member.ts';
import { SCENARIOS } from '../model.ts';
import { testTerminology } from '../testing/terminology.ts';
import { keyOf, unresolved } from '../testing/integration-fixtures.ts';

describe('members against directories of every size', () => {
  const terminology = testTerminology();

  it.each([200, 300, 500])('members of every scenario find their providers in a %i-resource directory', (size) => {
    const made = createDirectory({ seed: `small-${size}`, size, terminology });
    const directory = [...made.resources()];
    const keys = new Set(directory.map(keyOf));
    for (const scenario of SCENARIOS) {
      for (let i = 0; i < 3; i++) {
        const member = generateMember({
          seed: `s-${size}-${scenario}-${i}`,
          scenario,
          directory: made.handle,
          terminology,
        });
        const universe = new Set([...keys, ...member.resources.map(keyOf)]);
        expect(unresolved(member.resources, universe)).toEqual([]);
      }
    }
  });
});
