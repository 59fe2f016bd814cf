// npm run staff -- create --email a@b.fr --role ADMIN [--name "Nom"]   (password read from stdin)
// npm run staff -- reset-password --email a@b.fr                      (password read from stdin)
// npm run staff -- disable --email a@b.fr
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { migrate } from '@/server/db/migrate';
import { createStaff, disableStaff, resetStaffPassword, ZStaffEmail } from '@/server/staff/manage-staff';
import { runCli } from './cli';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
});

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stdout.write('Password (at least 12 characters): ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new Error('No password on standard input.');
}

await runCli(async ({ engine }) => {
  await migrate(engine); // the first admin may be created before the first start
  const command = positionals[0];
  const email = ZStaffEmail.safeParse(values.email);
  if (!email.success) throw new Error('Give a valid --email.');
  try {
    if (command === 'create') {
      const role = z.enum(['ADMIN', 'GESTIONNAIRE', 'SUPPORT']).safeParse(values.role);
      if (!role.success) throw new Error('Give --role ADMIN, GESTIONNAIRE or SUPPORT.');
      const password = await readPassword();
      await createStaff({
        email: email.data,
        role: role.data,
        name: values.name ?? email.data.split('@')[0],
        password,
      });
      console.log(`Created ${role.data} ${email.data}.`);
    } else if (command === 'reset-password') {
      await resetStaffPassword(email.data, await readPassword());
      console.log(`New password set for ${email.data}; their open sessions are ended.`);
    } else if (command === 'disable') {
      await disableStaff(email.data);
      console.log(`Disabled ${email.data}; their open sessions are ended.`);
    } else {
      throw new Error('Usage: npm run staff -- create|reset-password|disable --email … [--role …] [--name …]');
    }
  } catch (error) {
    if (error instanceof z.ZodError) throw new Error(error.issues.map((i) => i.message).join(' '));
    throw error;
  }
});
