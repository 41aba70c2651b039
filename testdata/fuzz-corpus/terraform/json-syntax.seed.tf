{
  "//": "terraform_fuzz seed: a root module in Terraform JSON syntax",
  "variable": {"k": {"default": "key"}},
  "locals": {"name": "${var.k}-docs", "on": true},
  "resource": {
    "aws_kms_key": {"k": {"description": "%{if local.on}on%{else}off%{endif}"}},
    "aws_s3_bucket": {"b": {
      "//": "a comment",
      "bucket": "${local.name}",
      "count": "${local.on ? 1 : 0}",
      "depends_on": ["aws_kms_key.k"],
      "lifecycle": {"ignore_changes": ["tags"]},
      "tags": {"Raw": "$${not.a.reference}"}
    }}
  },
  "output": {"arn": {"value": "${aws_s3_bucket.b[0].arn}"}}
}
