package com.mcpportal.portal.environment.update;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Server versions compare as Maven orders them, not as strings. */
class ServerVersionTests {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
            "0.1.0, 0.2.0",
            "0.9.1, 0.10.0",
            "0.2.0-SNAPSHOT, 0.2.0",
            "0.1.0, 0.2.0-SNAPSHOT",
            "1.0-alpha1, 1.0-beta1",
            "1.0-beta2, 1.0-rc1",
            "1.0-rc2, 1.0-rc10",
            "1.0-rc1, 1.0-SNAPSHOT",
            "1.0-M1, 1.0-RC1",
            "1.0-foo, 1.0-SNAPSHOT",
            "1.0, 1.0.1",
            "1.9.9, 2"
    })
    void theFirstIsOlder(String older, String newer) {
        assertThat(ServerVersion.parse(older)).isLessThan(ServerVersion.parse(newer));
        assertThat(ServerVersion.parse(newer)).isGreaterThan(ServerVersion.parse(older));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1.0, 1.0.0", "1.0.0-SNAPSHOT, 1.0-snapshot", "1.0.Final, 1.0", "2.0-cr1, 2.0-rc1"})
    void theseAreTheSameVersion(String a, String b) {
        assertThat(ServerVersion.parse(a).compareTo(ServerVersion.parse(b))).isZero();
    }

    @Test
    void aListSortsAsReleasesDo() {
        List<String> versions = List.of("0.10.0", "0.2.0", "0.2.0-SNAPSHOT", "0.2.0-rc1", "0.9.0", "1.0.0-alpha");
        assertThat(versions.stream().sorted((a, b) -> ServerVersion.parse(a).compareTo(ServerVersion.parse(b))))
                .containsExactly("0.2.0-rc1", "0.2.0-SNAPSHOT", "0.2.0", "0.9.0", "0.10.0", "1.0.0-alpha");
    }
}
