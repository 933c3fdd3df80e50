/** A principal shortened for display: its first and last groups ("abcde…xyz-cai" style). */
export function shortPrincipal(text: string): string {
	const groups = text.split('-');
	if (groups.length <= 3) return text;
	return `${groups[0]}-${groups[1]}…${groups[groups.length - 1]}`;
}
