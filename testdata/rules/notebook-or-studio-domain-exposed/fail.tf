# GAI-SEC-022 on Terraform: exposed notebook instances and Studio domains.

# Only the required arguments: every missing setting lands on the resource;
# one finding per check (internet access, root access, volume key, IMDSv1).
# expect: GAI-SEC-022, GAI-SEC-022, GAI-SEC-022, GAI-SEC-022
resource "aws_sagemaker_notebook_instance" "scratch" {
  name          = "scratch"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  instance_type = "ml.t3.medium"
}

variable "root_access" {
  type    = string
  default = "Enabled"
}

# Exposed values written out: one finding on each.
resource "aws_sagemaker_notebook_instance" "research" {
  name            = "research"
  role_arn        = "arn:aws:iam::111122223333:role/notebook"
  instance_type   = "ml.g5.xlarge"
  subnet_id       = "subnet-0a1b2c3d4e5f60718"
  security_groups = ["sg-0123456789abcdef0"]
  # expect: GAI-SEC-022
  direct_internet_access = "Enabled"
  # expect: GAI-SEC-022
  root_access = var.root_access
  kms_key_id  = "alias/notebooks"
  instance_metadata_service_configuration {
    # expect: GAI-SEC-022
    minimum_instance_metadata_service_version = "1"
  }
}

# Public internet written out, no key (on the resource), output sharing
# without a key (on the sharing_settings block).
# expect: GAI-SEC-022
resource "aws_sagemaker_domain" "studio" {
  domain_name = "genai-studio"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f60718"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]
  # expect: GAI-SEC-022
  app_network_access_type = "PublicInternetOnly"
  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio"
    # expect: GAI-SEC-022
    sharing_settings {
      notebook_output_option = "Allowed"
      s3_output_path         = "s3://studio-shared-111122223333/notebooks/"
    }
  }
}
