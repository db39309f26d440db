import { defineCheck } from '../../kit/define-check.js';
import { decodeBase64Text, scanText } from '../../kit/secrets.js';

export default defineCheck({
  id: 'AWS-EC2-009',
  title: 'EC2 user data does not contain hard-coded secrets',
  severity: 'high',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.instance',
  rationale:
    'User data is not secret: anyone who can call `DescribeInstanceAttribute` or read the instance metadata, and every ' +
    'process on the instance, can read it, and it is kept in templates, state files and launch templates. Passwords, ' +
    'tokens and access keys written into it are exposed. Fetch secrets at boot with the instance role from Secrets ' +
    'Manager or SSM Parameter Store.',
  remediation: {
    summary: 'Remove the secret from user data; read it at boot from Secrets Manager or an SSM SecureString parameter with the instance role.',
    cli: 'aws secretsmanager create-secret --name app/db --secret-string file://db.json\n# in user data: aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text',
    terraform: 'user_data = <<-EOT\n  #!/bin/bash\n  DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)\nEOT',
    cloudformation: 'UserData: !Base64 |\n  #!/bin/bash\n  DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)',
  },
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets.html',
  ],
  evaluate(instance, ctx) {
    const name = instance.native.name;
    const ud = instance.userData;
    if (!ud.known) return ctx.unknown(ud, `cannot read the user data of instance \`${name}\``);
    if (ud.value === null) return ctx.pass();
    const text = decodeBase64Text(ud.value) ?? ud.value;
    const found = scanText(text);
    if (found.length === 0) return ctx.pass();
    const list = found.map((f) => `line ${f.line} (${f.name}: ${f.reason})`).join(', ');
    return ctx.fail(ud, `instance \`${name}\` user data holds hard-coded secrets at ${list}; fetch them at boot from Secrets Manager or SSM Parameter Store`);
  },
});
