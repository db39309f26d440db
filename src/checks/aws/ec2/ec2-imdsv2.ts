import { defineCheck } from '../../kit/define-check.js';
import { code } from '../shared/text.js';

export default defineCheck({
  id: 'AWS-EC2-007',
  title: 'EC2 instance requires IMDSv2',
  severity: 'high',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.instance',
  rationale:
    'IMDSv1 answers any GET to 169.254.169.254, so a server-side request forgery or an open proxy on the instance hands ' +
    'out the instance role\'s credentials. IMDSv2 requires a session token obtained with a PUT and is enforced only by ' +
    '`HttpTokens=required`; the API default is `optional` (both versions) unless the AMI or the account default says ' +
    'otherwise, so a template that does not require it leaves v1 open wherever those defaults are not set.',
  remediation: {
    summary: 'Set the instance (or launch template) metadata options to `HttpTokens: required`.',
    cli: 'aws ec2 modify-instance-metadata-options --instance-id i-1234567890abcdef0 --http-tokens required --http-endpoint enabled',
    terraform: 'metadata_options {\n  http_endpoint = "enabled"\n  http_tokens   = "required"\n}',
    cloudformation: 'LaunchTemplateData:\n  MetadataOptions:\n    HttpEndpoint: enabled\n    HttpTokens: required',
  },
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceMetadataOptionsRequest.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html',
  ],
  compliance: { 'cis-aws-3.0': ['5.6'] },
  evaluate(instance, ctx) {
    const name = instance.native.name;
    const { httpTokens, httpEndpoint } = instance.metadataOptions;
    if (httpEndpoint.known && httpEndpoint.value === 'disabled') return ctx.pass();
    if (!httpTokens.known) return ctx.unknown(httpTokens, `cannot tell whether instance \`${name}\` requires IMDSv2`);
    if (httpTokens.value === 'required') return ctx.pass();
    if (httpTokens.defaulted) return ctx.fail(httpTokens, `instance \`${name}\` does not set \`HttpTokens\`; the default \`optional\` allows IMDSv1 unless the AMI or account default requires v2, so set \`HttpTokens\` to \`required\``);
    return ctx.fail(httpTokens, `instance \`${name}\` sets \`HttpTokens\` to ${code(httpTokens.value)}, which allows IMDSv1; set it to \`required\``);
  },
});
