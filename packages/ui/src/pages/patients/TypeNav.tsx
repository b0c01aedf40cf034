import { Badge, NavLink, Paper, Select } from '@mantine/core';
import type { RecordGroup } from '../../fhir/index.ts';

export interface TypeNavProps {
  groups: RecordGroup[];
  selected: string | undefined;
  onSelect(type: string): void;
}

/** The resource types of My Data with their counts: a list beside the resources, a select at phone width. */
export function TypeNav({ groups, selected, onSelect }: TypeNavProps) {
  return (
    <>
      <Select
        hiddenFrom="sm"
        label="Resource type"
        data={groups.map((g) => ({ value: g.type, label: `${g.type} (${g.items.length})` }))}
        value={selected ?? null}
        onChange={(value) => value !== null && onSelect(value)}
        allowDeselect={false}
        checkIconPosition="right"
        comboboxProps={{ withinPortal: true }}
      />
      <Paper visibleFrom="sm" withBorder p={4} component="nav" aria-label="Resource types">
        {groups.map((g) => (
          <NavLink
            key={g.type}
            component="button"
            label={g.type}
            description={g.label}
            active={g.type === selected}
            aria-current={g.type === selected ? 'true' : undefined}
            onClick={() => onSelect(g.type)}
            rightSection={
              <Badge variant={g.type === selected ? 'filled' : 'light'} size="sm" circle={g.items.length < 10}>
                {g.items.length}
              </Badge>
            }
            styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
          />
        ))}
      </Paper>
    </>
  );
}
