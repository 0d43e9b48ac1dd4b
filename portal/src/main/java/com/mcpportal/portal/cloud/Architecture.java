package com.mcpportal.portal.cloud;

/** CPU architecture of an environment's Fargate task and NAT instance. */
public enum Architecture {
    ARM64("ARM64", "arm64", "arm64"),
    X86_64("X86_64", "x86_64", "amd64");

    private final String ecsName;
    private final String ec2Name;
    private final String ociName;

    Architecture(String ecsName, String ec2Name, String ociName) {
        this.ecsName = ecsName;
        this.ec2Name = ec2Name;
        this.ociName = ociName;
    }

    /** The value of ECS {@code runtimePlatform.cpuArchitecture}. */
    public String ecsName() {
        return ecsName;
    }

    /** The value EC2 uses in {@code ProcessorInfo.SupportedArchitectures} and AMI names. */
    public String ec2Name() {
        return ec2Name;
    }

    /** The value of an OCI image's {@code architecture} (and of Go's GOARCH): {@code arm64} or {@code amd64}. */
    public String ociName() {
        return ociName;
    }

    /** Parses an EC2 architecture name such as {@code arm64} or {@code x86_64}. */
    public static Architecture fromEc2Name(String name) {
        for (Architecture a : values()) {
            if (a.ec2Name.equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unsupported architecture: " + name);
    }
}
