# GAI-SEC-022 on Terraform: a hardened notebook instance and Studio domain.
resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "research"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  instance_type          = "ml.g5.xlarge"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  security_groups        = ["sg-0123456789abcdef0"]
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  kms_key_id             = "alias/notebooks"
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

resource "aws_sagemaker_domain" "studio" {
  domain_name             = "genai-studio"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "VpcOnly"
  kms_key_id              = "alias/studio"
  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio"
    sharing_settings {
      notebook_output_option = "Allowed"
      s3_output_path         = "s3://studio-shared-111122223333/notebooks/"
      s3_kms_key_id          = "alias/studio"
    }
  }
}
