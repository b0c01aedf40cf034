import { describe, expect, it } from 'vitest';
import { markup, multiline, SafeHtml } from './html.ts';

describe('the markup tagged template', () => {
  it('escapes interpolated text but keeps the literal markup', () => {
    const name = '<script>alert(1)</script>';
    expect(markup`<b title="${name}">${name}</b>`.value).toBe(
      '<b title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</b>',
    );
  });

  it('inserts nested html as is, joins lists and drops empty values', () => {
    const items = ['a&b', 'c'].map((x) => markup`<li>${x}</li>`);
    expect(markup`<ul>${items}</ul>${undefined}${null}${false}${0}`.value).toBe('<ul><li>a&amp;b</li><li>c</li></ul>0');
  });

  it('never trusts a plain string that merely looks like safe html', () => {
    const forged = { value: '<img src=x onerror=alert(1)>' } as unknown as string;
    expect(markup`${forged}`.value).toBe('[object Object]');
    expect(markup`${new SafeHtml('<br>')}`.value).toBe('<br>');
  });
});

describe('multiline', () => {
  it('keeps line breaks as <br> and escapes each line', () => {
    expect(multiline('one <1>\r\ntwo & three\nfour').value).toBe('one &lt;1&gt;<br>two &amp; three<br>four');
  });
});
