import { Box, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useId, useState } from 'react';

export interface ListFiltersProps<S extends string> {
  options: readonly { value: S; label: string }[];
  status: S;
  onStatus: (status: S) => void;
  q: string;
  onSearch: (q: string) => void;
  searchPlaceholder: string;
}

/** A list's "Status" filter and "Search" box (the search follows typing after a short pause). */
export function ListFilters<S extends string>(props: ListFiltersProps<S>) {
  const { options, status, onStatus, q, onSearch, searchPlaceholder } = props;
  const labelId = useId();
  const [text, setText] = useState(q);
  const search = useDebouncedCallback((value: string) => onSearch(value), 300);
  return (
    <Group gap="md" align="flex-end" wrap="wrap" mb="md">
      <Box style={{ flex: '1 1 300px' }} maw="100%">
        <Text component="div" id={labelId} size="sm" fw={500} mb={4}>
          Status
        </Text>
        <SegmentedControl
          aria-labelledby={labelId}
          data={options.map((o) => ({ value: o.value, label: o.label }))}
          value={status}
          onChange={(value) => onStatus(value as S)}
          fullWidth
        />
      </Box>
      <TextInput
        label="Search"
        placeholder={searchPlaceholder}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          search(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            search.cancel();
            onSearch(event.currentTarget.value);
          }
        }}
        style={{ flex: '1 1 240px' }}
      />
    </Group>
  );
}
