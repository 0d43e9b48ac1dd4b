package com.mcpportal.portal.cloud.aws;

/** The AWS services the adapter calls, with the keys used in {@code portal.aws.endpoints}. */
public enum AwsService {
    STS("sts"), IAM("iam"), EC2("ec2"), ECS("ecs"), ECR("ecr"), LOGS("logs"), SSM("ssm"),
    API_GATEWAY("apigateway"), SERVICE_DISCOVERY("servicediscovery"), TAGGING("tagging"), PRICING("pricing"),
    CLOUDWATCH("cloudwatch"), SCHEDULER("scheduler"), APPLICATION_AUTOSCALING("application-autoscaling");

    private final String key;

    AwsService(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
