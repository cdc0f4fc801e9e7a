// `npm run bench:proxy`: the booking proxy under load, beside a bare node:http server answering the
// same bytes, in one run (bench/proxy-main.ts). Every server measured is a child process started
// from this same bundle with `--child <role>` (bench/proxy-children.ts). Both paths load only what
// they use, so a child's RSS is its server's, not the bench's (autocannon, vitest helpers).
if (process.argv[2] === '--child') {
  const role = process.argv[3] as 'bare' | 'upstream' | 'proxy';
  import('./proxy-children')
    .then(({ runChild }) => runChild(role))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
} else {
  import('./proxy-main')
    .then(({ main }) => main())
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}

export {};
