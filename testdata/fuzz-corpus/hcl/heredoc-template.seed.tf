locals {
  policy = <<-EOT
    {"Statement": [{"Effect": "Allow", "Resource": "${aws_s3_bucket.b.arn}/*"}]}
  EOT
  tpl = "%{ for k, v in var.tags }${k}=${v}%{ if v != "" },%{ endif }%{ endfor ~}"
  m = { for k, v in var.m : k => v... if v != null }
  s = [for x in var.l : upper(x)][0]
  sp = aws_instance.a[*].id
}

resource "aws_sagemaker_endpoint_configuration" "main" {
  count       = var.enabled ? 1 : 0
  name        = "cfg-${count.index}"
  kms_key_arn = try(aws_kms_key.k[0].arn, null)

  dynamic "production_variants" {
    for_each = var.variants
    content {
      variant_name           = production_variants.key
      initial_instance_count = production_variants.value.count * 2 + -1 % 3
    }
  }
}
/* block comment */ # hash comment
// slash comment
