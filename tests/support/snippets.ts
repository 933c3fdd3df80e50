// Snippets for rendering components with children in component tests.
import { createRawSnippet, type Snippet } from 'svelte';

export function textSnippet(text: string): Snippet {
	return createRawSnippet(() => ({ render: () => `<span>${escapeHtml(text)}</span>` }));
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}
