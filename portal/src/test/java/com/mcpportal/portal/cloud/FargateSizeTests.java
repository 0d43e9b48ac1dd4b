package com.mcpportal.portal.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FargateSizeTests {

    @Test
    void acceptsTheDocumentedPairs() {
        assertThat(FargateSize.DEFAULT.validate()).isEmpty();
        assertThat(new FargateSize(256, 2048).validate()).isEmpty();
        assertThat(new FargateSize(512, 3072).validate()).isEmpty();
        assertThat(new FargateSize(1024, 8192).validate()).isEmpty();
        assertThat(new FargateSize(2048, 16384).validate()).isEmpty();
        assertThat(new FargateSize(4096, 30720).validate()).isEmpty();
        assertThat(new FargateSize(8192, 61440).validate()).isEmpty();
        assertThat(new FargateSize(16384, 122880).validate()).isEmpty();
    }

    @Test
    void refusesMemoryThatDoesNotFitTheCpuAndSaysWhatWould() {
        assertThat(new FargateSize(256, 4096).validate()).hasValueSatisfying(message -> assertThat(message)
                .contains("4096 MiB", "0.25 vCPU", "512, 1024, 2048"));
        assertThat(new FargateSize(1024, 1024).validate()).hasValueSatisfying(message -> assertThat(message)
                .contains("2048 to 8192 in steps of 1024"));
        assertThat(new FargateSize(4096, 8704).validate()).isPresent();
        assertThat(new FargateSize(8192, 18432).validate()).isPresent();
    }

    @Test
    void refusesAnUnknownCpuValue() {
        assertThat(new FargateSize(300, 512).validate()).hasValueSatisfying(message -> assertThat(message)
                .contains("CPU 300", "256, 512, 1024"));
        assertThatThrownBy(() -> new FargateSize(300, 512).requireValid()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsEveryValidSizeSmallestFirst() {
        assertThat(FargateSize.all()).first().isEqualTo(FargateSize.DEFAULT);
        assertThat(FargateSize.all()).allSatisfy(size -> assertThat(size.validate()).isEmpty())
                .hasSize(3 + 4 + 7 + 13 + 23 + 12 + 12);
    }

    @Test
    void labelsReadAsPeopleWriteThem() {
        assertThat(FargateSize.DEFAULT.vcpuLabel()).isEqualTo("0.25");
        assertThat(FargateSize.DEFAULT.memoryGbLabel()).isEqualTo("0.5");
        assertThat(new FargateSize(2048, 4096).vcpuLabel()).isEqualTo("2");
    }

    @Test
    void architecturesAreNamedAsEc2AndEcsNameThem() {
        assertThat(Architecture.fromEc2Name("arm64")).isEqualTo(Architecture.ARM64);
        assertThat(Architecture.ARM64.ecsName()).isEqualTo("ARM64");
    }
}
