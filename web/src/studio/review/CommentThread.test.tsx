import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ReviewThread } from '../../api/types';
import { CommentThread } from './CommentThread';

const author = (name: string) => ({ userId: `u-${name}`, name });
const thread = (overrides: Partial<ReviewThread> = {}): ReviewThread => ({
  id: 't1',
  projectId: 'p1',
  chapterId: 'c1',
  segmentId: 's1',
  quote: 'Mr. Darcy',
  status: 'open',
  comments: [
    {
      id: 'm1',
      author: author('Vera Validator'),
      body: 'Is this really Darcy?',
      createdAt: '2025-03-01T10:00:00.000Z',
    },
    { id: 'm2', author: author('Rosa Creator'), body: 'Yes, see the tag.', createdAt: '2025-03-01T11:00:00.000Z' },
  ],
  resolvedBy: null,
  resolvedAt: null,
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-01T11:00:00.000Z',
  etag: '"t1"',
  ...overrides,
});

describe('comment threads', () => {
  it('shows the comments in order with their authors and the quoted words', () => {
    render(<CommentThread thread={thread()} canComment onReply={() => undefined} onSetStatus={() => undefined} />);
    const article = screen.getByRole('article', { name: /Open/ });
    const comments = within(article).getAllByRole('listitem');
    expect(comments.map((c) => c.querySelector('.comment__body')?.textContent)).toEqual([
      'Is this really Darcy?',
      'Yes, see the tag.',
    ]);
    expect(within(comments[0]).getByText('Vera Validator')).toBeTruthy();
    expect(within(article).getByText('Mr. Darcy')).toBeTruthy();
  });

  it('refuses an empty reply with a message, then sends the reply and clears the box', async () => {
    const onReply = vi.fn(async () => undefined);
    render(<CommentThread thread={thread()} canComment onReply={onReply} onSetStatus={() => undefined} />);
    const box = screen.getByLabelText('Reply');
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    expect(await screen.findByText('Write a comment.')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(onReply).not.toHaveBeenCalled();

    fireEvent.change(box, { target: { value: 'Fixed now.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    await waitFor(() => expect(onReply).toHaveBeenCalledWith('Fixed now.'));
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
  });

  it('resolves an open thread and reopens a resolved one', () => {
    const onSetStatus = vi.fn();
    const { rerender } = render(
      <CommentThread thread={thread()} canComment onReply={() => undefined} onSetStatus={onSetStatus} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(onSetStatus).toHaveBeenLastCalledWith('resolve');

    rerender(
      <CommentThread
        thread={thread({
          status: 'resolved',
          resolvedBy: author('Rosa Creator'),
          resolvedAt: '2025-03-02T09:00:00.000Z',
        })}
        canComment
        onReply={() => undefined}
        onSetStatus={onSetStatus}
      />,
    );
    expect(screen.getByRole('article', { name: /Resolved/ })).toBeTruthy();
    expect(screen.getByText(/^Resolved by Rosa Creator on /)).toBeTruthy();
    // A resolved thread takes no replies until it is reopened.
    expect(screen.queryByLabelText('Reply')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    expect(onSetStatus).toHaveBeenLastCalledWith('reopen');
  });

  it('is read-only for people who may not comment', () => {
    render(
      <CommentThread thread={thread()} canComment={false} onReply={() => undefined} onSetStatus={() => undefined} />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
