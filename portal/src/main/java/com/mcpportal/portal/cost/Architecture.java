package com.mcpportal.portal.cost;

/** CPU architecture of the Fargate task; ARM (Graviton) is about 20% cheaper. */
public enum Architecture {
    X86_64(PriceComponent.FARGATE_X86_VCPU_HOUR, PriceComponent.FARGATE_X86_GB_HOUR),
    ARM64(PriceComponent.FARGATE_ARM_VCPU_HOUR, PriceComponent.FARGATE_ARM_GB_HOUR);

    private final PriceComponent vcpu;
    private final PriceComponent memory;

    Architecture(PriceComponent vcpu, PriceComponent memory) {
        this.vcpu = vcpu;
        this.memory = memory;
    }

    PriceComponent vcpuPrice() {
        return vcpu;
    }

    PriceComponent memoryPrice() {
        return memory;
    }
}
