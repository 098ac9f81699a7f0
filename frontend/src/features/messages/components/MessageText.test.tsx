import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MessageText } from './MessageText';

describe('MessageText', () => {
  it('renders markup as elements', () => {
    const { container } = render(<MessageText text="**bold** _it_ __under__" />);
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('it');
    expect(container.querySelector('u')?.textContent).toBe('under');
  });

  it('shows HTML in a message as text, never as markup', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)> **<b>x</b>**';
    const { container } = render(<MessageText text={evil} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('<script>alert(1)</script><img src=x onerror=alert(2)> <b>x</b>');
  });
});
