# terraform_fuzz seed: dynamic blocks, for expressions, splats, functions,
# conditionals and template directives.
variable "rules" {
  default = {
    https = { port = 443, cidrs = ["10.0.0.0/8"] }
    ssh   = { port = 22, cidrs = [] }
  }
}

locals {
  ports   = [for k, r in var.rules : r.port if length(r.cidrs) > 0]
  by_port = { for k, r in var.rules : tostring(r.port) => k... }
  doc     = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*" }] })
  text    = <<-EOT
    %{for p in local.ports~}
    port ${p}
    %{endfor~}
    %{if length(local.ports) > 1}many%{else}few%{endif}
  EOT
}

resource "aws_security_group" "sg" {
  name = format("sg-%s-%03d", "ml", 7)
  dynamic "ingress" {
    for_each = var.rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      cidr_blocks = try(rule.value.cidrs, [])
      description = upper(rule.key)
    }
  }
  tags = {
    Ports = join(",", [for p in local.ports : tostring(p)])
    Doc   = jsondecode(local.doc).Version
    Many  = length(local.ports) > 1 ? "yes" : "no"
    Text  = trimspace(local.text)
  }
}

resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-${count.index}"
  instance_type = count.index == 0 ? "t3.micro" : "t3.small"
}

output "ids" {
  value = aws_instance.web[*].id
}
