a = a.b[0].*.c[*].d
b = (a).b[1].0
c = -a.b + c.d * 2 >= 1 && !x || y != null
d = x ? y : -1.5
f = "x${b}y%{ if c ~} z %{~ else }w%{ endif } \u00e9 \"q\" $${lit} %%{lit}"
g = <<-EOT
    hi ${x}
      there
    %{~ for k, v in m ~}
    ${k}: ${v}
    %{ endfor }
  EOT
h = [for k, v in m : v if k]
i = {for k, v in m : k => v... if true}
j = provider::aws::arn_parse(foo(1, b...))
k = { a = 1, "b" : 2, (c) = 3, 4 = "four" }
l = [ # comment
  x[ /* i */ 0 ], // d
  - /* n */ 1,
]
tfvars_style = { "region": "eu-west-1", "n": 3 }
