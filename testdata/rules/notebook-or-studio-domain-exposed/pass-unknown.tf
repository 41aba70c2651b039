# GAI-SEC-022 on Terraform: settings from variables without default are
# Unknown, never a guess.
variable "internet_access" {
  type = string
}

variable "network_access" {
  type = string
}

# expect-unknown: GAI-SEC-022
resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "research"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  instance_type          = "ml.g5.xlarge"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  security_groups        = ["sg-0123456789abcdef0"]
  direct_internet_access = var.internet_access
  root_access            = "Disabled"
  kms_key_id             = "alias/notebooks"
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

# expect-unknown: GAI-SEC-022
resource "aws_sagemaker_domain" "studio" {
  domain_name             = "genai-studio"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = var.network_access
  kms_key_id              = "alias/studio"
  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio"
  }
}
