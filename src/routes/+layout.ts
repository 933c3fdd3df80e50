// Static SPA: everything renders in the browser, so secrets never touch a server.
export const ssr = false;
export const prerender = false;
