import { defineCheck } from '../../kit/define-check.js';
import { exposureOutcome } from '../shared/resource-exposure.js';

export default defineCheck({
  id: 'AWS-LAMBDA-002',
  title: 'Lambda function policy does not let outsiders invoke or change the function',
  severity: 'high',
  provider: 'aws',
  service: 'lambda',
  target: 'aws.lambda.function',
  rationale:
    'A function\'s resource-based policy is built from its permissions (`lambda:AddPermission`, ' +
    '`AWS::Lambda::Permission`, `aws_lambda_permission`). A permission for `"*"` lets any AWS account invoke the ' +
    'function (and, with `lambda:InvokeFunctionUrl` and auth type `NONE`, anyone on the internet); one for a service ' +
    'such as S3, SNS or EventBridge without `SourceArn`/`SourceAccount` lets that service invoke it for any account ' +
    'that points its own resources at the function. The policy is evaluated, as AWS does, for a principal in an ' +
    'unrelated account, for each service it names acting for such an account, and for unsigned function URL calls; ' +
    'where a value is known only at deployment, the statements are read for a principal open to anyone.',
  remediation: {
    summary: 'Remove the open permission; give each service permission a `SourceArn` (and `SourceAccount` for S3), and use `AWS_IAM` auth for function URLs.',
    cli: 'aws lambda remove-permission --function-name FUNCTION --statement-id STATEMENT_ID',
    terraform: 'resource "aws_lambda_permission" "from_bucket" {\n  statement_id   = "AllowS3"\n  action         = "lambda:InvokeFunction"\n  function_name  = aws_lambda_function.thumbnails.function_name\n  principal      = "s3.amazonaws.com"\n  source_arn     = aws_s3_bucket.uploads.arn\n  source_account = data.aws_caller_identity.current.account_id\n}',
    cloudformation: 'FromBucket:\n  Type: AWS::Lambda::Permission\n  Properties:\n    Action: lambda:InvokeFunction\n    FunctionName: !Ref Thumbnails\n    Principal: s3.amazonaws.com\n    SourceArn: !GetAtt Uploads.Arn\n    SourceAccount: !Ref AWS::AccountId',
  },
  references: [
    'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
  ],
  evaluate(f, ctx) {
    return exposureOutcome(ctx, {
      resource: f, policy: f.policy, what: `function \`${f.name.known ? f.name.value : f.native.name}\``, restriction: 'resource',
      fix: 'remove the permission, or pin it with `SourceArn`/`SourceAccount` or `PrincipalOrgID`',
      answer: (iam) => iam.resourceExposure(f.key),
    });
  },
});
