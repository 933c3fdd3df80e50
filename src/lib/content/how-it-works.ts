/** The recovery protocol in plain words, as the landing page explains it. */
export interface Step {
	title: string;
	body: string;
}

export const HOW_IT_WORKS: readonly Step[] = [
	{
		title: 'Bind your recovery phrase',
		body: 'Enter your recovery phrase (and your identity number, if you know it). Tessera checks with Internet Identity that it is really your identity’s phrase and makes sure it is protected, so a stolen device cannot remove it.'
	},
	{
		title: 'Choose guardians',
		body: 'Invite friends, family or your other identities. Pick how many of them must agree (for example 2 of 3) and how long a recovery must wait.'
	},
	{
		title: 'Seal the shares',
		body: 'Your browser splits the phrase into shares and encrypts each one so that only its guardian can open it. No single guardian learns anything.'
	},
	{
		title: 'Recover when you need to',
		body: 'If you lose access, your browser makes a recovery link and a four-word code. Send the link to a guardian and read them the code: they type it to open the request. Enough guardians approve, and after the waiting time your browser puts the phrase back together.'
	},
	{
		title: 'Remove the intruder',
		body: "With the phrase back, Tessera removes every way in you don't recognise — devices, passkeys, linked accounts, a recovery e-mail — and keeps the phrase protected."
	}
];
