resource "aws_s3_bucket" "ok" {
  bucket = "fine"
}
resource "a" "bad" {
  y = [1,,2]
  x =
  z == 1
  s = "unterminated
  f = foo(1
}
}
variable "v" {
  default = <<EOT
never closed
