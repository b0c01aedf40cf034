import { ActionIcon, CopyButton, Group, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconEye, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';

export interface CopyFieldProps {
  label: string;
  value: string;
  description?: string;
  /** Shown when there is no value yet (e.g. before the first save). */
  placeholder?: string;
  /** Masks the value until revealed (client secrets). */
  secret?: boolean;
  /**
   * Names the value in the buttons' labels ("Copy secret"); it should not contain the label, so that finding
   * the input by its label finds only the input (default: "value").
   */
  shortName?: string;
}

function CopyAction({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : `Copy ${label}`} withArrow position="top">
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            onClick={copy}
            aria-label={`Copy ${label}`}
            disabled={value === ''}
          >
            {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** A read-only value with a copy button (and, for a secret, a reveal toggle). */
export function CopyField({
  label,
  value,
  description,
  placeholder,
  secret = false,
  shortName = 'value',
}: CopyFieldProps) {
  const [revealed, setRevealed] = useState(false);
  const masked = secret && !revealed && value !== '';
  return (
    <TextInput
      label={label}
      description={description}
      value={masked ? '•'.repeat(Math.min(value.length, 32)) : value}
      placeholder={placeholder}
      readOnly
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      rightSectionWidth={secret ? 68 : 36}
      rightSection={
        <Group gap={2} wrap="nowrap">
          {secret && (
            <Tooltip label={revealed ? 'Hide' : 'Reveal'} withArrow position="top">
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => setRevealed((r) => !r)}
                aria-label={revealed ? `Hide ${shortName}` : `Reveal ${shortName}`}
                aria-pressed={revealed}
                disabled={value === ''}
              >
                {revealed ? <IconEyeOff size={18} /> : <IconEye size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
          <CopyAction value={value} label={shortName} />
        </Group>
      }
    />
  );
}

/** A client secret: masked, with reveal and copy buttons (copy always copies the real value). */
export function SecretField(props: Omit<CopyFieldProps, 'secret'>) {
  return <CopyField {...props} secret />;
}
