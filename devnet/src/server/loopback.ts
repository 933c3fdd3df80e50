// Whether a socket's remote address is the local machine (IPv4 127/8, IPv6 ::1, or IPv4-mapped).

export function isLoopback(address: string | undefined): boolean {
	if (!address) return false;
	const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
	return v4.startsWith('127.') || address === '::1';
}
